/**
 * Queries that warm a fresh library: one of each kind a researcher types (words, a hyphenated
 * compound, a phrase, typos, a prefix, filters, a description, nonsense), made of the corpus's own
 * words. The first query of each kind otherwise pays for compiling its code paths and for the
 * tables it builds on first use: 70–150 ms at 100,000 papers, for whoever asks first.
 */
import type { Paper } from '../corpus/paper.js';
import type { IndexData } from './postings.js';
import { normalize } from './text.js';
import { gapBefore, STREAM_FIELDS, wordAt } from './token-streams.js';

/** Papers whose text the queries are taken from: the first few, so building them is cheap at any size. */
const SAMPLE = 20;
const COMPOUNDS = 6;
/**
 * Filters are asked with this many words each. A filter runs a test on every match, and V8 needs
 * a few such queries before that code stays compiled: after one of each, the first filter a user
 * typed at 100,000 papers still took 6–23 ms; after four, 1–6 ms. Different words, so that none
 * is answered from the ranking cache.
 */
const FILTER_WORDS = 4;

export function warmUpQueries(papers: readonly Paper[], index: IndexData): string[] {
  const { surfaceWords, surfaceDf } = index;
  if (surfaceWords.length === 0) return [];
  const frequent = [...surfaceDf.keys()].sort((a, b) => surfaceDf[b]! - surfaceDf[a]!).slice(0, 50).map((i) => surfaceWords[i]!);
  const [first, second = first] = frequent as [string, ...string[]];
  const long = frequent.find((w) => w.length >= 8) ?? first;
  const short = frequent.find((w) => w.length >= 5 && w.length < 8) ?? first;
  const sample = papers.slice(0, SAMPLE);
  // Several compounds: whether the joined form is rare or common next to its parts takes different paths.
  const compounds = [...new Set(sample.flatMap((p) => hyphenated(p.abstract)))].slice(0, COMPOUNDS);
  const compound = compounds[0];
  const description = sample.map((p) => p.abstract.split(/\s+/).slice(0, 12).join(' ')).find((d) => d.split(' ').length >= 8);
  const phrase = adjacentPair(index, Math.min(SAMPLE, index.docCount));
  const year = new Date().getUTCFullYear();
  return [
    first,
    `${first} ${second}`,
    ...compounds,
    ...(compound ? [`${compound} ${first}`] : []),
    ...(phrase ? [`"${phrase}"`, `"${phrase}" ${first}`] : []),
    `${long.slice(0, 3)}${long.slice(4)}`,
    `${long.slice(0, 2)}${long[3]}${long[2]}${long.slice(4)}`,
    `${short.slice(0, 2)}${short.slice(3)}`,
    long.slice(0, 4),
    ...frequent.slice(0, FILTER_WORDS).flatMap((word, i) => {
      const other = frequent[i + 1] ?? second;
      return [
        `${word} year:${year}`,
        `${word} since:2020-01`,
        `${word} -${other}`,
        ...(phrase ? [`${word} -"${phrase}"`] : []),
        `${word} sort:new`,
        `${word} sort:top`,
      ];
    }),
    `author:"a"`,
    ...(description ? [description] : []),
    'zqxjvkw',
  ];
}

/** Hyphenated words of a text as written ("self-supervised"). */
function hyphenated(text: string): string[] {
  return normalize(text).match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu) ?? [];
}

/** Two words side by side with only a space or hyphen between them, in one of the first `docs` titles or abstracts. */
function adjacentPair(index: IndexData, docs: number): string | undefined {
  const { streams, surfaceWords } = index;
  for (let d = 0; d < docs; d++) {
    const from = streams.starts[d * STREAM_FIELDS + 1]!;
    const to = streams.starts[d * STREAM_FIELDS + 2]!;
    for (let t = from + 1; t < to; t++) {
      if (!gapBefore(streams, t)) return `${surfaceWords[wordAt(streams, t - 1)]} ${surfaceWords[wordAt(streams, t)]}`;
    }
  }
  return undefined;
}
