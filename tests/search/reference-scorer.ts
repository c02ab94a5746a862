/**
 * A brute-force reference for search: the scoring that src/search/engine.ts documents in its
 * header, recomputed from the papers' text with plain maps and loops, no index. Slow and
 * obviously correct is the point: parity tests compare the engine with it on random corpora.
 *
 * It shares only the definition of a term with the engine (text.ts: normalise, split, drop stop
 * words, stem), and ranks free words and quoted phrases (no operators).
 */
import type { Paper } from '../../src/corpus/paper.js';
import { isContentWord, normalize, processNormalized, stem, stems, tokenize } from '../../src/search/text.js';

const BOOST = [3, 1, 0.5];
const LONG_QUERY_BOOST = [1.5, 1, 0.5];
const LONG_QUERY_WORDS = 5;
const K = 1.2;
const B = 0.7;
const D = 0.5;
const LOOSE_BELOW_DF = 2;
const MIN_AND_HITS = 5;
const PREFIX_WEIGHT = 0.6;
const FUZZY_WEIGHT = [1, 0.5, 0.3];
const PAIR_BONUS = 0.5;
const RERANK_DEPTH = 50;

export interface ReferenceHit {
  doc: number;
  score: number;
  full: boolean;
}

interface Field {
  /** Term frequencies by stem. */
  tf: Map<string, number>;
  /** Distinct tokens, stop words included. */
  length: number;
}

export class ReferenceScorer {
  private readonly fields: Field[][];
  private readonly avgLength: number[];
  /** Papers having a stem, per field. */
  private readonly fieldDf: Map<string, number>[];
  /** Papers having a stem in title or abstract. */
  private readonly stemDf = new Map<string, number>();
  /** Papers having a surface word in title or abstract. */
  private readonly surfaceDf = new Map<string, number>();

  constructor(private readonly papers: readonly Paper[]) {
    this.fields = papers.map((p) =>
      [p.title, p.abstract, p.links.map((l) => l.url).join(' ')].map((text, f) => {
        const tokens = tokenize(normalize(text));
        const tf = new Map<string, number>();
        for (const t of tokens) {
          const s = processNormalized(t, ['title', 'abstract', 'links'][f]);
          if (s) tf.set(s, (tf.get(s) ?? 0) + 1);
        }
        return { tf, length: new Set(tokens).size };
      }),
    );
    this.avgLength = [0, 1, 2].map((f) => (papers.length ? this.fields.reduce((sum, doc) => sum + doc[f]!.length, 0) / papers.length : 0));
    this.fieldDf = [0, 1, 2].map((f) => {
      const df = new Map<string, number>();
      for (const doc of this.fields) for (const s of doc[f]!.tf.keys()) df.set(s, (df.get(s) ?? 0) + 1);
      return df;
    });
    for (const [i, doc] of this.fields.entries()) {
      for (const s of new Set([...doc[0]!.tf.keys(), ...doc[1]!.tf.keys()])) this.stemDf.set(s, (this.stemDf.get(s) ?? 0) + 1);
      const words = new Set(tokenize(normalize(`${papers[i]!.title} ${papers[i]!.abstract}`)).filter(isContentWord));
      for (const w of words) this.surfaceDf.set(w, (this.surfaceDf.get(w) ?? 0) + 1);
    }
  }

  /** Every match of free `words` and quoted `phrases`, ranked as `library.search` ranks them. */
  search(words: string[], phrases: string[] = []): ReferenceHit[] {
    const queries = [...this.wordQueries(words, false), ...this.wordQueries(phrases, true)];
    if (queries.length === 0 && words.length === 0) {
      // Phrases of stop words only: nothing to rank by, so every paper with the phrases, in order.
      return this.papers.map((_, doc) => ({ doc, score: 0, full: true })).filter((h) => phrases.every((p) => this.hasPhrase(h.doc, p)));
    }
    if (queries.length === 0) return [];
    const boost = queries.length >= LONG_QUERY_WORDS ? LONG_QUERY_BOOST : BOOST;
    const matched: { doc: number; sum: number; words: number }[] = [];
    for (let doc = 0; doc < this.papers.length; doc++) {
      const scores = queries.map((q) => Math.max(0, ...[...q].map(([s, weight]) => this.stemScore(doc, s, weight, boost))));
      const words = scores.filter((x) => x > 0).length;
      if (words > 0) matched.push({ doc, sum: scores.reduce((a, b) => a + b, 0), words });
    }
    const all = queries.length;
    const and = matched.filter((m) => m.words === all);
    const withOr = and.length < MIN_AND_HITS && all > 1;
    const floor = Math.min(...and.map((m) => m.sum * m.words));
    const orTop = Math.max(0, ...matched.filter((m) => m.words < all).map((m) => m.sum * m.words));
    const scale = withOr && orTop > 0 && Number.isFinite(floor) ? Math.min(1, (floor * 0.99) / orTop) : 1;
    const hits = (withOr ? matched : and)
      .map((m): ReferenceHit => ({ doc: m.doc, full: m.words === all, score: m.sum * m.words * (m.words === all ? 1 : scale) }))
      .filter((h) => phrases.every((p) => this.hasPhrase(h.doc, p)));
    hits.sort((a, b) => b.score - a.score || a.doc - b.doc);
    return this.proximity(hits, [...words, ...phrases].flatMap((w) => stems(w)));
  }

  /** True when the paper's title or abstract has the phrase at word boundaries (any case, any whitespace). */
  hasPhrase(doc: number, phrase: string): boolean {
    const form = squeeze(phrase);
    const p = this.papers[doc]!;
    const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
    return [p.title, p.abstract].some((raw) => {
      const text = squeeze(raw);
      for (let i = 0; i + form.length <= text.length; i++) {
        if (isWordChar(text[i - 1]) || isWordChar(text[i + form.length])) continue;
        if (text.startsWith(form, i)) return true;
      }
      return false;
    });
  }

  private stemScore(doc: number, s: string, weight: number, boost: number[]): number {
    let sum = 0;
    for (let f = 0; f < 3; f++) {
      const tf = this.fields[doc]![f]!.tf.get(s) ?? 0;
      if (tf === 0) continue;
      const n = this.fieldDf[f]!.get(s)!;
      const idf = Math.log(1 + (this.papers.length - n + 0.5) / (n + 0.5));
      const norm = K * (1 - B + (B * this.fields[doc]![f]!.length) / (this.avgLength[f] || 1));
      sum += weight * boost[f]! * idf * (D + (tf * (K + 1)) / (tf + norm));
    }
    return sum;
  }

  /** Each distinct query word: its stem with weight 1, and its expansions when it is rare. */
  private wordQueries(words: string[], strict: boolean): Map<string, number>[] {
    const seen = new Set<string>();
    const out: Map<string, number>[] = [];
    for (const word of words.flatMap((w) => tokenize(normalize(w)))) {
      const s = processNormalized(word);
      if (!s || seen.has(s)) continue;
      seen.add(s);
      const alternatives = new Map([[s, 1]]);
      if (!strict && (this.stemDf.get(s) ?? 0) < LOOSE_BELOW_DF) this.expand(word, alternatives);
      out.push(alternatives);
    }
    return out;
  }

  private expand(word: string, alternatives: Map<string, number>): void {
    const add = (w: string, weight: number) => {
      if ((alternatives.get(stem(w)) ?? 0) < weight) alternatives.set(stem(w), weight);
    };
    const vocabulary = [...this.surfaceDf];
    if (word.length >= 3) {
      const prefixed = vocabulary.filter(([w]) => w.startsWith(word));
      for (const w of mostFrequent(prefixed, 8)) if (w !== word) add(w, PREFIX_WEIGHT * Math.sqrt(word.length / w.length));
    }
    if (word.length >= 4) {
      const max = word.length >= 8 ? 2 : 1;
      const near = vocabulary.map(([w, df]) => ({ w, df, d: levenshtein(word, w) })).filter((x) => x.d > 0 && x.d <= max);
      const nearest = Math.min(...near.map((x) => x.d));
      const tier = near.filter((x) => x.d === nearest).map((x): [string, number] => [x.w, x.df]);
      for (const w of mostFrequent(tier, 3)) add(w, FUZZY_WEIGHT[nearest] ?? 0.3);
    }
  }

  /** The head of the ranking re-scored by adjacent query word pairs; all-word papers first. */
  private proximity(ranked: ReferenceHit[], queryStems: string[]): ReferenceHit[] {
    const pairs = new Set<string>();
    for (let i = 0; i + 1 < queryStems.length; i++) pairs.add(`${queryStems[i]} ${queryStems[i + 1]}`);
    if (pairs.size === 0) return ranked;
    const adjacent = (doc: number) => {
      const p = this.papers[doc]!;
      const found = new Set<string>();
      for (const field of [stems(p.title), stems(p.abstract)]) {
        for (let i = 0; i + 1 < field.length; i++) if (pairs.has(`${field[i]} ${field[i + 1]}`)) found.add(`${field[i]} ${field[i + 1]}`);
      }
      return found.size;
    };
    const head = ranked.slice(0, RERANK_DEPTH).map((h) => ({ ...h, score: h.score * (1 + PAIR_BONUS * adjacent(h.doc)) }));
    const full = head.filter((h) => h.full).sort((a, b) => b.score - a.score);
    let partial = head.filter((h) => !h.full).sort((a, b) => b.score - a.score);
    const ceiling = full[full.length - 1]?.score;
    const top = partial[0]?.score ?? 0;
    if (ceiling !== undefined && top > 0 && top >= ceiling) partial = partial.map((h) => ({ ...h, score: (h.score * ceiling * 0.99) / top }));
    const reranked = [...full, ...partial];
    const floor = reranked[reranked.length - 1]?.score ?? 0;
    return [...reranked, ...ranked.slice(RERANK_DEPTH).map((h) => ({ ...h, score: Math.min(h.score, floor) }))];
  }
}

function squeeze(text: string): string {
  return normalize(text).replace(/\s+/g, ' ').trim();
}

function mostFrequent(words: [string, number][], limit: number): string[] {
  return [...words]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([w]) => w);
}

export function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length]!;
}
