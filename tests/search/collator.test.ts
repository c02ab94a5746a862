/**
 * Loose matching breaks ties between equally frequent words by code units, not with
 * `localeCompare`: the collator's first use in a process took 10 ms, paid by the first search
 * whose typo or prefix expansions tied.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { realLibrary } from './helpers.js';

const { lexical } = realLibrary();

describe('loose matching', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('orders typo and prefix expansions and suggestions without a collator', () => {
    const compare = vi.spyOn(String.prototype, 'localeCompare');
    const queries = ['equivar', 'difusion', 'transfomer', 'contrastiv', 'segmentaton', 'generat', 'reinforcment', 'lern'];
    const found = queries.map((q) => lexical.search(q, { limit: 5 }));
    expect(found.every((r) => r.total > 0)).toBe(true);
    expect(found.some((r) => r.suggestions.length > 0)).toBe(true);
    expect(compare).not.toHaveBeenCalled();
  });
});
