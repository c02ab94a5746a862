/**
 * The all-words path (all-words.ts) scores only the papers that have every query word. It must
 * give what term at a time gives, paper for paper and score for score, to the last bit: the
 * ranking then cannot change. On a synthetic corpus large enough that common words have long
 * postings, with the benchmark's queries of every kind and loose spellings (words with several
 * stems, scored by their best).
 */
import { describe, expect, it, vi } from 'vitest';
import { SEED } from '../../bench/lib/corpora.js';
import { measuredQueries } from '../../bench/lib/query-set.js';
import { generatePapers } from '../../bench/lib/synthetic.js';
import { AllWords } from '../../src/search/all-words.js';
import { SearchEngine } from '../../src/search/engine.js';
import { buildIndex } from '../../src/search/postings.js';
import { PhraseTests } from '../../src/search/phrases.js';
import { parseQuery } from '../../src/search/query.js';
import { realLibrary } from './helpers.js';

const { papers: real } = realLibrary();
const papers = generatePapers(real, 6000, SEED);
const index = buildIndex(papers);

/** The papers and scores the engine finds for `query`; with `phrases`, only papers with its quoted phrases, as search asks. */
function answers(engine: SearchEngine, query: string, phrases?: PhraseTests): [number, number][] {
  const q = parseQuery(query);
  const tests = phrases ? q.phrases.map((p) => phrases.contains(p, true)) : [];
  const accept = tests.length ? (doc: number) => tests.every((has) => has(doc)) : undefined;
  const within = phrases && q.phrases.length === 1 ? phrases.candidates(q.phrases[0]!) : undefined;
  const found = engine.retrieve(q.terms, q.phrases, accept, within);
  return Array.from(found.docs, (doc, i): [number, number] => [doc, found.scores[i]!]).sort((a, b) => a[0] - b[0]);
}

describe('all-words retrieval', () => {
  const queries = [
    ...measuredQueries(real).map((x) => x.q),
    // Words with several stems: typos and prefixes of rare words, hyphenated and joined compounds.
    'difusion model image',
    'transfomer language model',
    'self-supervised representation learning',
    'selfsupervised learning image',
    'equivar network learning',
    'score distilation sampling model',
  ];

  it('finds the same papers with the same scores as term at a time, to the last bit', () => {
    const reference = new SearchEngine(index, { allWordsFrom: Infinity });
    // From any size: below MIN_POSTINGS it is only slower, and this corpus is small.
    const engine = new SearchEngine(index, { allWordsFrom: 0 });
    for (const step of [...reference.warmSteps(), ...engine.warmSteps()]) step();
    const match = vi.spyOn(AllWords.prototype, 'match');
    let used = 0;
    const modes = { one: 0, rare: 0, best: 0 };
    for (const query of queries) {
      const calls = match.mock.results.length;
      expect(answers(engine, query), query).toEqual(answers(reference, query));
      if (match.mock.results.slice(calls).some((r) => r.value !== undefined)) {
        used++;
        for (const word of match.mock.calls.at(-1)![0]) modes[word.mode]++;
      }
    }
    match.mockRestore();
    // Otherwise this would only compare term at a time with itself.
    expect(used).toBeGreaterThan(40);
  });

  it('finds the same papers with quoted phrases, starting from the papers that have them', () => {
    const reference = new SearchEngine(index, { allWordsFrom: Infinity });
    // From any size: below MIN_POSTINGS it is only slower, and this corpus is small.
    const engine = new SearchEngine(index, { allWordsFrom: 0 });
    // The reference checks phrases on the streams, paper by paper; the engine, with word positions.
    for (const step of engine.warmSteps()) step();
    expect(reference.positions).toBeDefined();
    const referencePhrases = new PhraseTests(papers, { ...pick(reference), positions: undefined });
    const phrases = new PhraseTests(papers, engine);
    const quoted = [
      ...queries.filter((q) => q.includes('"')),
      '"diffusion models" image',
      '"language models" reasoning benchmark',
      '"generally domain"',
      '"neural radiance" fields rendering',
      '"image generation" -video',
    ];
    const match = vi.spyOn(AllWords.prototype, 'match');
    for (const query of quoted) expect(answers(engine, query, phrases), query).toEqual(answers(reference, query, referencePhrases));
    const within = match.mock.calls.filter((call) => call[3] !== undefined).length;
    match.mockRestore();
    expect(within).toBeGreaterThan(20);
  });
});

/** The parts of an engine phrase tests use, as a plain object (so one can be left out). */
function pick(engine: SearchEngine) {
  return { docsWithAll: engine.docsWithAll.bind(engine), compoundParts: engine.compoundParts.bind(engine), surfaceId: engine.surfaceId.bind(engine), index: engine.index, positions: engine.positions };
}
