import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatePapers } from '../../bench/lib/synthetic.js';
import { QUERIES } from '../../bench/queries.js';
import type { Paper } from '../../src/corpus/paper.js';
import type { PaperLibrary } from '../../src/core/library.js';
import { appendToIndex, mergeIndexes } from '../../src/search/append-index.js';
import { createLibrary } from '../../src/search/library.js';
import { buildIndex, FIELDS, type IndexData } from '../../src/search/postings.js';
import { gapBefore, STREAM_FIELDS, wordAt } from '../../src/search/token-streams.js';
import { realLibrary } from './helpers.js';

/**
 * Words that exercise tokenising: stop words, stems shared by several forms, digits, hyphens,
 * capitals, an NFKC ligature, accents, URL boilerplate and a two-word phrase. Random short
 * words add terms the old papers have never seen.
 */
const POOL = [
  'diffusion', 'diffusions', 'Diffusion', 'model', 'models', 'modeling', 'transformer', 'transformers',
  'graph', 'neural', 'network', 'score', 'distillation', 'score distillation', 'video', 'image', 'images',
  'GAN', 'self-supervised', 'equivariant', 'équivariant', 'ﬁne-tuning', 'the', 'of', 'and', 'with', '2024',
  '3d', 'x', 'https', 'github',
];
const word = fc.oneof(fc.constantFrom(...POOL), fc.stringMatching(/^[a-f]{2,6}$/));
const text = (max: number) => fc.array(word, { minLength: 0, maxLength: max }).chain((ws) => fc.constantFrom(ws.join(' '), ws.join(', '), ws.join('-')));
const date = fc.record({ y: fc.integer({ min: 2021, max: 2025 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const paperFields = fc.record({
  title: text(6).map((t) => t || 'untitled'),
  abstract: text(30),
  links: fc.array(fc.tuple(word, word).map(([o, r]) => ({ url: `https://github.com/${o}/${r}`, kind: 'code' as const })), { maxLength: 2 }),
  published: fc.option(date, { nil: undefined }),
  upvotes: fc.option(fc.nat(50), { nil: undefined }),
});
/** Papers with ids unique within the corpus, and a split point into old and added papers. */
const corpus = fc.tuple(fc.array(paperFields, { maxLength: 25 }), fc.nat()).map(([fields, k]) => {
  const papers: Paper[] = fields.map((f, i) => ({ id: `p${i}`, titleDerived: false, sources: ['fixture.txt'], ...f }));
  return { papers, split: k % (papers.length + 1) };
});

/** An index as term strings and words rather than ids: what must agree whatever order ids are given in. */
function semantic(index: IndexData) {
  const byTerm = index.terms
    .map((term, id) => ({
      term,
      fields: index.fields.map((f) => {
        const from = f.offsets[id]!;
        const to = f.offsets[id + 1]!;
        return { docs: [...f.docs.subarray(from, to)], tfs: [...f.tfs.subarray(from, to)] };
      }),
      stemDf: index.stemDf[id],
      compound: index.compound[id],
    }))
    .sort((x, y) => (x.term < y.term ? -1 : 1));
  const surfaceDf = index.surfaceWords.map((w, i) => [w, index.surfaceDf[i], index.terms[index.surfaceStem[i]!]] as const).sort((x, y) => (x[0] < y[0] ? -1 : 1));
  return { docCount: index.docCount, byTerm, surfaceDf, fieldLength: [...index.fieldLength], streams: readStreams(index) };
}

/** Each document's title and abstract as words, "|" before a word with a gap before it. */
function readStreams(index: IndexData): string[][] {
  const { streams, surfaceWords } = index;
  return Array.from({ length: index.docCount * STREAM_FIELDS }, (_, i) => {
    const words: string[] = [];
    for (let t = streams.starts[i]!; t < streams.starts[i + 1]!; t++) words.push(`${gapBefore(streams, t) ? '|' : ''}${surfaceWords[wordAt(streams, t)]}`);
    return words;
  });
}

function expectSameIndex(actual: IndexData, expected: IndexData): void {
  expect(semantic(actual)).toEqual(semantic(expected));
  expect(actual.avgFieldLength).toHaveLength(FIELDS.length);
  actual.avgFieldLength.forEach((avg, f) => expect(Math.abs(avg - expected.avgFieldLength[f]!)).toBeLessThan(1e-9));
}

/** Everything a search answers, scores included. */
const answer = (library: PaperLibrary, q: string) => {
  const r = library.search(q, { limit: 10 });
  return { hits: r.hits.map((h) => [h.paper.id, h.score]), total: r.total, suggestions: r.suggestions };
};

const RANDOM_QUERIES = [
  'diffusion',
  'model transformer',
  'neural network graph',
  '"score distillation"',
  '"fine-tuning" image',
  'diffusion -video',
  'model -"neural network"',
  'image year:2024',
  'graph since:2023-06',
  'sort:top year:2023',
  'models sort:new',
  'difusion',
  'transfomer',
  'diffu',
  'equivar',
  'supervsed',
];

describe('appendToIndex', () => {
  it('gives the index a full build of all the papers gives', () => {
    fc.assert(
      fc.property(corpus, ({ papers, split }) => {
        const appended = appendToIndex(buildIndex(papers.slice(0, split)), papers.slice(split));
        expectSameIndex(appended, buildIndex(papers));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the old term ids and numbers new terms as a full build does, so even the ids agree', () => {
    fc.assert(
      fc.property(corpus, ({ papers, split }) => {
        expect(appendToIndex(buildIndex(papers.slice(0, split)), papers.slice(split))).toEqual(buildIndex(papers));
      }),
      { numRuns: 100 },
    );
  });

  it('composes: several appends in a row give the full build', () => {
    fc.assert(
      fc.property(corpus, fc.nat(), ({ papers, split }, k) => {
        const second = split + (k % (papers.length - split + 1));
        const once = appendToIndex(buildIndex(papers.slice(0, split)), papers.slice(split, second));
        expectSameIndex(appendToIndex(once, papers.slice(second)), buildIndex(papers));
      }),
      { numRuns: 100 },
    );
  });

  it('leaves the main index untouched', () => {
    fc.assert(
      fc.property(corpus, ({ papers, split }) => {
        const main = buildIndex(papers.slice(0, split));
        const before = structuredClone(main);
        appendToIndex(main, papers.slice(split));
        expect(main).toEqual(before);
      }),
      { numRuns: 100 },
    );
  });

  it('answers every kind of query as a library over a full build does', () => {
    fc.assert(
      fc.property(corpus, ({ papers, split }) => {
        const appended = createLibrary(papers, { index: appendToIndex(buildIndex(papers.slice(0, split)), papers.slice(split)) });
        const built = createLibrary(papers);
        for (const q of RANDOM_QUERIES) expect(answer(appended, q), q).toEqual(answer(built, q));
      }),
      { numRuns: 60 },
    );
  });

  it('answers the benchmark queries as a full build does, on the real corpus and a synthetic one', () => {
    const real = realLibrary().papers;
    for (const papers of [real, generatePapers(real, 1500, 11)]) {
      const split = Math.floor(papers.length * 0.8);
      const appended = createLibrary(papers, { index: appendToIndex(buildIndex(papers.slice(0, split)), papers.slice(split)) });
      const built = createLibrary(papers);
      for (const { q } of QUERIES) expect(answer(appended, q), q).toEqual(answer(built, q));
    }
  });

  it('lets a library over the old index keep answering while and after papers are appended', () => {
    const papers = generatePapers(realLibrary().papers, 600, 5);
    const old = papers.slice(0, 500);
    const index = buildIndex(old);
    const library = createLibrary(old, { index });
    const before = QUERIES.map(({ q }) => answer(library, q));
    const next = createLibrary(papers, { index: appendToIndex(index, papers.slice(500)) });
    expect(QUERIES.map(({ q }) => answer(library, q))).toEqual(before);
    expect(next.search('diffusion', { limit: 1000 }).total).toBeGreaterThanOrEqual(library.search('diffusion', { limit: 1000 }).total);
  });
});

describe('mergeIndexes', () => {
  it('has the empty index as identity on both sides', () => {
    fc.assert(
      fc.property(corpus, ({ papers }) => {
        const index = buildIndex(papers);
        const empty = buildIndex([]);
        expect(mergeIndexes(index, empty)).toEqual(index);
        expect(mergeIndexes(empty, index)).toEqual(index);
      }),
      { numRuns: 100 },
    );
  });
});
