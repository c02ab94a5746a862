import { describe, expect, it } from 'vitest';
import { KIND_COUNTS, measuredQueries } from '../../bench/lib/query-set.js';
import { QUERIES } from '../../bench/queries.js';
import { realLibrary } from '../search/helpers.js';

const { library } = realLibrary();
const queries = measuredQueries(library.papers);

describe('the measured query set', () => {
  it('has at least 200 distinct queries, of every kind in the stated numbers', () => {
    expect(queries.length).toBeGreaterThanOrEqual(200);
    expect(new Set(queries.map((x) => x.q.toLowerCase())).size).toBe(queries.length);
    for (const [kind, count] of Object.entries(KIND_COUNTS)) expect(queries.filter((x) => x.kind === kind)).toHaveLength(count);
  });

  it('is the same on every draw with the same seed, and another with another seed', () => {
    expect(measuredQueries(library.papers)).toEqual(queries);
    expect(measuredQueries(library.papers, 1).map((x) => x.q)).not.toEqual(queries.map((x) => x.q));
  });

  it('draws queries that do what their kind says on the real corpus', () => {
    const handWritten = new Set(QUERIES.map((x) => x.q));
    const of = (kind: string) => queries.filter((x) => x.kind === kind && !handWritten.has(x.q)).map((x) => x.q);
    expect(of('nomatch').every((q) => library.search(q, { limit: 1 }).total === 0)).toBe(true);
    const found = (kind: string) => of(kind).filter((q) => library.search(q, { limit: 1 }).total > 0).length / of(kind).length;
    for (const kind of ['word', 'words', 'prefix', 'phrase', 'descriptive']) expect(found(kind), kind).toBeGreaterThan(0.9);
    expect(of('phrase').every((q) => /^"[a-z]+ [a-z]+"$/.test(q))).toBe(true);
    expect(of('descriptive').every((q) => q.split(' ').length >= 8)).toBe(true);
  });
});
