/**
 * Themes discovered from the corpus: frequent key phrases (bigrams and trigrams of content
 * words that occur together, not across punctuation or stop words) in titles, abstracts and the
 * sources' keywords, deduplicated so that
 * "radiance field" and "neural radiance field" or two phrases naming the same papers give one theme.
 */
import type { Paper } from '../corpus/paper.js';
import { normalize, stem, STOP_WORDS } from './text.js';

/** Words that are frequent in abstracts but never name a research theme on their own. */
const GENERIC = new Set(
  (
    'propose proposed proposes novel new method methods approach approaches result results show shows shown ' +
    'paper work present presents introduce introduces based using use used uses demonstrate demonstrates ' +
    'performance experiments experimental extensive extensively significantly significant outperforms outperform ' +
    'state art various different first well achieve achieves achieved existing recent recently previous prior ' +
    'effective effectively efficient efficiently code available https github com www io project page make makes ' +
    'able several many often one two three large small high low key wide range better best strong simple ' +
    'furthermore moreover additionally specifically particular particularly compared including include ' +
    'framework model models task tasks problem problems study studies enable enables improve improves improved ' +
    'even like first second leverage leverages leveraging abstract comprehensive superior remarkable remains'
  ).split(/\s+/),
);

/** Collocations that are everywhere in ML abstracts and name no theme. */
const GENERIC_PHRASES = new Set(
  [
    'neural network', 'deep neural', 'deep neural network', 'deep learning', 'machine learning', 'training data',
    'loss function', 'network architecture', 'generalization ability', 'generalization capability', 'real world',
    'downstream tasks', 'benchmark datasets', 'input image', 'deep networks', 'representation learning', 'learning algorithms', 'learned representations',
  ].map((p) => p.split(' ').map(stem).join(' ')),
);
/** A phrase in more than this share of papers is too broad to be a theme. */
const MAX_DF_SHARE = 0.2;
/**
 * Phrases are mined from at most this many papers, evenly spaced: counting every n-gram of a
 * 100,000-paper corpus takes gigabytes, while frequent phrases show just as well in a sample.
 */
const THEME_SAMPLE = 5000;

export interface Theme {
  /** Stems, e.g. ["neural", "radianc", "field"]. */
  stems: string[];
  /** Most frequent surface form, e.g. "neural radiance fields". */
  phrase: string;
  /** Indices (into the papers array) of papers containing the phrase (of the sample, on large corpora). */
  docs: Set<number>;
}

export interface ThemeOptions {
  max?: number;
  /** Paper sets of curated topics: a theme that mostly covers one of them is dropped. */
  curated?: { stems: string[]; docs: Set<number> }[];
}

/** Runs of content words: n-grams never span punctuation, stop words or generic words. */
function runs(text: string): string[][] {
  return normalize(text)
    .split(/[.,;:!?()[\]{}"“”]+|\s[-–—]\s/)
    .flatMap((segment) => segment.split(/[^\p{L}\p{N}-]+/u).reduce<string[][]>((acc, raw) => {
      const w = raw.replace(/^-+|-+$/g, '');
      const ok = w.length > 2 && !STOP_WORDS.has(w) && !GENERIC.has(w) && !/\d/.test(w);
      if (ok) (acc[acc.length - 1] as string[]).push(w);
      else if ((acc[acc.length - 1] as string[]).length > 0) acc.push([]);
      return acc;
    }, [[]]));
}

export function discoverThemes(papers: readonly Paper[], options: ThemeOptions = {}): Theme[] {
  const step = Math.max(1, papers.length / THEME_SAMPLE);
  const sample: number[] = [];
  for (let i = 0; i < papers.length; i += step) sample.push(Math.floor(i));
  // A phrase must appear in 1% of the sample (at least 5 papers) to name a theme.
  const minDf = Math.max(5, Math.ceil(sample.length * 0.01));
  const grams = new Map<string, { docs: Set<number>; surfaces: Map<string, number> }>();
  for (const doc of sample) {
    const p = papers[doc] as Paper;
    // Source keywords (Hugging Face's ai_keywords) name themes directly; each is its own run, so no n-gram spans two.
    for (const run of [...runs(`${p.title}. ${p.abstract}`), ...(p.keywords ?? []).flatMap(runs)]) {
      for (let n = 2; n <= 3; n++) {
        for (let i = 0; i + n <= run.length; i++) {
          const surface = run.slice(i, i + n).join(' ');
          const key = run.slice(i, i + n).map(stem).join(' ');
          const g = grams.get(key) ?? { docs: new Set(), surfaces: new Map() };
          g.docs.add(doc);
          g.surfaces.set(surface, (g.surfaces.get(surface) ?? 0) + 1);
          grams.set(key, g);
        }
      }
    }
  }
  const candidates: Theme[] = [...grams]
    .filter(([key, g]) => g.docs.size >= minDf && g.docs.size <= sample.length * MAX_DF_SHARE)
    .filter(([key]) => !GENERIC_PHRASES.has(key) && new Set(key.split(' ')).size === key.split(' ').length)
    .map(([key, g]) => ({ stems: key.split(' '), phrase: mostFrequent(g.surfaces), docs: g.docs }))
    .sort((a, b) => b.docs.size - a.docs.size || b.stems.length - a.stems.length);

  const accepted: Theme[] = [];
  for (const c of candidates) {
    if (options.curated?.some((t) => sameTheme(c, t))) continue;
    const clash = accepted.findIndex((a) => sameTheme(c, a));
    if (clash < 0) accepted.push(c);
    else {
      // A longer phrase naming nearly the same papers is more telling: "neural radiance fields".
      const a = accepted[clash] as Theme;
      if (c.stems.length > a.stems.length && c.docs.size >= 0.8 * a.docs.size) accepted[clash] = c;
    }
  }
  return accepted.slice(0, options.max ?? 12);
}

/** Same theme: one phrase contains the other's words, or they name mostly the same papers. */
function sameTheme(a: { stems: string[]; docs: Set<number> }, b: { stems: string[]; docs: Set<number> }): boolean {
  const contains = (x: string[], y: string[]) => y.every((s) => x.includes(s));
  if (contains(a.stems, b.stems) || contains(b.stems, a.stems)) return true;
  let both = 0;
  for (const d of a.docs) if (b.docs.has(d)) both++;
  return both / Math.min(a.docs.size, b.docs.size) > 0.6;
}

function mostFrequent(counts: Map<string, number>): string {
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? '';
}
