import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Paper } from '../../src/corpus/paper.js';
import { createLibrary } from '../../src/search/library.js';
import { PublishedDates } from '../../src/search/published-dates.js';
import { parseQuery, passesDateFilter } from '../../src/search/query.js';
import { paper } from './helpers.js';

// Dates on both sides of every bound the tests use, and one undated paper.
const lateDec = paper({ title: 'Diffusion at the end of 2023', published: '2023-12-31' });
const newYear = paper({ title: 'Diffusion on new year 2024', published: '2024-01-01' });
const lateMay = paper({ title: 'Diffusion in late May', published: '2024-05-31' });
const june = paper({ title: 'Diffusion in June', published: '2024-06-01' });
const nextYear = paper({ title: 'Diffusion in 2025', published: '2025-01-02' });
const undated = paper({ title: 'Diffusion without a date' });
const contrastive = paper({ title: 'Contrastive learning in July', published: '2024-07-15' });
const fixtures = [lateDec, newYear, lateMay, june, nextYear, undated, contrastive];
const library = createLibrary(fixtures);

const ids = (query: string) => library.search(query, { limit: 50 }).hits.map((h) => h.paper.id);
const sorted = (list: string[]) => [...list].sort();

describe('year: and since: through library.search', () => {
  it('year: keeps exactly the papers of that year, dropping undated ones', () => {
    expect(sorted(ids('diffusion year:2024'))).toEqual(sorted([newYear.id, lateMay.id, june.id]));
    expect(library.search('diffusion year:2024', { limit: 1 }).total).toBe(3);
  });

  it('since: includes its first day and excludes the day before', () => {
    expect(sorted(ids('diffusion since:2024-06'))).toEqual(sorted([june.id, nextYear.id]));
    expect(sorted(ids('diffusion since:2024-06-01'))).toEqual(sorted([june.id, nextYear.id]));
    expect(sorted(ids('diffusion since:2024'))).toEqual(sorted([newYear.id, lateMay.id, june.id, nextYear.id]));
  });

  it('combines year: and since:', () => {
    expect(ids('diffusion year:2024 since:2024-06')).toEqual([june.id]);
    expect(ids('diffusion year:2023 since:2024')).toEqual([]);
  });

  it('lists a filter-only query newest first, without undated papers', () => {
    expect(ids('year:2024')).toEqual([contrastive.id, june.id, lateMay.id, newYear.id]);
    expect(ids('since:2024-06 sort:new')).toEqual([nextYear.id, contrastive.id, june.id]);
  });

  it('keeps undated papers when there is no date filter, and sorts them last by date', () => {
    expect(ids('diffusion')).toContain(undated.id);
    expect(ids('diffusion sort:new')).toEqual([nextYear.id, june.id, lateMay.id, newYear.id, lateDec.id, undated.id]);
  });

  it('agrees with passesDateFilter on every fixture', () => {
    for (const query of ['diffusion year:2024', 'diffusion since:2024-05-31', 'diffusion year:2025 since:2024-06', 'diffusion year:2023']) {
      const q = parseQuery(query);
      const expected = fixtures.filter((p) => /diffusion/i.test(p.title) && passesDateFilter(q, p.published)).map((p) => p.id);
      expect(sorted(ids(query)), query).toEqual(sorted(expected));
    }
  });

  it('agrees with passesDateFilter on random corpora and filters', () => {
    const date = fc.option(
      fc.record({ y: fc.integer({ min: 2022, max: 2025 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) }),
      { nil: undefined },
    );
    const iso = (x: { y: number; m: number; d: number }) => `${x.y}-${String(x.m).padStart(2, '0')}-${String(x.d).padStart(2, '0')}`;
    const filter = fc.record({
      year: fc.option(fc.integer({ min: 2021, max: 2026 }), { nil: undefined }),
      since: fc.option(date.filter((x) => x !== undefined).map((x) => iso(x!)), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(date, { minLength: 1, maxLength: 12 }), filter, (dates, f) => {
        const papers: Paper[] = dates.map((x, i) => paper({ title: `Paper ${i}`, ...(x ? { published: iso(x) } : {}) }));
        const query = [f.year !== undefined ? `year:${f.year}` : '', f.since ? `since:${f.since}` : '', 'sort:new'].join(' ');
        const found = createLibrary(papers).search(query, { limit: papers.length });
        const expected = papers.filter((p) => passesDateFilter(parseQuery(query), p.published));
        expect(found.total).toBe(expected.length);
        expect(sorted(found.hits.map((h) => h.paper.id))).toEqual(sorted(expected.map((p) => p.id)));
      }),
      { numRuns: 200 },
    );
  });
});

describe('PublishedDates', () => {
  const dates = new PublishedDates(fixtures);

  it('ranks dates in order, undated lowest', () => {
    const rank = (p: Paper) => dates.rank[fixtures.indexOf(p)]!;
    expect(rank(undated)).toBe(0);
    const chronological = [lateDec, newYear, lateMay, june, contrastive, nextYear].map(rank);
    expect([...chronological].sort((a, b) => a - b)).toEqual(chronological);
    expect(new Set(chronological).size).toBe(chronological.length);
  });

  it('has nothing to filter without year: or since:', () => {
    expect(dates.passing({})).toBeUndefined();
  });

  it('passes the dates passesDateFilter passes', () => {
    const passing = dates.passing({ year: 2024, since: '2024-06-01' })!;
    expect(fixtures.filter((_, doc) => passing[dates.rank[doc]!] === 1)).toEqual([june, contrastive]);
  });
});
