import { describe, expect, it } from 'vitest';
import { mergeEntries, mergeKey, normaliseText } from '../../src/corpus/index.js';
import type { CorpusEntry, CorpusWarning } from '../../src/corpus/index.js';
import { groupEntries } from '../../src/corpus/merge.js';

/** The previous, quadratic grouping (every key against every group's key), kept as the oracle. */
function quadraticGroupEntries(entries: CorpusEntry[], warnings: CorpusWarning[]): Map<string, CorpusEntry[]> {
  const byLengthThenText = (a: string, b: string) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0);
  const byKey = new Map<string, CorpusEntry[]>();
  for (const entry of entries) {
    const key = mergeKey(entry.abstract);
    byKey.set(key, [...(byKey.get(key) ?? []), entry]);
  }
  const keys = [...byKey.keys()].sort(byLengthThenText);
  const groups = new Map<string, CorpusEntry[]>();
  for (const key of keys) {
    const owners = key.length >= 200 ? [...groups.keys()].filter((k) => k.length > key.length && k.startsWith(key)) : [];
    if (owners.length > 1) {
      const first = byKey.get(key)![0]!;
      warnings.push({ file: first.file, line: first.line, message: `truncated abstract matches ${owners.length} papers; merged with the longest` });
    }
    const owner = owners[0];
    if (owner === undefined) groups.set(key, [...byKey.get(key)!]);
    else groups.get(owner)!.push(...byKey.get(key)!);
  }
  return groups;
}

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['diffusion', 'model', 'token', 'we', 'propose', 'a', 'novel', 'Agent', 'reasoning', 'vision', 'language', 'benchmark', 'scaling', 'law', 'of', 'the', 'data', 'Über', 'naïve', '3D', 'x', 'RL'];

/**
 * Families of abstracts that share a long stem (150–320 characters) and then branch, copied in
 * full (with changed case and punctuation), cut at random points (some below the 200-character
 * rule, some at the shared stem so several papers match, some cuts of cuts), and shuffled.
 */
function syntheticEntries(seed: number): CorpusEntry[] {
  const random = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const text = (chars: number) => {
    let s = '';
    while (s.length < chars) s += `${pick(WORDS)}${random() < 0.15 ? ',' : ''} `;
    return s;
  };
  const cut = (s: string, min: number) => `${s.slice(0, min + Math.floor(random() * Math.max(1, s.length - min)))}...`;
  const entries: CorpusEntry[] = [];
  const add = (abstract: string) => entries.push({ file: `f${Math.floor(random() * 5)}.txt`, line: entries.length + 1, abstract });
  for (let family = 0; family < 120; family++) {
    const stem = text(150 + Math.floor(random() * 170));
    const branches = Array.from({ length: 1 + Math.floor(random() * 3) }, () => stem + text(random() < 0.2 ? 5 : 30 + Math.floor(random() * 150)));
    for (const full of branches) {
      add(full);
      if (random() < 0.5) add(random() < 0.5 ? full.toUpperCase() : full.replaceAll(' ', ' - '));
      for (let copies = Math.floor(random() * 4); copies > 0; copies--) {
        const truncated = cut(full, 100);
        add(truncated);
        if (random() < 0.3) add(cut(truncated, 100));
      }
    }
    if (random() < 0.5) add(`${stem.slice(0, stem.length - Math.floor(random() * 20))}…`);
  }
  // Unrelated papers, and exact-length edge cases around the 200-character rule.
  for (let i = 0; i < 200; i++) add(text(200 + Math.floor(random() * 400)));
  const edge = 'abcdefghij'.repeat(25);
  for (const n of [199, 200, 201, 250]) add(edge.slice(0, n));
  for (let i = entries.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [entries[i], entries[j]] = [entries[j]!, entries[i]!];
  }
  return entries;
}

describe('groupEntries', () => {
  it.each([1, 2, 3, 4, 5])('groups a shuffled synthetic set exactly as the quadratic version did (seed %i)', (seed) => {
    const entries = syntheticEntries(seed);
    const warnings: CorpusWarning[] = [];
    const oracleWarnings: CorpusWarning[] = [];
    const groups = groupEntries(entries, warnings);
    const oracle = quadraticGroupEntries(entries, oracleWarnings);
    // Same group keys in the same order, the same entries (the same objects) in the same order.
    expect([...groups]).toEqual([...oracle]);
    for (const [key, copies] of groups) copies.forEach((copy, i) => expect(copy).toBe(oracle.get(key)![i]));
    expect(warnings).toEqual(oracleWarnings);
    // The set is built to exercise every rule.
    expect(groups.size).toBeLessThan(entries.length * 0.8);
    expect([...groups.values()].filter((g) => new Set(g.map((e) => mergeKey(e.abstract))).size > 1).length).toBeGreaterThan(50);
    expect(warnings.length).toBeGreaterThan(0);
  });

  it('merges truncated copies (≥ 200 key characters), also cuts of cuts, whatever the order', () => {
    const full = 'Large language models can be steered by sparse features. '.repeat(8);
    const others = Array.from({ length: 50 }, (_, i) => `Paper ${i} studies something else entirely. `.repeat(8));
    const entries: CorpusEntry[] = [
      { file: 'a.txt', line: 1, abstract: `${full.slice(0, 340)}...` },
      ...others.map((abstract, i) => ({ file: 'b.txt', line: i + 1, abstract })),
      { file: 'c.txt', line: 1, abstract: full },
      { file: 'd.txt', line: 7, abstract: `${full.slice(0, 280)}…` },
    ];
    for (const order of [entries, [...entries].reverse()]) {
      const { papers, warnings } = mergeEntries(order);
      expect(warnings).toEqual([]);
      expect(papers).toHaveLength(51);
      const merged = papers.find((p) => p.sources.length > 1)!;
      expect(merged.abstract).toBe(full);
      expect(merged.sources).toEqual(['a.txt', 'c.txt', 'd.txt']);
    }
  });

  it('keeps a cut shorter than 200 key characters apart, and merges a cut shared by two papers with the longest', () => {
    const stem = 'Reinforcement learning from human feedback aligns models with preferences. '.repeat(4);
    const long = `${stem}We add a reward model ensemble and a much longer tail of results.`;
    const short = `${stem}We add ablations.`;
    const warnings: CorpusWarning[] = [];
    const groups = groupEntries(
      [
        { file: 'a.txt', line: 1, abstract: short },
        { file: 'b.txt', line: 2, abstract: stem },
        { file: 'c.txt', line: 3, abstract: long },
        { file: 'd.txt', line: 4, abstract: stem.slice(0, 150) },
      ],
      warnings,
    );
    expect([...groups.values()].map((g) => g.map((e) => e.file))).toEqual([['c.txt', 'b.txt'], ['a.txt'], ['d.txt']]);
    expect(warnings).toEqual([{ file: 'b.txt', line: 2, message: 'truncated abstract matches 2 papers; merged with the longest' }]);
  });
});

describe('mergeKey and whitespace fast paths', () => {
  const unicodeKey = (text: string) => text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

  it('gives ASCII text the same key as the Unicode rules', () => {
    for (const text of ['Hello, World! 42 x_y-Z', 'GPT-4o: 3.5× faster', '  A\tB\nC  ', '', '!!!', 'naïve Über façade', 'ﬁne-tuning ＡＢＣ'])
      expect(mergeKey(text)).toBe(unicodeKey(text));
    const ascii = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c)).join('');
    expect(mergeKey(ascii)).toBe(unicodeKey(ascii));
    expect(mergeKey(ascii)).toBe('0123456789abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz');
  });

  it('collapses whitespace as before, and leaves collapsed text alone', () => {
    for (const text of ['a b c', ' a b', 'a b ', 'a  b', 'a\tb', 'a\u00a0b', 'a\nb', '\u2003a', '', ' ', 'ab'])
      expect(normaliseText(text)).toBe(text.normalize('NFKC').replace(/\s+/gu, ' ').trim());
  });
});
