/**
 * Prefix and typo lookups over the sorted surface words (sorted-words.ts) replaced MiniSearch's
 * radix tree. They must find exactly what the tree finds, distances and counts included: on the
 * corpus's words with one or two letters dropped, doubled, replaced or swapped, accented words,
 * prefixes of every length, and strings of no word at all.
 */
import SearchableMap from 'minisearch/SearchableMap';
import { describe, expect, it } from 'vitest';
import { prng } from '../../bench/lib/synthetic.js';
import { loadCorpus } from '../../src/corpus/index.js';
import { buildIndex } from '../../src/search/postings.js';
import { SortedWords } from '../../src/search/sorted-words.js';

const index = buildIndex(loadCorpus('data').papers);
const tree = new SearchableMap<number>();
index.surfaceWords.forEach((w, i) => tree.set(w, index.surfaceDf[i]!));
const sorted = new SortedWords(index.surfaceWords, index.surfaceDf);
const random = prng(11);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;

/** One random edit: a unit dropped, doubled, replaced or two swapped. */
function edit(w: string): string {
  const at = Math.floor(random() * w.length);
  const c = pick([...'abcdefghijklmnopqrstuvwxyzé0']);
  return [w.slice(0, at) + w.slice(at + 1), w.slice(0, at) + w[at] + w.slice(at), w.slice(0, at) + c + w.slice(at + 1), w.slice(0, at) + (w[at + 1] ?? '') + w[at] + w.slice(at + 2)][Math.floor(random() * 4)]!;
}

const sortedEntries = <V>(m: Iterable<[string, V]>) => [...m].sort((a, b) => (a[0] < b[0] ? -1 : 1));

describe('sorted surface words', () => {
  it('find the words within one and two edits that the radix tree finds', () => {
    const queries = ['difusion', 'transfomer', 'équivariant', 'señales', 'zzzzqx', 'a', '', 'x'];
    for (let i = 0; i < 300; i++) {
      const w = pick(index.surfaceWords);
      queries.push(i % 3 === 0 ? w : i % 3 === 1 ? edit(w) : edit(edit(w)));
    }
    let found = 0;
    for (const q of queries) {
      for (const d of [1, 2]) {
        const expected = sortedEntries(tree.fuzzyGet(q, d));
        expect(sortedEntries(sorted.fuzzy(q, d)), `${q} within ${d}`).toEqual(expected);
        found += expected.length;
      }
    }
    expect(found).toBeGreaterThan(1000);
  });

  it('list the words starting with a prefix that the radix tree lists', () => {
    const prefixes = ['', 'z', 'dif', 'équi', 'qqq'];
    for (let i = 0; i < 200; i++) {
      const w = pick(index.surfaceWords);
      prefixes.push(w.slice(0, 1 + Math.floor(random() * w.length)));
    }
    for (const p of prefixes) expect(sortedEntries(sorted.atPrefix(p)), p).toEqual(sortedEntries(tree.atPrefix(p)));
  });
});
