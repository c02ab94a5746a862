import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { lex, parseQuery, passesDateFilter } from '../../src/search/query.js';

describe('parseQuery', () => {
  it('splits free words, phrases and exclusions', () => {
    const q = parseQuery('diffusion "Score  Distillation" -video -"point cloud" 3d');
    expect(q.terms).toEqual(['diffusion', '3d']);
    expect(q.phrases).toEqual(['Score Distillation']);
    expect(q.excludeTerms).toEqual(['video']);
    expect(q.excludePhrases).toEqual(['point cloud']);
    expect(q.sort).toBe('relevance');
  });

  it('reads year:, since: and sort: case-insensitively', () => {
    expect(parseQuery('gan YEAR:2024 Sort:TOP')).toMatchObject({ terms: ['gan'], year: 2024, sort: 'top' });
    expect(parseQuery('gan since:2023').since).toBe('2023-01-01');
    expect(parseQuery('gan since:2023-06').since).toBe('2023-06-01');
    expect(parseQuery('gan since:2023-06-15 sort:new')).toMatchObject({ since: '2023-06-15', sort: 'new' });
  });

  it('keeps unknown key:value words as text', () => {
    expect(parseQuery('arxiv:2101 nerf').terms).toEqual(['arxiv:2101', 'nerf']);
  });

  it('accepts a filter-only query', () => {
    expect(parseQuery('year:2024 sort:top')).toMatchObject({ terms: [], phrases: [], year: 2024, sort: 'top' });
  });

  it('lets an unclosed quote run to the end, and reads curly quotes', () => {
    expect(parseQuery('gan "score distillation').phrases).toEqual(['score distillation']);
    expect(parseQuery('“latent space”').phrases).toEqual(['latent space']);
  });

  it('treats a lone dash as nothing', () => {
    expect(lex('a - b').map((t) => t.text)).toEqual(['a', '-', 'b']);
    expect(parseQuery('a - b').terms).toEqual(['a', 'b']);
  });

  it.each([
    ['diffusion year:abc', /not a year/],
    ['diffusion year:24', /not a year/],
    ['diffusion since:2023-13', /not a date/],
    ['diffusion sort:foo', /can't sort by "foo"/],
    ['-video -"point cloud"', /only says what to leave out/],
    ['   ', /empty/],
  ])('rejects %j with a friendly UserError', (input, message) => {
    let error: unknown;
    try {
      parseQuery(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(message);
    expect((error as UserError).hint).toBeTruthy();
  });
});

describe('passesDateFilter', () => {
  it('passes everything without a date filter, undated papers included', () => {
    expect(passesDateFilter({}, undefined)).toBe(true);
  });
  it('excludes undated papers once a date filter is given', () => {
    expect(passesDateFilter({ year: 2024 }, undefined)).toBe(false);
    expect(passesDateFilter({ since: '2023-01-01' }, undefined)).toBe(false);
  });
  it('compares year and since bounds', () => {
    expect(passesDateFilter({ year: 2024 }, '2024-12-31')).toBe(true);
    expect(passesDateFilter({ year: 2024 }, '2023-12-31')).toBe(false);
    expect(passesDateFilter({ since: '2023-06-01' }, '2023-06-01')).toBe(true);
    expect(passesDateFilter({ since: '2023-06-01' }, '2023-05-31')).toBe(false);
  });
});
