/**
 * The anchors: plain MiniSearch over the same papers, with its documented defaults plus a title
 * boost, queried two ways: exact (MiniSearch's default search: whole words, OR) and with typo and
 * prefix matching (fuzzy 0.2, prefix), the set-up closest to what our engine does. It has no query
 * language, so it gets the query's words.
 */
import MiniSearch from 'minisearch';
import type { Paper } from '../../src/corpus/paper.js';
import { lex } from '../../src/search/query.js';

export type Anchor = MiniSearch<{ id: number; title: string; abstract: string }>;

export function buildAnchor(papers: readonly Paper[]): Anchor {
  const mini: Anchor = new MiniSearch({
    fields: ['title', 'abstract'],
    searchOptions: { boost: { title: 3 } },
  });
  mini.addAll(papers.map((p, id) => ({ id, title: p.title, abstract: p.abstract })));
  return mini;
}

/** The words of a query without operators or exclusions: what a plain full-text engine can take. */
export function anchorText(query: string): string {
  return lex(query)
    .filter((t) => !t.negated && !/^(year|since|sort):/i.test(t.text))
    .map((t) => t.text)
    .join(' ');
}

export type AnchorMode = 'exact' | 'fuzzy';
export const ANCHOR_MODES: readonly AnchorMode[] = ['exact', 'fuzzy'];
const OPTIONS = { exact: {}, fuzzy: { fuzzy: 0.2, prefix: true } } as const;

export function anchorSearch(mini: Anchor, query: string, mode: AnchorMode = 'fuzzy', limit = 5): number[] {
  const text = anchorText(query);
  return text ? mini.search(text, OPTIONS[mode]).slice(0, limit).map((r) => r.id as number) : [];
}
