/**
 * The full-text index: MiniSearch over title, abstract and link text, with stemming,
 * and a retrieval cascade that only loosens matching when exact matching finds too little.
 *
 * Why per-word looseness: fuzzy/prefix matching on every word pollutes long descriptive
 * queries (every word drags in look-alikes) and costs a vocabulary walk per word. So a word
 * is matched loosely only when it is rare or unknown in the corpus ("difusion", "equivar");
 * known words match exactly, which keeps typical queries to plain index lookups.
 *
 * Why loose matching goes through surface words, not stems: a typo is a typo of a word
 * ("transfomer" is one edit from "transformer"), while stems distort distances (stem
 * "transfom" is two edits from "transfer"). And a half-typed word has no reliable stem
 * ("generat" is not a prefix of "gener"). So loose words are expanded against a radix tree
 * of the corpus's words, keeping the closest few, and searched by those words' stems.
 */
import MiniSearch, { type Query, type SearchOptions } from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import type { Paper } from '../corpus/paper.js';
import { ProximityScorer } from './proximity.js';
import { isContentWord, normalize, processNormalized, processTerm, stem, stems as stemsOf, tokenize } from './text.js';

/** Field boosts: a title match is worth three abstract matches. */
const BOOST = { title: 3, abstract: 1, links: 0.5 };
/**
 * Long descriptive queries describe an idea; a title sharing a few of their common words
 * should not outweigh an abstract that matches the description, so titles count less there.
 */
const LONG_QUERY_WORDS = 5;
const LONG_QUERY_BOOST = { title: 1.5, abstract: 1, links: 0.5 };
/** A word seen in fewer documents than this also matches by prefix and typo. */
const LOOSE_BELOW_DF = 2;
/** AND results fewer than this get OR results appended (ranked below them). */
const MIN_AND_HITS = 5;
/** Loose matches expand to at most this many words each, the most frequent first: bounded cost. */
const MAX_PREFIX_WORDS = 8;
const MAX_FUZZY_WORDS = 3;
/** Score weights of loose matches relative to an exact match (fuzzy: by edit distance). */
const PREFIX_WEIGHT = 0.6;
const FUZZY_WEIGHT = [1, 0.5, 0.3] as const;

export interface RankedId {
  id: string;
  score: number;
}

export interface Vocabulary {
  /** Documents containing a stem. */
  df(stem: string): number;
  /** Documents containing each lowercased surface word, as a radix tree for prefix and typo lookups. */
  readonly surfaces: SearchableMap<number>;
}

/** One query word: the stems it searches for, with their weights. */
interface WordQuery {
  stems: Map<string, number>;
}

export class SearchEngine implements Vocabulary {
  private readonly mini: MiniSearch<{ id: string; title: string; abstract: string; links: string }>;
  private readonly stemDf = new Map<string, number>();
  readonly surfaces = new SearchableMap<number>();
  private readonly proximity: ProximityScorer;

  constructor(papers: readonly Paper[]) {
    const texts = new Map(papers.map((p) => [p.id, [p.title, p.abstract]]));
    this.proximity = new ProximityScorer((id) => texts.get(id));
    // Record each document's stems and surface words while MiniSearch tokenises it: one pass.
    let seenStems = new Set<string>();
    let seenSurfaces = new Set<string>();
    this.mini = new MiniSearch({
      fields: ['title', 'abstract', 'links'],
      // Normalise each field once rather than each token (NFKC per token is slow at scale).
      tokenize: (text) => tokenize(normalize(text)),
      processTerm: (word, field) => {
        const s = processNormalized(word, field);
        if (s && field !== 'links') {
          seenStems.add(s);
          seenSurfaces.add(word);
        }
        return s;
      },
      // Queries reach MiniSearch already processed (stems), so it must not process them again.
      searchOptions: { boost: BOOST, processTerm: (t) => t, tokenize: (t) => [t] },
    });
    for (const p of papers) {
      seenStems = new Set();
      seenSurfaces = new Set();
      this.mini.add({ id: p.id, title: p.title, abstract: p.abstract, links: p.links.map((l) => l.url).join(' ') });
      for (const s of seenStems) this.stemDf.set(s, (this.stemDf.get(s) ?? 0) + 1);
      for (const w of seenSurfaces) this.surfaces.set(w, (this.surfaces.get(w) ?? 0) + 1);
    }
  }

  df(stem: string): number {
    return this.stemDf.get(stem) ?? 0;
  }

  /** Documents containing this word (stemmed, exact). Used for `-term` exclusions. */
  idsWithTerm(word: string): Set<string> {
    const stems = tokenize(word).map((t) => processTerm(t)).filter((s): s is string => !!s);
    if (stems.length === 0) return new Set();
    return new Set(this.mini.search({ combineWith: 'AND', queries: stems }).map((r) => r.id as string));
  }

  /**
   * Ranked candidates for free words: AND first; if that finds fewer than MIN_AND_HITS,
   * OR results follow, scaled to rank below every AND result.
   * `strict` words (from quoted phrases) never match loosely.
   */
  retrieve(words: string[], strict: string[] = []): RankedId[] {
    const queries = [
      ...this.wordQueries(words, false),
      ...this.wordQueries(strict, true),
    ].filter((q) => q.stems.size > 0);
    if (queries.length === 0) return [];
    const boost = queries.length >= LONG_QUERY_WORDS ? LONG_QUERY_BOOST : BOOST;
    const order = [...words, ...strict].flatMap((w) => stemsOf(w));
    const and = this.run(queries, 'AND', boost);
    if (and.length >= MIN_AND_HITS || queries.length === 1) return this.proximity.rerank(and, order);
    const seen = new Set(and.map((r) => r.id));
    const or = this.run(queries, 'OR', boost).filter((r) => !seen.has(r.id));
    const floor = and.length > 0 ? Math.min(...and.map((r) => r.score)) : Infinity;
    const top = or[0]?.score ?? 0;
    const scale = top > 0 && Number.isFinite(floor) ? Math.min(1, (floor * 0.99) / top) : 1;
    return this.proximity.rerank([...and, ...or.map((r) => ({ id: r.id, score: r.score * scale }))], order);
  }

  private wordQueries(words: string[], strict: boolean): WordQuery[] {
    const seen = new Set<string>();
    const out: WordQuery[] = [];
    for (const word of words.flatMap((w) => tokenize(normalize(w)))) {
      const s = processTerm(word);
      if (!s || seen.has(s)) continue;
      seen.add(s);
      const stems = new Map([[s, 1]]);
      if (!strict && this.df(s) < LOOSE_BELOW_DF) this.expand(word, stems);
      out.push({ stems });
    }
    return out;
  }

  /** Adds the stems of corpus words that start like `word` (3+ chars) or are a typo away (4+ chars). */
  private expand(word: string, stems: Map<string, number>): void {
    const add = (w: string, weight: number) => {
      const s = stem(w);
      if (isContentWord(w) && (stems.get(s) ?? 0) < weight) stems.set(s, weight);
    };
    if (word.length >= 3) {
      for (const w of this.mostFrequent(this.surfaces.atPrefix(word), MAX_PREFIX_WORDS)) {
        if (w !== word) add(w, PREFIX_WEIGHT * (word.length / w.length) ** 0.5);
      }
    }
    if (word.length >= 4) {
      const fuzzy = this.surfaces.fuzzyGet(word, word.length >= 8 ? 2 : 1);
      // Only the closest tier: if a word is one edit away, words two edits away are noise.
      const nearest = Math.min(...[...fuzzy.values()].map(([, d]) => d).filter((d) => d > 0));
      const close = new Map([...fuzzy].filter(([, [, d]]) => d === nearest).map(([w, [n]]) => [w, n]));
      for (const w of this.mostFrequent(close, MAX_FUZZY_WORDS)) add(w, FUZZY_WEIGHT[nearest] ?? 0.3);
    }
  }

  private mostFrequent(words: Iterable<[string, number]>, limit: number): string[] {
    return [...words]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, limit)
      .map(([w]) => w);
  }

  private run(words: WordQuery[], combineWith: 'AND' | 'OR', boost: Record<string, number>): RankedId[] {
    const queries: Query[] = words.map(({ stems }) => ({
      combineWith: 'OR',
      queries: [...stems.keys()],
      boostTerm: (term: string) => stems.get(term) ?? 1,
    }));
    return this.mini.search({ combineWith, queries }, { boost }).map((r) => ({ id: r.id as string, score: r.score }));
  }
}
