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
import { parseQuery } from '../../src/search/query.js';
import { realLibrary } from './helpers.js';

const { papers: real } = realLibrary();
const papers = generatePapers(real, 6000, SEED);
const index = buildIndex(papers);

function answers(engine: SearchEngine, query: string): [number, number][] {
  const q = parseQuery(query);
  const found = engine.retrieve(q.terms, q.phrases);
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
    const reference = new SearchEngine(index, { allWords: false });
    const engine = new SearchEngine(index);
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
    console.log("USED", used, modes);
    expect(used).toBeGreaterThan(40);
  });
});
