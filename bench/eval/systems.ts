/**
 * The systems `npm run eval` compares: paperbot's lexical search alone, the semantic model alone,
 * the shipped hybrid (both fused), the hybrid with the other fusion method, and plain MiniSearch.
 */
import type { Paper } from '../../src/corpus/paper.js';
import type { PaperLibrary } from '../../src/core/library.js';
import type { TopicConfig } from '../../src/search/library.js';
import { createLibrary } from '../../src/search/library.js';
import type { FusionMethod } from '../../src/search/fusion.js';
import { LsaProvider, lsaSemantic } from '../../src/search/lsa-provider.js';
import type { PaperVectors } from '../../src/search/paper-vectors.js';
import { buildIndex, type IndexData } from '../../src/search/postings.js';
import { anchorSearch, buildAnchor } from '../lib/anchor.js';
import type { SimilarSystem, System } from './evaluate.js';

/** The library's search, first page; a query it rejects (bad syntax) finds nothing. */
export function shipped(library: PaperLibrary): System {
  return (query, limit) => {
    try {
      return library.search(query, { limit }).hits.map((h) => h.paper.id);
    } catch {
      return [];
    }
  };
}

export function shippedSimilar(library: PaperLibrary): SimilarSystem {
  return (id, limit) => library.similar(id, limit).map((h) => h.paper.id);
}

export interface Libraries {
  /** Lexical ranking only (BM25 and proximity), `similar` by TF-IDF. */
  lexical: PaperLibrary;
  /** As shipped: lexical and semantic fused, `similar` by the semantic model. */
  hybrid: PaperLibrary;
  /** The hybrid with another fusion method, for comparison. */
  hybridWith(fusion: FusionMethod): PaperLibrary;
  provider: LsaProvider;
  vectors: PaperVectors;
}

/** paperbot's libraries over `papers`, lexical and hybrid, with the default semantic model (LSA learnt from them). */
export function libraries(papers: Paper[], topics: TopicConfig[] = [], index: IndexData = buildIndex(papers)): Libraries {
  const provider = LsaProvider.train(index);
  const semantic = lsaSemantic(provider, index);
  return {
    lexical: createLibrary(papers, { topics, index }),
    hybrid: createLibrary(papers, { topics, index, semantic }),
    hybridWith: (fusion) => createLibrary(papers, { topics, index, semantic: { ...semantic, fusion } }),
    provider,
    vectors: semantic.vectors,
  };
}

/** The semantic model alone: the papers nearest to the query's vector; `similar` the papers nearest to the paper's. */
export function semanticOnly(papers: readonly Paper[], provider: LsaProvider, vectors: PaperVectors): { search: System; similar: SimilarSystem } {
  const docOf = new Map(papers.map((p, i) => [p.id, i] as const));
  const ids = (hits: { doc: number }[]) => hits.map((h) => papers[h.doc]!.id);
  return {
    search: (query, limit) => {
      const v = provider.embedQueryNow(query);
      return v ? ids(vectors.nearest(v, limit)) : [];
    },
    similar: (id, limit) => {
      const doc = docOf.get(id)!;
      const v = vectors.vector(doc);
      return v ? ids(vectors.nearest(v, limit, undefined, doc)) : [];
    },
  };
}

/** MiniSearch with its documented defaults, a title boost, fuzzy 0.2 and prefix search (bench/lib/anchor.ts). */
export function plainMiniSearch(papers: readonly Paper[]): { search: System; similar: SimilarSystem } {
  const mini = buildAnchor(papers);
  const byId = new Map(papers.map((p) => [p.id, p]));
  const search: System = (query, limit) => anchorSearch(mini, query, 'fuzzy', limit).map((doc) => papers[doc]!.id);
  // Its nearest equivalent of "more like this": the paper's title as the query, the paper left out.
  const similar: SimilarSystem = (id, limit) =>
    anchorSearch(mini, byId.get(id)?.title.replace(/"/g, ' ') ?? '', 'fuzzy', limit + 1)
      .map((doc) => papers[doc]!.id)
      .filter((other) => other !== id)
      .slice(0, limit);
  return { search, similar };
}
