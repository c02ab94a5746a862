/**
 * Proximity re-ranking: a document where two adjacent query words also stand side by side
 * ("cross-correlation matrix") is about the query's idea, not just sharing its vocabulary.
 * Bag-of-words BM25 cannot see this, and long descriptive queries need it most: there, a
 * title that shares three common words otherwise beats the abstract that describes the idea.
 */
import type { WordPair } from './query-plan.js';
import { STREAM_FIELDS, wordAt, type TokenStreams } from './token-streams.js';

/** Score multiplier per query word pair found adjacent (or written as one word) in the document. */
const PAIR_BONUS = 0.5;
/** Only the top of the ranking is re-scored: bounded cost per query. */
export const RERANK_DEPTH = 50;
/** Pair keys: first id × this + second id, exact in a double for ids below it (2^26 stems: far beyond any corpus). */
const KEY = 2 ** 26;

/** A query's word pairs as term ids, keyed for lookup while walking a document's tokens. */
export interface PairIndex {
  /** first id × KEY + second id → pair number. */
  adjacent: Map<number, number>;
  /** Joined form's id → pair numbers: a paper writing the two words as one has them side by side. */
  joined: Map<number, number[]>;
  /** Ids that start a pair or are a joined form: most tokens are neither, and cost one lookup. */
  interesting: Set<number>;
  size: number;
}

export class ProximityScorer {
  /** 1 for the stems of the pairs being looked for: a typed array read per token, not a set lookup. */
  private readonly marked: Uint8Array;

  /**
   * `streams`, `surfaceStem` (each word's stem id) and `stems` (their number) from one index;
   * `termId(stem)`: the stem's id in that index, if it has the stem.
   */
  constructor(
    private readonly streams: TokenStreams,
    private readonly surfaceStem: Uint32Array,
    stems: number,
    private readonly termId: (stem: string) => number | undefined,
  ) {
    this.marked = new Uint8Array(stems);
  }

  /** Distinct pairs of a query plan, e.g. "cross correl", "correl matrix", as ids. Pairs the corpus cannot have count for nothing. */
  pairs(pairs: readonly WordPair[]): PairIndex {
    const keys = new Map<string, number>();
    const adjacent = new Map<number, number>();
    const joined = new Map<number, number[]>();
    const interesting = new Set<number>();
    for (const pair of pairs) {
      const key = `${pair.first} ${pair.second}`;
      if (keys.has(key)) continue;
      const n = keys.size;
      keys.set(key, n);
      const first = this.termId(pair.first);
      const second = this.termId(pair.second);
      if (first !== undefined && second !== undefined && first < KEY && second < KEY) {
        adjacent.set(first * KEY + second, n);
        interesting.add(first);
      }
      const joinedId = pair.joined === undefined ? undefined : this.termId(pair.joined);
      if (joinedId !== undefined) {
        joined.set(joinedId, [...(joined.get(joinedId) ?? []), n]);
        interesting.add(joinedId);
      }
    }
    return { adjacent, joined, interesting, size: keys.size };
  }

  /** Number of distinct query pairs that occur adjacent (in order), or joined, in the document's title or abstract. */
  matchedPairs(doc: number, pairs: PairIndex): number {
    if (pairs.interesting.size === 0) return 0;
    const { streams, surfaceStem, marked } = this;
    for (const id of pairs.interesting) marked[id] = 1;
    const found = new Set<number>();
    const end = streams.starts[doc * STREAM_FIELDS + STREAM_FIELDS]!;
    const titleEnd = streams.starts[doc * STREAM_FIELDS + 1]!;
    for (let t = streams.starts[doc * STREAM_FIELDS]!; t < end; t++) {
      const id = surfaceStem[wordAt(streams, t)]!;
      if (marked[id] === 0) continue;
      for (const n of pairs.joined.get(id) ?? []) found.add(n);
      // A pair does not run from the title into the abstract.
      if (t + 1 >= end || t + 1 === titleEnd) continue;
      const n = pairs.adjacent.get(id * KEY + surfaceStem[wordAt(streams, t + 1)]!);
      if (n !== undefined) found.add(n);
      if (found.size === pairs.size) break;
    }
    for (const id of pairs.interesting) marked[id] = 0;
    return found.size;
  }

  /**
   * Re-scores the top RERANK_DEPTH hits by proximity and re-sorts them; the tail keeps its order.
   * Papers with every query word stay above those with some ("all words first"): each group is
   * re-sorted on its own, and the partial group is scaled back below the full one.
   */
  rerank<T extends { doc: number; score: number; full: boolean }>(ranked: T[], queryPairs: readonly WordPair[]): T[] {
    const pairs = this.pairs(queryPairs);
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
}

/** `sorted` (best first) scaled so that its best scores just below `ceiling`, as the engine scales OR hits. */
function below<T extends { score: number }>(sorted: T[], ceiling: number | undefined): T[] {
  const top = sorted[0]?.score ?? 0;
  if (ceiling === undefined || top <= 0 || top < ceiling) return sorted;
  const scale = (ceiling * 0.99) / top;
  return sorted.map((r) => ({ ...r, score: r.score * scale }));
}
