/**
 * Typos are looked up by generating a word's edits (near-words.ts) instead of walking the radix
 * tree. Both must find the same words one edit away: here on corpus words with a letter dropped,
 * doubled, replaced or swapped, accented ones, and strings of no word at all.
 */
import SearchableMap from 'minisearch/SearchableMap';
import { describe, expect, it } from 'vitest';
import { prng } from '../../bench/lib/synthetic.js';
import { loadCorpus } from '../../src/corpus/index.js';
import { NearWords } from '../../src/search/near-words.js';
import { buildIndex } from '../../src/search/postings.js';

describe('words one edit away', () => {
  it('are the ones the radix tree finds at distance 1, with their document counts', () => {
    const index = buildIndex(loadCorpus('data').papers);
    const tree = new SearchableMap<number>();
    index.surfaceWords.forEach((w, i) => tree.set(w, index.surfaceDf[i]!));
    const near = new NearWords(index.surfaceWords, index.surfaceDf);
    const random = prng(3);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const letters = 'abcdefghijklmnopqrstuvwxyzé0';
    const words = ['difusion', 'transfomer', 'équivariant', 'señales', 'zzzzqx', 'a', ''];
    for (let i = 0; i < 400; i++) {
      const w = pick(index.surfaceWords);
      const at = Math.floor(random() * w.length);
      const c = pick([...letters]);
      words.push(
        [w.slice(0, at) + w.slice(at + 1), w.slice(0, at) + w[at] + w.slice(at), w.slice(0, at) + c + w.slice(at + 1), w.slice(0, at) + (w[at + 1] ?? '') + w[at] + w.slice(at + 2), w][i % 5]!,
      );
    }
    let found = 0;
    for (const word of words) {
      const expected = [...tree.fuzzyGet(word, 1)].filter(([w, [, d]]) => d === 1 && w !== word).map(([w, [n]]) => [w, n] as const);
      const actual = [...near.oneEdit(word)];
      expect(actual.sort(), word).toEqual(expected.sort());
      found += actual.length;
    }
    expect(found).toBeGreaterThan(300);
  });

  it('tell nonsense at once: no known word within two edits when the check says none can be', () => {
    const index = buildIndex(loadCorpus('data').papers);
    const tree = new SearchableMap<number>();
    index.surfaceWords.forEach((w, i) => tree.set(w, index.surfaceDf[i]!));
    const near = new NearWords(index.surfaceWords, index.surfaceDf);
    const random = prng(5);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const letters = [...'abcdefghijklmnopqrstuvwxyz'];
    const edit = (w: string) => {
      const at = Math.floor(random() * (w.length + 1));
      return [w.slice(0, at) + w.slice(at + 1), w.slice(0, at) + pick(letters) + w.slice(at), w.slice(0, at) + pick(letters) + w.slice(at + 1)][Math.floor(random() * 3)]!;
    };
    let refused = 0;
    let reached = 0;
    for (let i = 0; i < 600; i++) {
      // Nonsense, and known words with one to three random edits.
      const word = i % 4 === 0 ? Array.from({ length: 6 + (i % 5) }, () => pick(letters)).join('') : [...Array(i % 3 + 1)].reduce((w: string) => edit(w), pick(index.surfaceWords));
      const words = tree.fuzzyGet(word, 2).size;
      if (!near.twoEditsMayReach(word)) {
        expect(words, word).toBe(0);
        refused++;
      } else if (words > 0) reached++;
    }
    // The check must refuse often (nonsense) and never where a word is within reach.
    expect(refused).toBeGreaterThan(50);
    expect(reached).toBeGreaterThan(100);
  });
});
