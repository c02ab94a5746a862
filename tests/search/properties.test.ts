/**
 * Properties of search on random corpora that hold whatever the scores: ordering, the
 * all-words-first rule, spellings, phrases, exclusions and paging.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Paper } from '../../src/corpus/paper.js';
import { createLibrary } from '../../src/search/library.js';
import { stems } from '../../src/search/text.js';

const WORDS = ['graph', 'graphs', 'neural', 'network', 'quantum', 'lattice', 'sampler', 'video', 'image', 'self', 'supervised', 'learning', 'the', 'of'];
const SEPARATORS = [' ', ' ', '-', ', '];
const text = (max: number) =>
  fc.array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: max }).map((parts) => parts.map(([w, sep], i) => (i ? sep : '') + w).join(''));
const corpusArb = fc.array(fc.record({ title: text(5), abstract: text(20) }), { minLength: 1, maxLength: 40 }).map((rows) =>
  rows.map((r, i): Paper => ({ id: `p${i}`, titleDerived: false, links: [], sources: ['random.txt'], ...r })),
);
const queryArb = fc.array(fc.constantFrom(...WORDS.filter((w) => w.length > 3)), { minLength: 1, maxLength: 4 });
const has = (p: Paper, word: string) => new Set(stems(`${p.title} ${p.abstract}`)).has(stems(word)[0]!);

describe('search properties on random corpora', () => {
  it('orders hits by score, and every paper with all the words before any paper with some', () => {
    fc.assert(
      fc.property(corpusArb, queryArb, (papers, words) => {
        const { hits, total } = createLibrary(papers).search(words.join(' '), { limit: 100 });
        expect(hits.length).toBe(Math.min(total, 100));
        hits.forEach((h, i) => i > 0 && expect(h.score).toBeLessThanOrEqual(hits[i - 1]!.score));
        const full = hits.map((h) => words.every((w) => has(h.paper, w)));
        const firstPartial = full.indexOf(false);
        if (firstPartial >= 0) expect(full.slice(firstPartial)).not.toContain(true);
        // AND results exclude papers without every word unless too few have them all.
        if (full.filter(Boolean).length >= 5) expect(firstPartial).toBe(-1);
      }),
      { numRuns: 200 },
    );
  });

  it('finds the same papers, with the same scores, for "self-supervised", "self supervised" and "selfsupervised"', () => {
    fc.assert(
      fc.property(corpusArb, fc.constantFrom('', 'graph ', 'learning '), (papers, extra) => {
        const withHyphen = [...papers, { ...papers[0]!, id: 'hyphenated', title: 'self-supervised' }];
        const library = createLibrary(withHyphen);
        const answer = (q: string) => library.search(q, { limit: 100 }).hits.map((h) => `${h.paper.id} ${h.score.toFixed(9)}`);
        const hyphen = answer(`${extra}self-supervised`);
        expect(answer(`${extra}self supervised`)).toEqual(hyphen);
        expect(answer(`${extra}selfsupervised`)).toEqual(hyphen);
        const quoted = answer(`"self-supervised"`);
        expect(answer(`"self supervised"`)).toEqual(quoted);
        expect(answer(`"selfsupervised"`)).toEqual(quoted);
      }),
      { numRuns: 100 },
    );
  });

  it('a quoted phrase finds exactly the papers with its words in a row (whitespace or hyphens between)', () => {
    fc.assert(
      fc.property(corpusArb, fc.constantFrom('neural network', 'quantum lattice', 'graph', 'image video', 'self supervised learning'), (papers, phrase) => {
        const pattern = new RegExp(`\\b${phrase.replace(/ /g, '[\\s-]*')}\\b`, 'i');
        const found = createLibrary(papers)
          .search(`"${phrase}"`, { limit: 100 })
          .hits.map((h) => h.paper.id)
          .sort();
        expect(found).toEqual(papers.filter((p) => pattern.test(p.title) || pattern.test(p.abstract)).map((p) => p.id).sort());
      }),
      { numRuns: 200 },
    );
  });

  it('-word drops every paper with the word, and nothing else', () => {
    fc.assert(
      fc.property(corpusArb, queryArb, fc.constantFrom('video', 'graphs', 'lattice'), (papers, words, excluded) => {
        const library = createLibrary(papers);
        const all = library.search(words.join(' '), { limit: 100 }).hits.map((h) => h.paper);
        const kept = library.search(`${words.join(' ')} -${excluded}`, { limit: 100 }).hits.map((h) => h.paper.id);
        if (words.some((w) => stems(w)[0] === stems(excluded)[0])) return;
        expect(kept.sort()).toEqual(all.filter((p) => !has(p, excluded)).map((p) => p.id).sort());
      }),
      { numRuns: 200 },
    );
  });

  it('pages are slices of one ranking', () => {
    fc.assert(
      fc.property(corpusArb, queryArb, fc.nat(10), fc.integer({ min: 1, max: 7 }), (papers, words, offset, limit) => {
        const library = createLibrary(papers);
        const all = library.search(words.join(' '), { limit: 100 }).hits.map((h) => h.paper.id);
        const page = library.search(words.join(' '), { limit, offset });
        expect(page.hits.map((h) => h.paper.id)).toEqual(all.slice(offset, offset + limit));
      }),
      { numRuns: 100 },
    );
  });
});
