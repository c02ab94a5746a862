import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SEED } from '../../bench/lib/corpora.js';
import { generatePapers, vocabularySize } from '../../bench/lib/synthetic.js';
import { realLibrary } from '../search/helpers.js';

const { papers: real } = realLibrary();

describe('synthetic corpus generator', () => {
  it('is reproducible: same seed and size give the same papers', () => {
    expect(generatePapers(real, 300, 42)).toEqual(generatePapers(real, 300, 42));
  });

  it('makes the papers it always made: benchmark figures of different revisions stay comparable', () => {
    const papers = generatePapers(real, 2000, SEED);
    expect(createHash('sha256').update(JSON.stringify(papers)).digest('hex')).toBe('f269a272a664b0e5e24515499ff6162bcca8d9d0fc4a2d9870927c793ce3cc77');
  });

  it('depends on the seed', () => {
    expect(generatePapers(real, 50, 1).map((p) => p.title)).not.toEqual(generatePapers(real, 50, 2).map((p) => p.title));
  });

  it('makes exactly the size asked for, with unique IDs and complete papers', () => {
    const papers = generatePapers(real, 1000, 7);
    expect(papers).toHaveLength(1000);
    expect(new Set(papers.map((p) => p.id)).size).toBe(1000);
    expect(papers.every((p) => p.title && p.abstract.length > 100 && /^\d{4}-\d{2}-\d{2}$/.test(p.published ?? ''))).toBe(true);
  });

  it('grows its vocabulary with size, sublinearly (Heaps-like)', () => {
    const v1 = vocabularySize(generatePapers(real, 1000, 3));
    const v4 = vocabularySize(generatePapers(real, 4000, 3));
    expect(v4).toBeGreaterThan(v1 * 1.3);
    expect(v4).toBeLessThan(v1 * 4);
  });
});
