/** One page of search results, with "did you mean" rewrites when the query has unknown words. */
import type { SearchResult } from '../core/library.js';
import { parseQuery } from './query.js';
import type { Ranker } from './ranking.js';
import type { Speller } from './suggest.js';

export function searchPage(ranker: Pick<Ranker, 'top'>, speller: () => Speller, query: string, page: { limit: number; offset?: number }): SearchResult {
  const q = parseQuery(query);
  const offset = Math.max(0, page.offset ?? 0);
  const { hits, total } = ranker.top(q, offset + Math.max(0, page.limit));
  // Offer corrections when a word is unknown: results then came from typo matching, or there are none.
  const suggestions = q.terms.some((t) => speller().isUnknown(t)) ? speller().suggest(query, q.terms) : [];
  return { hits: hits.slice(offset), total, suggestions };
}
