/** TL;DRs by paper ID: digests for many channels show the same papers, and sentence scoring is not free. */
import type { Paper } from '../corpus/paper.js';
import { tldrOf } from '../digest/tldr.js';

/** Cleared whole when full: simpler than LRU, and a digest run refills it with what it needs. */
const CACHE_SIZE = 20_000;

export class TldrCache {
  private readonly texts = new Map<string, string>();

  /** The source's own summary when it has one (written for this purpose), else the best sentence of the abstract. */
  of(paper: Paper): string {
    let text = this.texts.get(paper.id);
    if (text === undefined) {
      if (this.texts.size >= CACHE_SIZE) this.texts.clear();
      this.texts.set(paper.id, (text = tldrOf(paper)));
    }
    return text;
  }
}
