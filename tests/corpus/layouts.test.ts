import { describe, expect, it } from 'vitest';
import { CorpusFormatError, parseCorpusFile } from '../../src/corpus/index.js';
import { ABSTRACTS, BLOCKS_APR23, BLOCKS_NOV14, BLOCKS_NOV14_UPVOTED_YEARLESS, COMPACT } from './fixtures.js';

const RANDOM_TEACHERS_ABSTRACT = BLOCKS_NOV14.split('\n').find((l) => l.startsWith('In this work, we investigate'))!;

describe('abstracts layout', () => {
  it('reads one untitled entry per Abstract: line', () => {
    const parsed = parseCorpusFile('a.txt', ABSTRACTS);
    expect(parsed.layout).toBe('abstracts');
    expect(parsed.warnings).toEqual([]);
    expect(parsed.entries.map((e) => [e.line, e.title])).toEqual([
      [1, undefined],
      [2, undefined],
    ]);
    expect(parsed.entries[0]!.abstract).toMatch(/^We present the Groupwise Diffusion Model \(GDM\), which/);
  });

  it('warns about lines that do not belong', () => {
    const parsed = parseCorpusFile('a.txt', 'Abstract:\nAbstract: Some text here.\nstray words');
    expect(parsed.entries).toHaveLength(1);
    expect(parsed.warnings.map((w) => w.line)).toEqual([1, 3]);
  });
});

describe('blocks layout', () => {
  it('reads titles, abstracts and metadata, including a block without metadata', () => {
    const parsed = parseCorpusFile('nov14.txt', BLOCKS_NOV14, '2025-11-14');
    expect(parsed.layout).toBe('blocks');
    expect(parsed.headerDate).toBe('Nov 14');
    expect(parsed.warnings).toEqual([]);
    expect(parsed.entries.map(({ title, line, authors, published, upvotes }) => ({ title, line, authors, published, upvotes }))).toEqual([
      { title: 'Factorized Visual Tokenization and Generation', line: 13, authors: 7, published: '2024-11-25', upvotes: 2 },
      { title: 'SF(DA)$^2$: Source-free Domain Adaptation Through the Lens of Data Augmentation', line: 21, authors: 4, published: '2024-03-16', upvotes: undefined },
      { title: 'Causal Disentanglement for Robust Long-tail Medical Image Generation', line: 29, authors: 6, published: '2025-04-19', upvotes: undefined },
      { title: 'Approaching an unknown communication system by latent space exploration and causal inference', line: 37, authors: undefined, published: undefined, upvotes: undefined },
      { title: 'Random Teachers are Good Teachers', line: 41, authors: 4, published: '2023-02-23', upvotes: undefined },
      { title: 'An Embedding-Dynamic Approach to Self-supervised Learning', line: 49, authors: undefined, published: undefined, upvotes: undefined },
    ]);
  });

  it('reads a yearless date with upvotes ("Jul 18 5") in the capture year', () => {
    const page = BLOCKS_NOV14.split('\n').slice(0, 12).join('\n') + BLOCKS_NOV14_UPVOTED_YEARLESS;
    const [entry] = parseCorpusFile('nov14.txt', page, '2025-11-14').entries;
    expect(entry).toMatchObject({ title: 'Franca: Nested Matryoshka Clustering for Scalable Visual Representation Learning', authors: 8, published: '2025-07-18', upvotes: 5 });
  });

  it('warns when a yearless date cannot be placed, and when the header disagrees with capturedOn', () => {
    const page = BLOCKS_NOV14.split('\n').slice(0, 12).join('\n') + BLOCKS_NOV14_UPVOTED_YEARLESS;
    const undated = parseCorpusFile('nov14.txt', page);
    expect(undated.entries[0]!.published).toBeUndefined();
    expect(undated.warnings).toEqual([expect.objectContaining({ file: 'nov14.txt', line: 19, message: expect.stringMatching(/no year/) })]);
    expect(parseCorpusFile('nov14.txt', page, '2025-11-15').warnings[0]!.message).toMatch(/header says "Nov 14"/);
  });

  it('reads a page with no metadata at all and no "Daily Papers" line', () => {
    const parsed = parseCorpusFile('apr23.txt', BLOCKS_APR23, '2025-04-23');
    expect(parsed.layout).toBe('blocks');
    expect(parsed.headerDate).toBe('Apr 23');
    expect(parsed.warnings).toEqual([]);
    expect(parsed.entries.map((e) => [e.line, e.title, e.authors])).toEqual([
      [11, 'Beyond Vanilla Variational Autoencoders: Detecting Posterior Collapse in Conditional and Hierarchical Variational Autoencoders', undefined],
      [15, 'Compressing Features for Learning with Noisy Labels', undefined],
    ]);
  });

  it('warns about malformed blocks instead of dropping them silently', () => {
    const [title1, abstract1] = ['Random Teachers are Good Teachers', RANDOM_TEACHERS_ABSTRACT];
    const page = [
      'Daily Papers', '', 'Nov 14', '', // 1-4
      '·', '', // 5: metadata before any paper
      title1, '', // 7: title whose abstract is missing
      'An Embedding-Dynamic Approach to Self-supervised Learning', '', abstract1, '', // 9, 11
      '  • 4 authors', '·', 'Feb 23, 2023', 'Feb 24, 2023', '', // 13-16: second date
      abstract1.replace('In this work', 'In this other work'), // 18: abstract without title
    ].join('\n');
    const parsed = parseCorpusFile('bad.txt', page, '2025-11-14');
    expect(parsed.entries.map((e) => [e.line, e.title])).toEqual([
      [9, 'An Embedding-Dynamic Approach to Self-supervised Learning'],
      [18, undefined],
    ]);
    expect(parsed.warnings.map((w) => [w.file, w.line])).toEqual([
      ['bad.txt', 5],
      ['bad.txt', 7],
      ['bad.txt', 16],
      ['bad.txt', 18],
    ]);
  });

  it('joins a title or abstract wrapped over several lines', () => {
    const page = 'Daily Papers\n\nRandom Teachers\nare Good Teachers\n\n' + RANDOM_TEACHERS_ABSTRACT;
    expect(parseCorpusFile('wrapped.txt', page).entries[0]!.title).toBe('Random Teachers are Good Teachers');
  });
});

describe('compact layout', () => {
  it('splits the title glued to "Subscribe" and pairs alternating lines', () => {
    const parsed = parseCorpusFile('compact.txt', COMPACT);
    expect(parsed.layout).toBe('compact');
    expect(parsed.warnings).toEqual([]);
    expect(parsed.entries.map((e) => [e.line, e.title])).toEqual([
      [3, 'Identity Preserving 3D Head Stylization with Multiview Score Distillation'],
      [5, 'DreamSalon: A Staged Diffusion Framework for Preserving Identity-Context in Editable Face Generation'],
    ]);
    expect(parsed.entries[0]!.abstract).toMatch(/^3D head stylization transforms/);
  });

  it('keeps its place when a title is missing', () => {
    const lines = COMPACT.split('\n');
    lines.splice(4, 1); // drop the DreamSalon title
    const parsed = parseCorpusFile('compact.txt', lines.join('\n'));
    expect(parsed.entries.map((e) => e.title)).toEqual(['Identity Preserving 3D Head Stylization with Multiview Score Distillation', undefined]);
    expect(parsed.warnings).toEqual([expect.objectContaining({ line: 5, message: expect.stringMatching(/without a title/) })]);
  });
});

describe('layout detection', () => {
  it('detects by content, not by name', () => {
    expect(parseCorpusFile('compact.txt', BLOCKS_APR23).layout).toBe('blocks');
    expect(parseCorpusFile('blocks.txt', COMPACT).layout).toBe('compact');
    expect(parseCorpusFile('blocks.txt', ABSTRACTS).layout).toBe('abstracts');
  });

  it('throws a CorpusFormatError with file and line for an unknown layout', () => {
    const run = () => parseCorpusFile('notes.txt', '\n\nSome meeting notes\nnothing else');
    expect(run).toThrow(CorpusFormatError);
    expect(run).toThrow(/^notes\.txt:3: unknown layout/);
  });
});
