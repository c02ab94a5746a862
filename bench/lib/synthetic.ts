/**
 * Synthetic corpora of any size, generated reproducibly (seeded PRNG) from the real papers.
 *
 * Method: each synthetic paper recombines real text (a real title, 3–8 sentences drawn from
 * random real abstracts) and replaces some content words by other words. A replacement is a
 * newly coined term with probability COIN_RATE / sqrt(coined so far + 1), else a reuse of an
 * earlier coinage (Zipf-like: early, i.e. popular, coinages are reused most). New terms thus
 * arrive ever more slowly, so the vocabulary V grows with the token count n roughly like
 * n^(2/3): a Heaps'-law curve, as in real collections (arXiv: β ≈ 0.5–0.7), rather than
 * staying flat (pure recombination) or growing linearly (random strings).
 * Coined terms are blends of real words ("diffu" + "former"), so they look like method names,
 * share prefixes with real words (prefix queries) and sit near them in edit distance (typos).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Paper } from '../../src/corpus/paper.js';
import { splitSentences } from '../../src/digest/tldr.js';

/** Probability scale of coining a new word at each replacement. */
const COIN_RATE = 50;
/** Share of content words replaced, in titles and abstracts. */
const TITLE_REPLACE = 0.25;
const ABSTRACT_REPLACE = 0.06;

/** mulberry32: tiny, fast, and the same sequence for the same seed on every platform. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function generatePapers(real: readonly Paper[], size: number, seed = 1): Paper[] {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const sentences = real.flatMap((p) => splitSentences(p.abstract)).filter((s) => s.length > 30);
  const titles = real.map((p) => p.title);
  const realWords = [...new Set(real.flatMap((p) => `${p.title} ${p.abstract}`.toLowerCase().match(/[a-z]{6,}/g) ?? []))].sort();
  const coined: string[] = [];
  const taken = new Set(realWords);

  const coin = (): string => {
    for (;;) {
      const a = pick(realWords);
      const b = pick(realWords);
      const word = a.slice(0, 3 + Math.floor(random() * 4)) + b.slice(b.length - 3 - Math.floor(random() * 4));
      if (!taken.has(word)) {
        taken.add(word);
        return word;
      }
    }
  };
  const replacement = (): string => {
    if (random() < COIN_RATE / Math.sqrt(coined.length + 1)) {
      coined.push(coin());
      return coined[coined.length - 1] as string;
    }
    return coined[Math.floor(coined.length * random() ** 3)] as string;
  };
  // Each sentence and title split once into the words a replacement may take and what stands
  // between them: a regex replace on every generated abstract took most of a million papers' 23 s.
  // Joining sentences with a space moves no word boundary, so the words, and the draws, are the same.
  const sentenceParts = sentences.map(splitWords);
  const titleParts = titles.map(splitWords);
  // Joined, not concatenated: a million abstracts kept as trees of concatenated pieces were most of the garbage collector's work.
  const mutate = (parts: readonly string[], rate: number): string => {
    const out = parts.slice();
    for (let k = 1; k < out.length; k += 2) if (random() < rate) out[k] = capitalised(out[k]!, replacement());
    return out.join('');
  };

  const papers: Paper[] = [];
  for (let i = 0; i < size; i++) {
    const count = 3 + Math.floor(random() * 6);
    const abstract = Array.from({ length: count }, () => pick(sentenceParts))
      .map((parts) => mutate(parts, ABSTRACT_REPLACE))
      .join(' ');
    const title = mutate(pick(titleParts), TITLE_REPLACE);
    const year = 2020 + Math.floor(random() * 6);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const code = random() < 0.3 ? [{ url: `https://github.com/lab${i % 997}/${replacement()}`, kind: 'code' as const }] : [];
    papers.push({
      id: `s${i.toString(36)}`,
      title,
      titleDerived: false,
      abstract: code.length ? `${abstract} Code: ${code[0]!.url}` : abstract,
      authors: 1 + Math.floor(random() * 12),
      published: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      upvotes: Math.floor(random() ** 4 * 300),
      links: code,
      sources: ['synthetic'],
    });
  }
  return papers;
}

/** `text` split around its words of five letters or more: [between, word, between, …, between]. */
function splitWords(text: string): string[] {
  return text.split(/\b([A-Za-z]{5,})\b/);
}

function capitalised(original: string, word: string): string {
  return original[0] === original[0]?.toUpperCase() ? word[0]!.toUpperCase() + word.slice(1) : word;
}

/** Distinct lowercased words of the papers' titles and abstracts (for the Heaps' curve). */
export function vocabularySize(papers: readonly Paper[]): number {
  const words = new Set<string>();
  for (const p of papers) for (const w of `${p.title} ${p.abstract}`.toLowerCase().match(/[a-z]+/g) ?? []) words.add(w);
  return words.size;
}

/** Writes papers as Daily Papers exports ("blocks" layout, 5,000 per file), as the bot reads them. */
export function writeCorpus(dir: string, papers: readonly Paper[]): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const perFile = 5000;
  for (let f = 0; f * perFile < papers.length; f++) {
    const blocks = papers.slice(f * perFile, (f + 1) * perFile).map((p) => {
      const [y, m, d] = (p.published ?? '2024-01-01').split('-').map(Number) as [number, number, number];
      return `${p.title}\n\n${p.abstract}\n\n  • ${p.authors ?? 1} authors\n·\n${MONTHS[m - 1]} ${d}, ${y} ${p.upvotes ?? 0}\n`;
    });
    const header = 'New\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nDaily Papers\n\nbyAK and the research community\n\nNov 14\n\n';
    writeFileSync(join(dir, `synthetic-${String(f).padStart(3, '0')}.txt`), header + blocks.join('\n'));
  }
  writeFileSync(join(dir, 'sources.json'), '[]\n');
}
