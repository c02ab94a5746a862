import { describe, expect, it } from 'vitest';
import { exclusionQuery, looksLikeFilter, parseFilter, passesFilters } from '../../src/core/schedule/filters.js';
import type { Paper } from '../../src/corpus/paper.js';

const paper = (extra: Partial<Paper>): Paper => ({ id: 'p1', title: 't', titleDerived: false, abstract: 'a', links: [], sources: [], ...extra });

describe('subscription filters', () => {
  it('tell filters from topic words', () => {
    expect(['+has:code', '-gan', '-"point cloud"', '+min-upvotes:3'].every(looksLikeFilter)).toBe(true);
    expect(['self-supervised', '-1', 'gan', '+1', '--'].some(looksLikeFilter)).toBe(false);
  });

  it('spell each filter one way', () => {
    expect(['+HAS:Code', '+min-upvotes:007', '+category:CS.cv', '+category:stat', '-GAN'].map(parseFilter)).toEqual(['+has:code', '+min-upvotes:7', '+category:cs.CV', '+category:stat', '-gan']);
    expect(() => parseFilter('+has:data')).toThrow('`+has:` knows only `code`, not “data”.');
    expect(() => parseFilter('+category:cs CV')).toThrow('is not an arXiv category');
  });

  it('keep only papers that pass every + filter; a category without its subject takes them all', () => {
    const coded = paper({ upvotes: 30, links: [{ url: 'https://github.com/a/b', kind: 'code' }], categories: ['cs.CV', 'cs.LG'] });
    expect(passesFilters(coded, ['+has:code', '+min-upvotes:30', '+category:cs.LG'])).toBe(true);
    expect(passesFilters(coded, ['+category:cs'])).toBe(true);
    expect(passesFilters(coded, ['+category:stat.ML'])).toBe(false);
    expect(passesFilters(coded, ['+min-upvotes:31'])).toBe(false);
    expect(passesFilters(paper({}), ['+has:code'])).toBe(false);
    expect(passesFilters(paper({}), ['-gan'])).toBe(true);
    expect(exclusionQuery(['+has:code', '-gan', '-"point cloud"'])).toBe('-gan -"point cloud"');
  });
});
