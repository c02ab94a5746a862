/**
 * A brute-force reference for search: the scoring that src/search/engine.ts documents in its
 * header, recomputed from the papers' text with plain maps and loops, no index. Slow and
 * obviously correct is the point: parity tests compare the engine with it on random corpora.
 *
 * It shares only the definition of a term with the engine (text.ts: normalise, split, drop stop
 * words, stem), and ranks free words and quoted phrases (no operators).
 */
import type { Paper } from '../../src/corpus/paper.js';
import { isContentWord, normalize, processNormalized, stem, stems, STOP_WORDS, tokenize } from '../../src/search/text.js';

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
  /** Stems of joined hyphenated compounds. */
  private readonly compounds = new Set<string>();

  constructor(private readonly papers: readonly Paper[]) {
    this.fields = papers.map((p) =>
      [p.title, p.abstract, p.links.map((l) => l.url).join(' ')].map((text, f) => {
        const tokens = tokenize(normalize(text));
        const joined = f < 2 ? hyphenated(normalize(text)) : [];
        const tf = new Map<string, number>();
        for (const t of [...tokens, ...joined]) {
          const s = processNormalized(t, ['title', 'abstract', 'links'][f]);
          if (s) tf.set(s, (tf.get(s) ?? 0) + 1);
        }
        for (const j of joined) {
          const s = processNormalized(j);
          if (s) this.compounds.add(s);
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
    const free = this.plan([words.join(' ')]);
    const queries = [...this.wordQueries(free.words, false), ...this.wordQueries(this.plan(phrases).words, true)];
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
    return this.proximity(hits, this.plan([words.join(' '), ...phrases]).pairs);
  }

  /**
   * True when the paper has the phrase: its words (in any spelling the plan accepts) somewhere,
   * and, in title or abstract, its words in a row at word boundaries (any case), with any run of
   * whitespace and hyphens, or none, between two words. A joined word the corpus has as a
   * compound counts as its parts.
   */
  hasPhrase(doc: number, phrase: string): boolean {
    const planned = this.plan([phrase]).words;
    const terms = this.fields[doc]!.flatMap((f) => [...f.tf.keys()]);
    if (!planned.every((w) => [w.stem, ...w.joined].some((s) => terms.includes(s)))) return false;
    const parts = tokenize(normalize(phrase)).flatMap((t) => (this.compounds.has(processNormalized(t) ?? '') ? (this.bestSplit(t) ?? [t]) : [t]));
    if (parts.length === 0) return true;
    const p = this.papers[doc]!;
    const wordChar = (text: string, i: number) => i >= 0 && i < text.length && /[\p{L}\p{N}]/u.test(text[i]!);
    return [p.title, p.abstract].some((raw) => {
      const text = normalize(raw);
      for (let start = 0; start < text.length; start++) {
        if (wordChar(text, start - 1)) continue;
        let at = start;
        const matched = parts.every((part, k) => {
          if (k > 0) while (at < text.length && JOINER.test(text[at]!)) at++;
          if (!text.startsWith(part, at)) return false;
          at += part.length;
          return true;
        });
        if (matched && !wordChar(text, at)) return true;
      }
      return false;
    });
  }

  /** Query words: joined words the corpus has as compounds split, and the joined forms each word is part of. */
  plan(texts: string[]): { words: PlannedWord[]; pairs: { key: string; joined?: string }[] } {
    const words = new Map<string, PlannedWord>();
    const pairs: { key: string; joined?: string }[] = [];
    let previous: { stem: string; text: number; at: number } | undefined;
    texts.forEach((text, t) => {
      const units = tokenize(normalize(text)).flatMap((token) => {
        const s = processNormalized(token);
        const parts = s && this.compounds.has(s) ? this.bestSplit(token) : undefined;
        return (parts ?? [token]).map((part) => ({ token: part, stem: processNormalized(part), fromSplit: !!parts, joined: new Set<string>() }));
      });
      const runs = new Map<string, string>();
      for (let i = 0; i < units.length; i++) {
        for (let end = i + 1; end < units.length && end - i < 5; end++) {
          const joined = processNormalized(units.slice(i, end + 1).map((u) => u.token).join(''));
          if (!joined || !this.stemDf.get(joined)) continue;
          runs.set(`${i} ${end}`, joined);
          for (const u of units.slice(i, end + 1)) if (u.stem && u.stem !== joined) u.joined.add(joined);
        }
      }
      units.forEach((u, at) => {
        if (!u.stem) return;
        const known = words.get(u.stem);
        if (known) {
          for (const j of u.joined) if (!known.joined.includes(j)) known.joined.push(j);
          known.fromSplit ||= u.fromSplit;
        } else words.set(u.stem, { token: u.token, stem: u.stem, joined: [...u.joined], fromSplit: u.fromSplit });
        if (previous) {
          const joined = previous.text === t ? runs.get(`${previous.at} ${at}`) : undefined;
          pairs.push({ key: `${previous.stem} ${u.stem}`, ...(joined ? { joined } : {}) });
        }
        previous = { stem: u.stem, text: t, at };
      });
    });
    return { words: [...words.values()], pairs };
  }

  /** Every split of `token` into 2–5 known parts; the fewest parts, then the longest first part, second part, ... */
  private bestSplit(token: string): string[] | undefined {
    const isPart = (p: string) => p.length === 1 || STOP_WORDS.has(p) || /^\d+$/.test(p) || this.surfaceDf.has(p);
    const splits: string[][] = [];
    const walk = (rest: string, parts: string[]) => {
      if (!rest) return void (parts.length >= 2 && splits.push(parts));
      if (parts.length === 5) return;
      for (let i = 1; i <= rest.length; i++) if (isPart(rest.slice(0, i))) walk(rest.slice(i), [...parts, rest.slice(0, i)]);
    };
    walk(token, []);
    splits.sort((a, b) => a.length - b.length || compareLengths(b, a));
    return splits[0];
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

  /** Each planned word: its stem and joined forms with weight 1, and its expansions when it is a rare word as typed. */
  private wordQueries(words: PlannedWord[], strict: boolean): Map<string, number>[] {
    return words.map((w) => {
      const alternatives = new Map([[w.stem, 1], ...w.joined.map((j): [string, number] => [j, 1])]);
      if (!strict && !w.fromSplit && w.joined.length === 0 && (this.stemDf.get(w.stem) ?? 0) < LOOSE_BELOW_DF) this.expand(w.token, alternatives);
      return alternatives;
    });
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

  /** The head of the ranking re-scored by adjacent (or joined) query word pairs; all-word papers first. */
  private proximity(ranked: ReferenceHit[], queryPairs: { key: string; joined?: string }[]): ReferenceHit[] {
    const pairs = new Map<string, string | undefined>();
    for (const pair of queryPairs) if (!pairs.has(pair.key)) pairs.set(pair.key, pair.joined);
    if (pairs.size === 0) return ranked;
    const adjacent = (doc: number) => {
      const p = this.papers[doc]!;
      const found = new Set<string>();
      for (const field of [stems(p.title), stems(p.abstract)]) {
        for (const [key, joined] of pairs) {
          if (field.some((s, i) => `${s} ${field[i + 1]}` === key || s === joined)) found.add(key);
        }
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

const JOINER = /[\s\-\u2010-\u2013]/u;

interface PlannedWord {
  token: string;
  stem: string;
  joined: string[];
  fromSplit: boolean;
}

/** Joined forms of words linked by single hyphens ("self-supervised" → "selfsupervised"), up to five words. */
function hyphenated(text: string): string[] {
  const pieces = text.split(/([^\p{L}\p{N}]+)/u);
  const out: string[] = [];
  let group: string[] = [];
  const flush = () => {
    if (group.length >= 2 && group.length <= 5) out.push(group.join(''));
    group = [];
  };
  for (let i = 0; i < pieces.length; i += 2) {
    if (pieces[i]) group.push(pieces[i]!);
    const separator = pieces[i + 1];
    if (separator !== '-' && separator !== '\u2010') flush();
  }
  flush();
  return out;
}

/** Compares part lengths in order: positive when `a`'s first differing part is longer. */
function compareLengths(a: string[], b: string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i]!.length !== b[i]!.length) return a[i]!.length - b[i]!.length;
  return 0;
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
