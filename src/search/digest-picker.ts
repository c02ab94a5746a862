/**
 * The papers of a digest: the best-ranked papers for a topic's query that the channel has not
 * seen yet, above a relevance floor, weighted by a freshness and popularity prior, then a
 * relevant but diverse few of those (MMR over TF-IDF similarity, near-duplicates never both),
 * each with a line on why it is there.
 */
import type { DigestItem, SearchHit } from '../core/library.js';
import type { Paper } from '../corpus/paper.js';
import { selectDiverse } from '../digest/digest.js';
import { ABSTRACT, TITLE, topicWords, whyThisPaper } from './digest-why.js';
import type { DocOf } from './hybrid.js';
import type { PaperPriors } from './paper-priors.js';
import { parseQuery } from './query.js';
import type { QueryPlan } from './query-plan.js';
import type { RankingCache } from './ranking-cache.js';
import type { TfIdf } from './similar.js';
import type { TldrCache } from './tldr-cache.js';

/** Candidates considered for a digest, per paper asked for. */
const POOL_FACTOR = 5;
const MIN_POOL = 20;
/**
 * Papers scoring below this share of the topic's best paper are not worth a digest slot: a narrow
 * topic gets a short digest rather than filler. On the real corpus, "posterior collapse" keeps its
 * two papers on posterior collapse and drops "neural collapse" and "mode collapse" (0.13 and below).
 */
export const RELEVANCE_FLOOR = 0.15;
/** Upvotes within this share of the corpus's most upvoted paper (log scale) are "among the most upvoted". */
const POPULAR = 0.8;

export interface DigestSources {
  rankings: RankingCache;
  vectors: () => TfIdf;
  docOf: DocOf;
  tldrs: TldrCache;
  priors: () => PaperPriors;
  plan: (texts: readonly string[]) => QueryPlan;
  /** True when the document has the stem in the field (index lookup). */
  has: (stem: string, doc: number, field: typeof TITLE | typeof ABSTRACT) => boolean;
}

export class DigestPicker {
  constructor(private readonly sources: DigestSources) {}

  pick(query: string, count: number, opts: { exclude?: ReadonlySet<string> } = {}): DigestItem[] {
    const { rankings, vectors, docOf, tldrs } = this.sources;
    const parsed = parseQuery(query);
    const want = Math.max(count * POOL_FACTOR, MIN_POOL);
    const exclude = opts.exclude;
    // Deep enough that `want` remain even if every excluded paper ranks on top.
    const ranked = rankings.get(query, want + (exclude?.size ?? 0));
    const pool = this.relevant(ranked.hits, ranked.allWords, want, exclude);
    const priors = this.sources.priors();
    const similarity = vectors();
    const picked = selectDiverse(
      // A filter-only query (`year:2024 sort:top`) scores every paper 0: rank then stands in for relevance.
      pool.map((h, rank) => ({ item: h.paper, relevance: (h.score > 0 ? h.score : 1 / (1 + rank)) * priors.prior(h.paper) })),
      count,
      (a, b) => similarity.cosine(docOf.get(a.id) ?? -1, docOf.get(b.id) ?? -1),
    );
    const topThisWeek = mostUpvotedThisWeek(pool.map((h) => h.paper), priors);
    const topic = topicWords(parsed, this.sources.plan);
    return picked.map(({ item, relevance }) => ({
      paper: item,
      tldr: tldrs.of(item),
      score: relevance,
      why: whyThisPaper(item, docOf.get(item.id) ?? -1, {
        query: parsed,
        topic,
        has: this.sources.has,
        topThisWeek: item === topThisWeek,
        popular: priors.popularity(item) >= POPULAR,
      }),
    }));
  }

  /**
   * Up to `want` hits the channel has not seen, among those with every query word that score at
   * least RELEVANCE_FLOOR of the best one (seen or not: a channel that has seen the best papers
   * does not get the dregs as its new best).
   */
  private relevant(hits: readonly SearchHit[], allWords: number, want: number, exclude: ReadonlySet<string> | undefined): SearchHit[] {
    const best = hits[0]?.score ?? 0;
    const pool: SearchHit[] = [];
    for (const [i, h] of hits.entries()) {
      if (pool.length >= want || (best > 0 && i >= allWords)) break;
      // Skipped rather than stopping: under `sort:new` the ranking is not by score.
      if (best > 0 && h.score < RELEVANCE_FLOOR * best) continue;
      if (!exclude?.has(h.paper.id)) pool.push(h);
    }
    return pool;
  }
}

/** The most upvoted paper published this week among `papers`, if any has upvotes. */
function mostUpvotedThisWeek(papers: readonly Paper[], priors: PaperPriors): Paper | undefined {
  let top: Paper | undefined;
  for (const p of papers) if (priors.thisWeek(p) && (p.upvotes ?? 0) > (top?.upvotes ?? 0)) top = p;
  return top;
}
