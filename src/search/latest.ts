/**
 * What arrived lately: papers paperbot first stored after a given instant, optionally within a
 * topic, most upvoted first (newest first among equals). Seed papers were never "new", so they
 * have no `firstSeen` and never show here.
 */
import type { Paper } from '../corpus/paper.js';
import type { SearchResult } from '../core/library.js';
import type { Matcher } from './matching.js';
import { parseQuery } from './query.js';

export class Latest {
  /** First-seen instants in ms, NaN for papers that never arrived from a source. */
  private readonly seen: Float64Array;

  constructor(
    private readonly papers: readonly Paper[],
    private readonly matcher: Matcher,
  ) {
    this.seen = Float64Array.from(papers, (p) => (p.firstSeen ? Date.parse(p.firstSeen) : Number.NaN));
  }

  page(query: string | undefined, options: { since: Date; limit: number; offset?: number }): SearchResult {
    const since = options.since.getTime();
    const docs: number[] = [];
    if (query?.trim()) {
      const found = this.matcher.match(parseQuery(query));
      for (let i = 0; i < found.length; i++) if (this.seen[found.docs[i]!]! >= since) docs.push(found.docs[i]!);
    } else {
      for (let doc = 0; doc < this.seen.length; doc++) if (this.seen[doc]! >= since) docs.push(doc);
    }
    const upvotes = (doc: number) => this.papers[doc]!.upvotes ?? -1;
    docs.sort((a, b) => upvotes(b) - upvotes(a) || this.seen[b]! - this.seen[a]! || a - b);
    const offset = Math.max(0, options.offset ?? 0);
    const hits = docs.slice(offset, offset + options.limit).map((doc) => ({ paper: this.papers[doc]!, score: upvotes(doc) }));
    return { hits, total: docs.length, suggestions: [] };
  }
}
