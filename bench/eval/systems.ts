/** The systems `npm run eval` compares: paperbot's search as shipped, and plain MiniSearch. */
import type { Paper } from '../../src/corpus/paper.js';
import type { PaperLibrary } from '../../src/core/library.js';
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
