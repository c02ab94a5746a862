import { describe, expect, it } from 'vitest';
import { corpusFromTexts, mergeEntries, paperId } from '../../src/corpus/index.js';
import type { CorpusEntry } from '../../src/corpus/index.js';
import { ABSTRACTS, BLOCKS_APR23, BLOCKS_NOV14, COMPACT } from './fixtures.js';

const ABSTRACT =
  'Supervised learning can be viewed as distilling relevant information from input data into feature representations. ' +
  'This process becomes difficult when supervision is noisy as the distilled information might not be relevant. ' +
  'In fact, recent research shows that networks can easily overfit all labels including those that are corrupted.';

const entry = (file: string, extra: Partial<CorpusEntry> = {}): CorpusEntry => ({ file, line: 1, abstract: ABSTRACT, ...extra });

describe('mergeEntries', () => {
  it('keeps the best metadata of every copy', () => {
    const { papers, warnings } = mergeEntries([
      entry('c.txt'),
      entry('b.txt', { title: 'Compressing Features for Learning with Noisy Labels', upvotes: 1 }),
      entry('a.txt', { authors: 5, published: '2022-06-27', upvotes: 3, abstract: `  ${ABSTRACT.replaceAll(' ', '\u00a0 ')}` }),
    ]);
    expect(warnings).toEqual([]);
    expect(papers).toHaveLength(1);
    expect(papers[0]).toMatchObject({
      title: 'Compressing Features for Learning with Noisy Labels',
      titleDerived: false,
      authors: 5,
      published: '2022-06-27',
      upvotes: 3,
      sources: ['a.txt', 'b.txt', 'c.txt'],
    });
  });

  it('merges a truncated copy and keeps the longest abstract', () => {
    const cut = `${ABSTRACT.slice(0, 260)}...`;
    const { papers } = mergeEntries([entry('a.txt', { abstract: cut, title: 'T' }), entry('b.txt')]);
    expect(papers).toHaveLength(1);
    expect(papers[0]!.abstract).toBe(ABSTRACT);
    expect(papers[0]!.id).toBe(mergeEntries([entry('b.txt')]).papers[0]!.id);
  });

  it('derives a title only when no copy has one', () => {
    const [paper] = mergeEntries([entry('a.txt')]).papers;
    expect(paper).toMatchObject({ titleDerived: true, title: 'Supervised learning can be viewed as distilling relevant information from input data…' });
  });

  it('gives short stable IDs', () => {
    const id = paperId('abc');
    expect(id).toMatch(/^p[a-z2-7]{7}$/);
    expect(paperId('abc')).toBe(id);
    expect(paperId('abd')).not.toBe(id);
  });
});

describe('corpusFromTexts', () => {
  const texts = [
    { name: 'abstracts.txt', text: ABSTRACTS },
    { name: 'apr23.txt', text: BLOCKS_APR23, capturedOn: '2025-04-23' },
    { name: 'nov14.txt', text: BLOCKS_NOV14, capturedOn: '2025-11-14' },
    { name: 'compact.txt', text: COMPACT },
  ];

  it('returns the same papers and IDs whatever the file order', () => {
    const forward = corpusFromTexts(texts);
    const backward = corpusFromTexts([...texts].reverse());
    const shuffled = corpusFromTexts([texts[2]!, texts[0]!, texts[3]!, texts[1]!]);
    expect(forward.papers.map((p) => p.id)).toEqual([...forward.papers.map((p) => p.id)].sort());
    expect(backward.papers).toEqual(forward.papers);
    expect(shuffled.papers).toEqual(forward.papers);
    expect(forward.stats).toMatchObject({ entries: 12, papers: 12, duplicatesMerged: 0, derivedTitles: 2 });
  });

  it('keeps loading the other files when one has an unknown layout', () => {
    const corpus = corpusFromTexts([{ name: 'broken.txt', text: 'just some notes\n' }, ...texts]);
    expect(corpus.stats.papers).toBe(12);
    expect(corpus.stats.files[0]).toEqual({ file: 'broken.txt', layout: 'unknown', entries: 0 });
    expect(corpus.stats.warnings).toEqual([{ file: 'broken.txt', line: 1, message: expect.stringMatching(/unknown layout/) }]);
  });
});
