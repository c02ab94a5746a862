/**
 * The index against a brute-force reference (reference-scorer.ts) on random corpora: the same
 * papers, in the same order, with the same scores, for random queries with typos, prefixes and
 * phrases. Corpora stay under the proximity depth (50), so ties never straddle its cut.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Paper } from '../../src/corpus/paper.js';
import { createLibrary } from '../../src/search/library.js';
import { ReferenceScorer, type ReferenceHit } from './reference-scorer.js';

const VOCABULARY = [
  'diffusion', 'diffusions', 'model', 'models', 'modal', 'transformer', 'transfer', 'transform', 'graph', 'graphs',
  'contrastive', 'contrast', 'self', 'supervised', 'learning', 'image', 'images', 'video', 'score', 'distillation',
  'distill', 'lattice', 'quantum', 'sampler', 'text', '3d', 'net', 'u', 'the', 'of', 'with', 'to', 'a',
  'selfsupervised', 'unet',
];
/** Compounds in their three spellings, so that queries meet hyphenated, spaced and joined text. */
const COMPOUNDS = ['self-supervised', 'self supervised', 'selfsupervised', 'text-to-3d', 'text to 3d', 'textto3d', 'u-net', 'unet', 'u net'];
const SEPARATORS = [' ', ' ', ' ', '-', ', ', '. '];

const word = fc.constantFrom(...VOCABULARY);
const text = (min: number, max: number) =>
  fc.array(fc.tuple(word, fc.constantFrom(...SEPARATORS)), { minLength: min, maxLength: max }).map((parts) => parts.map(([w, sep], i) => (i ? sep : '') + w).join(''));

const paperArb = fc.record({
  title: text(1, 6),
  abstract: text(0, 25),
  link: fc.option(word, { nil: undefined }),
});

/** A query word: a vocabulary word, a compound, a prefix of a word, or a word with a typo. */
const queryWord = fc.oneof(
  { weight: 3, arbitrary: word },
  { weight: 1, arbitrary: fc.constantFrom(...COMPOUNDS) },
  { weight: 1, arbitrary: fc.tuple(word, fc.nat()).map(([w, n]) => w.slice(0, Math.max(3, w.length - 1 - (n % 4)))) },
  { weight: 1, arbitrary: fc.tuple(word, fc.nat(), fc.constantFrom('a', 'e', 'x', '')).map(([w, n, c]) => w.slice(0, n % w.length) + c + w.slice((n % w.length) + 1)) },
).filter((w) => w.length > 0);
const phrase = fc.array(fc.oneof(word, fc.constantFrom(...COMPOUNDS)), { minLength: 1, maxLength: 3 }).map((ws) => ws.join(' '));

function corpus(rows: { title: string; abstract: string; link: string | undefined }[]): Paper[] {
  return rows.map((r, i) => ({
    id: `p${i}`,
    title: r.title,
    titleDerived: false,
    abstract: r.abstract,
    links: r.link ? [{ url: `https://github.com/lab/${r.link}`, kind: 'code' as const }] : [],
    sources: ['random.txt'],
  }));
}

function expectSameRanking(actual: { paper: Paper; score: number }[], expected: ReferenceHit[], papers: Paper[]): void {
  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  expect(actual.map((h) => h.paper.id).sort()).toEqual(expected.map((h) => papers[h.doc]!.id).sort());
  const reference = new Map(expected.map((h) => [papers[h.doc]!.id, h.score]));
  actual.forEach((hit, i) => {
    // Position by position the scores agree; papers with equal scores may swap places.
    expect(close(hit.score, expected[i]!.score), `score at ${i}: ${hit.score} vs ${expected[i]!.score}`).toBe(true);
    expect(close(hit.score, reference.get(hit.paper.id)!), `score of ${hit.paper.id}`).toBe(true);
  });
}

describe('search parity with the brute-force reference', () => {
  it('ranks free words (with typos and prefixes) as the reference does', () => {
    fc.assert(
      fc.property(fc.array(paperArb, { minLength: 1, maxLength: 45 }), fc.array(queryWord, { minLength: 1, maxLength: 6 }), (rows, words) => {
        const papers = corpus(rows);
        const { hits, total } = createLibrary(papers).search(words.join(' '), { limit: 100 });
        const expected = new ReferenceScorer(papers).search(words);
        expect(total).toBe(expected.length);
        expectSameRanking(hits, expected, papers);
      }),
      { numRuns: 150 },
    );
  });

  it('ranks quoted phrases, alone or with words, as the reference does', () => {
    fc.assert(
      fc.property(fc.array(paperArb, { minLength: 1, maxLength: 45 }), fc.array(word, { maxLength: 2 }), phrase, (rows, words, quoted) => {
        const papers = corpus(rows);
        const { hits, total } = createLibrary(papers).search(`${words.join(' ')} "${quoted}"`, { limit: 100 });
        const expected = new ReferenceScorer(papers).search(words, [quoted]);
        expect(total).toBe(expected.length);
        expectSameRanking(hits, expected, papers);
      }),
      { numRuns: 150 },
    );
  });
});
