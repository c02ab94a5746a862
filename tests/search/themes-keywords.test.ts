import { describe, expect, it } from 'vitest';
import type { Paper } from '../../src/corpus/paper.js';
import { discoverThemes } from '../../src/search/themes.js';

const paper = (i: number, fields: Partial<Paper> = {}): Paper => ({
  id: `p${String(i).padStart(7, '0')}`,
  title: `Study number ${i} of unrelated matters`,
  titleDerived: false,
  abstract: `We consider question ${i} about ${['tables', 'chairs', 'lamps', 'doors', 'floors'][i % 5]} and report findings.`,
  links: [],
  sources: ['hf'],
  ...fields,
});

describe('discovered themes', () => {
  it('take a phrase that only the sources\' keywords name', () => {
    const papers = Array.from({ length: 40 }, (_, i) => paper(i, i < 8 ? { keywords: ['protein folding', 'structure'] } : {}));
    const themes = discoverThemes(papers);
    const folding = themes.find((t) => t.phrase === 'protein folding');
    expect(folding?.docs).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7]));
    // Without the keywords the phrase appears nowhere.
    expect(discoverThemes(papers.map((p) => ({ ...p, keywords: [] }))).some((t) => t.phrase === 'protein folding')).toBe(false);
  });

  it('never join the last word of one keyword to the first of the next', () => {
    const papers = Array.from({ length: 40 }, (_, i) => paper(i, i < 8 ? { keywords: ['graph neural', 'networks pruning'] } : {}));
    expect(discoverThemes(papers).some((t) => t.phrase.includes('neural networks'))).toBe(false);
  });
});
