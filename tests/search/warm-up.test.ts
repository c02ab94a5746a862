/**
 * A library warms itself after it is swapped in (PaperLibrary.warm): one query of each kind, made
 * of the corpus's own words, and the tables rare words need. Warming must reach every kind, and
 * must not change a single answer.
 */
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.js';
import { createLibrary } from '../../src/search/library.js';
import { buildIndex } from '../../src/search/postings.js';
import { warmUpQueries } from '../../src/search/warm-up.js';

const { papers } = loadCorpus('data');
const index = buildIndex(papers);

describe('warming a library', () => {
  it('asks one query of each kind, from the corpus itself', () => {
    const queries = warmUpQueries(papers, index);
    const library = createLibrary(papers, { index });
    const found = (q: string) => library.search(q, { limit: 5 }).total;
    const phrase = queries.find((q) => /^"[^"]+"$/.test(q))!;
    expect(found(phrase)).toBeGreaterThan(0);
    const compound = queries.find((q) => /^[\p{L}\p{N}]+(-[\p{L}\p{N}]+)+$/u.test(q))!;
    expect(found(compound)).toBeGreaterThan(0);
    // Typos of a frequent word: a letter dropped, two swapped; each still finds papers.
    const typos = queries.filter((q) => /^\p{L}+$/u.test(q) && index.surfaceWords.indexOf(q) < 0 && q !== 'zqxjvkw');
    expect(typos.length).toBeGreaterThanOrEqual(3);
    for (const typo of typos) expect(found(typo), typo).toBeGreaterThan(0);
    // Filters several times, each with other words: the ranking cache answers none of them.
    for (const filter of ['year:', 'since:', 'sort:new', 'sort:top', ' -"']) {
      const asked = queries.filter((q) => q.includes(filter));
      expect(asked.length, filter).toBeGreaterThanOrEqual(3);
      expect(new Set(asked).size, filter).toBe(asked.length);
    }
    expect(queries.some((q) => q.split(' ').length >= 8)).toBe(true);
    expect(queries.map(found)).not.toContain(undefined);
  });

  it('leaves every answer as it was', async () => {
    const cold = createLibrary(papers, { index });
    const warm = createLibrary(papers, { index });
    await warm.warm!();
    for (const q of ['diffusion', 'difusion modles', 'equivar', '"score distillation"', 'self-supervised -video', 'contrastive year:2024', 'zqxjvkw']) {
      const a = cold.search(q, { limit: 10 });
      const b = warm.search(q, { limit: 10 });
      expect(b.hits.map((h) => [h.paper.id, h.score]), q).toEqual(a.hits.map((h) => [h.paper.id, h.score]));
      expect([b.total, b.suggestions], q).toEqual([a.total, a.suggestions]);
    }
  });
});
