/**
 * Proximity re-ranking: a document where two adjacent query words also stand side by side
 * ("cross-correlation matrix") is about the query's idea, not just sharing its vocabulary.
 * Bag-of-words BM25 cannot see this, and long descriptive queries need it most: there, a
 * title that shares three common words otherwise beats the abstract that describes the idea.
 */
import type { WordPair } from './query-plan.js';
import { stems } from './text.js';

/** Score multiplier per query word pair found adjacent (or written as one word) in the document. */
const PAIR_BONUS = 0.5;
/** Only the top of the ranking is re-scored: bounded cost per query. */
export const RERANK_DEPTH = 50;
/** Stemmed texts of recently re-ranked documents, so repeated queries skip the stemming. */
const CACHE_SIZE = 4096;

/** A query's word pairs, keyed for lookup while walking a document's words. */
export interface PairIndex {
  /** "first second" → pair number. */
  adjacent: Map<string, number>;
  /** Joined form's stem → pair numbers: a paper writing the two words as one has them side by side. */
  joined: Map<string, number[]>;
  /** First words of pairs: most document words start none, so no pair string is built for them. */
  firsts: Set<string>;
  size: number;
}

export class ProximityScorer {
  private readonly cache = new Map<number, string[][]>();

  /** `text(doc)`: the fields of a document (title, abstract) by its index in the corpus. */
  constructor(private readonly text: (doc: number) => string[] | undefined) {}

  /** Distinct pairs of a query plan, e.g. "cross correl", "correl matrix". */
  static pairs(pairs: readonly WordPair[]): PairIndex {
    const adjacent = new Map<string, number>();
    const joined = new Map<string, number[]>();
    for (const pair of pairs) {
      const key = `${pair.first} ${pair.second}`;
      if (adjacent.has(key)) continue;
      adjacent.set(key, adjacent.size);
      if (pair.joined) joined.set(pair.joined, [...(joined.get(pair.joined) ?? []), adjacent.get(key)!]);
    }
    return { adjacent, joined, firsts: new Set(pairs.map((p) => p.first)), size: adjacent.size };
  }

  /** Number of distinct query pairs that occur adjacent (in order), or joined, in the document's fields. */
  matchedPairs(doc: number, pairs: PairIndex): number {
    if (pairs.size === 0) return 0;
    const found = new Set<number>();
    for (const field of this.stemmed(doc)) {
      for (let i = 0; i < field.length; i++) {
        const word = field[i]!;
        for (const n of pairs.joined.get(word) ?? []) found.add(n);
        // Build the pair string only when its first word starts a query pair: most words do not.
        if (i + 1 >= field.length || !pairs.firsts.has(word)) continue;
        const n = pairs.adjacent.get(`${word} ${field[i + 1]}`);
        if (n !== undefined) found.add(n);
      }
    }
    return found.size;
  }

  /**
   * Re-scores the top RERANK_DEPTH hits by proximity and re-sorts them; the tail keeps its order.
   * Papers with every query word stay above those with some ("all words first"): each group is
   * re-sorted on its own, and the partial group is scaled back below the full one.
   */
  rerank<T extends { doc: number; score: number; full: boolean }>(ranked: T[], queryPairs: readonly WordPair[]): T[] {
    const pairs = ProximityScorer.pairs(queryPairs);
    if (pairs.size === 0) return ranked;
    const boosted = ranked.slice(0, RERANK_DEPTH).map((r) => ({ ...r, score: r.score * (1 + PAIR_BONUS * this.matchedPairs(r.doc, pairs)) }));
    const byScore = (a: T, b: T) => b.score - a.score;
    const full = boosted.filter((r) => r.full).sort(byScore);
    const head = [...full, ...below(boosted.filter((r) => !r.full).sort(byScore), full[full.length - 1]?.score)];
    // Keep scores monotonic: the tail must not outrank the re-scored head.
    const floor = head[head.length - 1]?.score ?? 0;
    const tail = ranked.slice(RERANK_DEPTH).map((r) => ({ ...r, score: Math.min(r.score, floor) }));
    return [...head, ...tail];
  }

  private stemmed(doc: number): string[][] {
    let fields = this.cache.get(doc);
    if (fields) {
      this.cache.delete(doc); // re-insert: Map order doubles as LRU order
    } else {
      fields = (this.text(doc) ?? []).map(stems);
      if (this.cache.size >= CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as number);
    }
    this.cache.set(doc, fields);
    return fields;
  }
}

/** `sorted` (best first) scaled so that its best scores just below `ceiling`, as the engine scales OR hits. */
function below<T extends { score: number }>(sorted: T[], ceiling: number | undefined): T[] {
  const top = sorted[0]?.score ?? 0;
  if (ceiling === undefined || top <= 0 || top < ceiling) return sorted;
  const scale = (ceiling * 0.99) / top;
  return sorted.map((r) => ({ ...r, score: r.score * scale }));
}
