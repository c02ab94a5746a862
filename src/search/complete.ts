/**
 * Title autocomplete: titles that start with what was typed, then titles whose words do
 * ("diff mod" finds "... Diffusion Models ..."). Its own small index over titles, unstemmed,
 * because a half-typed word has no reliable stem ("generat" is not a prefix of stem "gener").
 */
import MiniSearch from 'minisearch';
import type { Paper } from '../corpus/paper.js';
import { normalize, phraseForm, STOP_WORDS, tokenize } from './text.js';

export class TitleCompleter {
  /** Normalised titles in sort order, for binary search on the whole-title prefix. */
  private readonly sorted: { key: string; doc: number }[];
  private readonly words: MiniSearch<{ id: number; title: string }>;

  constructor(private readonly papers: readonly Paper[]) {
    this.sorted = papers
      .map((p, doc) => ({ key: phraseForm(p.title), doc }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    this.words = new MiniSearch({ fields: ['title'], tokenize, processTerm: (t) => normalize(t) });
    this.words.addAll(papers.map((p, id) => ({ id, title: p.title })));
  }

  complete(typed: string, limit: number): Paper[] {
    const key = phraseForm(typed);
    if (!key || limit <= 0) return [];
    const docs: number[] = [];
    for (let i = lowerBound(this.sorted, key); i < this.sorted.length && docs.length < limit; i++) {
      const entry = this.sorted[i];
      if (!entry || !entry.key.startsWith(key)) break;
      docs.push(entry.doc);
    }
    if (docs.length < limit) {
      // Every typed word must match; the last one may be unfinished, so it matches by prefix.
      const terms = tokenize(key).filter((t, i, all) => i === all.length - 1 || !STOP_WORDS.has(t));
      const hits = this.words.search(terms.join(' '), {
        combineWith: 'AND',
        prefix: (_term, i, all) => i === all.length - 1,
      });
      for (const h of hits) {
        if (docs.length >= limit) break;
        if (!docs.includes(h.id as number)) docs.push(h.id as number);
      }
    }
    return docs.map((d) => this.papers[d]).filter((p): p is Paper => p !== undefined);
  }
}

function lowerBound(sorted: readonly { key: string }[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid]?.key ?? '') < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
