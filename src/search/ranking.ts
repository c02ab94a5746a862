/**
 * The first matches of a query in the order it asks for: relevance (BM25, then proximity on the
 * head of the ranking), `sort:new` or `sort:top`. Selects the top k without sorting every match.
 */
import type { Paper } from '../corpus/paper.js';
import type { SearchHit } from '../core/library.js';
import type { Candidates, SearchEngine } from './engine.js';
import type { Matcher } from './matching.js';
import { ProximityScorer, RERANK_DEPTH } from './proximity.js';
import type { PublishedDates } from './published-dates.js';
import type { ParsedQuery } from './query.js';
import { topK, topKByValue } from './top-k.js';

export interface Ranked {
  hits: SearchHit[];
  /** Number of matching papers, however many hits were asked for. */
  total: number;
  /** The first this many hits have every query word (in relevance order; all of them in other orders). */
  allWords: number;
}

export class Ranker {
  private readonly proximity: ProximityScorer;
  // Upvotes (-1: none) as numbers: `sort:top` over tens of thousands of matches compares numbers
  // instead of reading paper objects. Read on the first `sort:top`, not at start-up.
  private upvoteTable: Int32Array | undefined;

  constructor(
    private readonly papers: readonly Paper[],
    private readonly matcher: Matcher,
    private readonly dates: PublishedDates,
    engine: SearchEngine,
  ) {
    this.proximity = new ProximityScorer(engine.index.streams, engine.index.surfaceStem, engine.index.terms.length, (stem) => engine.termId(stem));
  }

  private get upvotes(): Int32Array {
    return (this.upvoteTable ??= Int32Array.from(this.papers, (p) => p.upvotes ?? -1));
  }

  /** The first `depth` matches of `q`, in order, and how many there are in all. */
  top(q: ParsedQuery, depth: number): Ranked {
    const found = this.matcher.match(q);
    return { ...this.order(q, found, depth), total: found.length };
  }

  private order(q: ParsedQuery, c: Candidates, k: number): { hits: SearchHit[]; allWords: number } {
    const positive = q.terms.length + q.phrases.length > 0;
    // Without words to rank by, relevance means nothing: newest first.
    const sort = positive ? q.sort : q.sort === 'relevance' ? 'new' : q.sort;
    if (sort === 'relevance') {
      // Proximity re-ranks the head of the BM25 ranking; the tail keeps its order.
      const top = topKByValue(c.scores, c.length, Math.max(k, RERANK_DEPTH), (i) => c.docs[i]!).map((i) => ({ doc: c.docs[i]!, score: c.scores[i]!, full: c.full[i] === 1 }));
      const ranked = this.proximity.rerank(top, this.matcher.plan(q).pairs).slice(0, k);
      const partial = ranked.findIndex((r) => !r.full);
      return { hits: ranked.map((r) => ({ paper: this.papers[r.doc] as Paper, score: r.score })), allWords: partial < 0 ? ranked.length : partial };
    }
    // `new` and `top` order by date or upvotes; relevance breaks ties.
    const key = sort === 'new' ? this.dates.rank : this.upvotes;
    const byScore = (a: number, b: number) => c.scores[a]! > c.scores[b]! || (c.scores[a] === c.scores[b] && c.docs[a]! < c.docs[b]!);
    const better = (a: number, b: number) => {
      const ka = key[c.docs[a]!]!;
      const kb = key[c.docs[b]!]!;
      return ka > kb || (ka === kb && byScore(a, b));
    };
    const hits = topK(c.length, k, better).map((i) => ({ paper: this.papers[c.docs[i]!] as Paper, score: c.scores[i]! }));
    return { hits, allWords: hits.length };
  }
}
