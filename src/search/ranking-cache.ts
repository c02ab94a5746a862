/**
 * Rankings of digest queries, kept between calls. Digest fan-out asks the same few dozen topic
 * queries for thousands of channels: each ranking is computed once, and each channel then only
 * skips its own history.
 */
import { parseQuery } from './query.js';
import type { Ranked, Ranker } from './ranking.js';

/** Rankings kept, least recently used dropped first. */
const CACHE_SIZE = 256;
/** Depth of a cached ranking before it is recomputed deeper (channels with long histories). */
const MIN_DEPTH = 200;

export class RankingCache {
  private readonly entries = new Map<string, Ranked>();

  constructor(private readonly ranker: Ranker) {}

  /** At least the first `depth` hits of `query` (all of them when fewer match). */
  get(query: string, depth: number): Ranked {
    let entry = this.entries.get(query);
    if (!entry || (entry.hits.length < depth && entry.hits.length < entry.total)) {
      // Twice as deep as asked: the next, slightly longer history should not recompute.
      entry = this.ranker.top(parseQuery(query), Math.max(depth * 2, MIN_DEPTH));
      if (this.entries.size >= CACHE_SIZE) this.entries.delete(this.entries.keys().next().value as string);
    }
    // Re-insert: Map order doubles as LRU order.
    this.entries.delete(query);
    this.entries.set(query, entry);
    return entry;
  }
}
