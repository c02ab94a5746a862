/**
 * The papers of a digest: the best-ranked papers for a topic's query that the channel has not
 * seen yet, then a relevant but diverse few of those (MMR over TF-IDF similarity).
 */
import type { DigestItem, SearchHit } from '../core/library.js';
import { selectDiverse } from '../digest/digest.js';
import type { RankingCache } from './ranking-cache.js';
import type { TfIdf } from './similar.js';
import type { TldrCache } from './tldr-cache.js';

/** Candidates considered for a digest, per paper asked for. */
const POOL_FACTOR = 5;
const MIN_POOL = 20;

export class DigestPicker {
  constructor(
    private readonly rankings: RankingCache,
    private readonly vectors: () => TfIdf,
    private readonly docOf: ReadonlyMap<string, number>,
    private readonly tldrs: TldrCache,
  ) {}

  pick(query: string, count: number, opts: { exclude?: ReadonlySet<string> } = {}): DigestItem[] {
    const want = Math.max(count * POOL_FACTOR, MIN_POOL);
    const exclude = opts.exclude;
    // Deep enough that `want` remain even if every excluded paper ranks on top.
    const { hits } = this.rankings.get(query, want + (exclude?.size ?? 0));
    const pool: SearchHit[] = [];
    for (const h of hits) {
      if (pool.length >= want) break;
      if (!exclude?.has(h.paper.id)) pool.push(h);
    }
    const vectors = this.vectors();
    const picked = selectDiverse(
      // A filter-only query (`year:2024 sort:top`) scores every paper 0: rank then stands in for relevance.
      pool.map((h, rank) => ({ item: h.paper, relevance: h.score > 0 ? h.score : 1 / (1 + rank) })),
      count,
      (a, b) => vectors.cosine(this.docOf.get(a.id) ?? -1, this.docOf.get(b.id) ?? -1),
    );
    return picked.map(({ item, relevance }) => ({ paper: item, tldr: this.tldrs.of(item), score: relevance }));
  }
}
