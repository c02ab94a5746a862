import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { byTitle, realLibrary } from './helpers.js';

const { papers, library } = realLibrary();
const titles = (query: string, limit = 5) => library.search(query, { limit }).hits.map((h) => h.paper.title);
const text = (p: { title: string; abstract: string }) => `${p.title} ${p.abstract}`.toLowerCase();

describe('relevance on the real corpus', () => {
  it('ranks the paper described in plain words first (descriptive query)', () => {
    const query = 'loss that pushes the cross-correlation matrix of two views toward the identity';
    expect(titles(query, 3)[0]).toMatch(/^Barlow Twins/);
  });

  it('ranks a title match above abstract-only matches', () => {
    const hits = library.search('barlow', { limit: 10 }).hits;
    expect(hits[0]?.paper.title).toMatch(/^Barlow Twins/);
    const abstractOnly = hits.filter((h) => !/barlow/i.test(h.paper.title));
    expect(abstractOnly.length).toBeGreaterThan(0);
    expect(Math.max(...abstractOnly.map((h) => h.score))).toBeLessThan(hits[0]!.score);
  });

  it('stems: "equivariance" finds papers titled "Equivariant ..."', () => {
    const top = titles('equivariance', 10);
    expect(top.filter((t) => /equivariant\b/i.test(t)).length).toBeGreaterThanOrEqual(3);
  });

  it('tolerates a typo only where exact matching finds nothing: "difusion"', () => {
    const r = library.search('difusion', { limit: 10 });
    expect(r.total).toBeGreaterThan(20);
    expect(r.hits.every((h) => text(h.paper).includes('diffusion'))).toBe(true);
  });

  it('completes a prefix: "equivar"', () => {
    const r = library.search('equivar', { limit: 10 });
    expect(r.total).toBeGreaterThanOrEqual(10);
    expect(r.hits.every((h) => text(h.paper).includes('equivar'))).toBe(true);
  });

  it('does not loosen known words: "transfer" matches no "transformer"-only paper', () => {
    const r = library.search('transfer', { limit: 100 });
    expect(r.hits.every((h) => /transfer/i.test(text(h.paper)))).toBe(true);
  });

  it('matches quoted phrases verbatim, ignoring case and whitespace', () => {
    const r = library.search('"score distillation"', { limit: 100 });
    const expected = papers.filter((p) => text(p).replace(/\s+/g, ' ').includes('score distillation'));
    expect(r.total).toBe(expected.length);
    expect(r.total).toBeGreaterThanOrEqual(5);
    expect(new Set(r.hits.map((h) => h.paper.id))).toEqual(new Set(expected.map((p) => p.id)));
  });

  it('excludes -term (stemmed: "-video" drops "videos") and -"phrase"', () => {
    const all = library.search('diffusion', { limit: 500 });
    const r = library.search('diffusion -video', { limit: 500 });
    expect(r.total).toBeLessThan(all.total);
    expect(r.hits.some((h) => /\bvideos?\b/i.test(text(h.paper)))).toBe(false);
    const p = library.search('diffusion -"text-to-image"', { limit: 500 });
    expect(p.total).toBeLessThan(all.total);
    expect(p.hits.some((h) => text(h.paper).includes('text-to-image'))).toBe(false);
  });

  it('filters by year: and since:, dropping undated papers', () => {
    const y = library.search('diffusion year:2024', { limit: 100 });
    expect(y.total).toBeGreaterThan(0);
    expect(y.hits.every((h) => h.paper.published?.startsWith('2024-'))).toBe(true);
    const s = library.search('learning since:2024-06', { limit: 100 });
    expect(s.total).toBeGreaterThan(0);
    expect(s.hits.every((h) => (h.paper.published ?? '') >= '2024-06-01')).toBe(true);
  });

  it('sorts by date with sort:new and by upvotes with sort:top', () => {
    const dates = library.search('learning sort:new', { limit: 30 }).hits.map((h) => h.paper.published ?? '');
    expect(dates[0]).toBeTruthy();
    expect([...dates].sort().reverse()).toEqual(dates);
    const votes = library.search('sort:top', { limit: 10 }).hits.map((h) => h.paper.upvotes ?? -1);
    expect(votes[0]).toBe(Math.max(...papers.map((p) => p.upvotes ?? -1)));
    expect([...votes].sort((a, b) => b - a)).toEqual(votes);
  });

  it('pages with offset and reports the total before paging', () => {
    const all = library.search('contrastive', { limit: 20 });
    const page = library.search('contrastive', { limit: 5, offset: 5 });
    expect(page.total).toBe(all.total);
    expect(page.hits.map((h) => h.paper.id)).toEqual(all.hits.slice(5, 10).map((h) => h.paper.id));
  });

  it('throws UserError on bad syntax', () => {
    expect(() => library.search('gan sort:foo', { limit: 5 })).toThrow(UserError);
  });
});

describe('did you mean', () => {
  it('suggests "transformer" for "transfomer"', () => {
    const r = library.search('transfomer', { limit: 5 });
    expect(r.suggestions[0]).toBe('transformer');
    expect(r.suggestions.length).toBeLessThanOrEqual(3);
  });

  it('offers only the closest words: none two edits away beside one that is one edit away', () => {
    // "transformers" is one edit from "transfomer"; "transformed" and "transforms" are two.
    expect(library.search('transfomers', { limit: 5 }).suggestions).toEqual(['transformers']);
    // Nothing is one edit from "trasnformers" (two letters swapped): two edits away is the closest.
    expect(library.search('trasnformers', { limit: 5 }).suggestions).toContain('transformers');
  });

  it('keeps the rest of the query in a suggestion', () => {
    expect(library.search('equivariant transfomer sort:new', { limit: 5 }).suggestions[0]).toBe(
      'equivariant transformer sort:new',
    );
  });

  it('suggests nothing for known words or hopeless ones', () => {
    expect(library.search('diffusion', { limit: 5 }).suggestions).toEqual([]);
    const r = library.search('zqxjvw', { limit: 5 });
    expect(r.total).toBe(0);
    expect(r.suggestions).toEqual([]);
  });
});

describe('similar papers', () => {
  it('finds topically related papers and never the paper itself', () => {
    const barlow = byTitle(papers, 'Barlow Twins');
    const similar = library.similar(barlow.id, 5);
    expect(similar).toHaveLength(5);
    expect(similar.some((h) => h.paper.id === barlow.id)).toBe(false);
    const related = similar.filter((h) => /self-supervised|contrastive|redundancy|twin/i.test(text(h.paper)));
    expect(related.length).toBeGreaterThanOrEqual(4);
    expect(similar.map((h) => h.score)).toEqual([...similar.map((h) => h.score)].sort((a, b) => b - a));
  });

  it('keeps equivariance papers together', () => {
    const similar = library.similar(byTitle(papers, 'Equivariant Transformer Networks').id, 5);
    expect(similar.filter((h) => /equivarian/i.test(text(h.paper))).length).toBeGreaterThanOrEqual(4);
  });

  it('returns nothing for an unknown id', () => {
    expect(library.similar('nope', 5)).toEqual([]);
  });
});

describe('completeTitles', () => {
  it('completes the start of a title, then words anywhere in titles', () => {
    expect(library.completeTitles('barlow', 3)[0]?.title).toMatch(/^Barlow Twins/);
    expect(library.completeTitles('equivariant tra', 3)[0]?.title).toBe('Equivariant Transformer Networks');
    const generat = library.completeTitles('generat', 5);
    expect(generat).toHaveLength(5);
    expect(generat.every((p) => /\bgenerat/i.test(p.title))).toBe(true);
  });

  it('returns nothing for empty input', () => {
    expect(library.completeTitles('  ', 5)).toEqual([]);
  });
});
