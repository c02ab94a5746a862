/**
 * The search layer behind the chat commands: builds the index once (or takes one loaded from
 * a snapshot) and answers searches, similar papers, topics, digests and title autocomplete.
 * Each answer has its own module; this one wires them to the papers and one shared index.
 * Expensive parts that not every process needs (TF-IDF vectors, spelling tables, themes, title
 * index) are built on first use.
 */
import type { Paper } from '../corpus/paper.js';
import type { PaperLibrary } from '../core/library.js';
import { TitleCompleter } from './complete.js';
import { DigestPicker } from './digest-picker.js';
import { SearchEngine } from './engine.js';
import { Matcher } from './matching.js';
import { PaperPriors } from './paper-priors.js';
import { buildIndex, type IndexData } from './postings.js';
import { PublishedDates } from './published-dates.js';
import { RankingCache } from './ranking-cache.js';
import { Ranker } from './ranking.js';
import { Latest } from './latest.js';
import { searchPage } from './search-page.js';
import { similarPapers, TfIdf } from './similar.js';
import type { FusionMethod } from './fusion.js';
import { HybridRanker, type DocOf } from './hybrid.js';
import type { PaperVectors } from './paper-vectors.js';
import { parseQuery } from './query.js';
import type { QueryVectors } from './query-vectors.js';
import { Speller } from './suggest.js';
import { TldrCache } from './tldr-cache.js';
import { findTopic, listTopics, type TopicConfig } from './topics.js';
import { warmUpQueries } from './warm-up.js';

export { loadTopicsConfig, type TopicConfig } from './topics.js';

export interface LibraryOptions {
  /** Curated topics, usually `loadTopicsConfig('config/topics.json')`. */
  topics?: TopicConfig[];
  /** How many discovered themes to offer besides the curated topics. */
  themes?: number;
  /** A prebuilt index of exactly these papers (from a snapshot); built here when absent. */
  index?: IndexData;
  /** Semantic matching: search fuses it with the lexical ranking, `similar` compares vectors. Lexical only without it. */
  semantic?: SemanticOptions;
}

export interface SemanticOptions {
  /** The papers' vectors, one row per paper of the library, in its order. */
  vectors: PaperVectors;
  /** Query vectors, from the same model. */
  queries: QueryVectors;
  fusion?: FusionMethod;
}

/**
 * What is built from the papers alone, shared by every library over the same array: start-up
 * builds the library again around it once semantic search is attached, and at a million papers
 * each of these takes a few hundred milliseconds.
 */
const perPapers = new WeakMap<readonly Paper[], { ids?: Map<string, number>; dates?: PublishedDates }>();
function sharedFor(papers: readonly Paper[]): { ids?: Map<string, number>; dates?: PublishedDates } {
  let shared = perPapers.get(papers);
  if (!shared) perPapers.set(papers, (shared = {}));
  return shared;
}

export function createLibrary(papers: Paper[], options: LibraryOptions = {}): PaperLibrary {
  const shared = sharedFor(papers);
  // Positions by paper id, on first use: a search never needs them, a button press does.
  const byId: DocOf = {
    get: (id) => {
      if (!shared.ids) {
        const ids = new Map<string, number>();
        for (let i = 0; i < papers.length; i++) ids.set(papers[i]!.id, i);
        shared.ids = ids;
      }
      return shared.ids.get(id);
    },
  };
  const index = options.index ?? buildIndex(papers);
  if (index.docCount !== papers.length) throw new Error('createLibrary: the index was built for other papers');
  const engine = new SearchEngine(index);
  const dates = (shared.dates ??= new PublishedDates(papers));
  const matcher = new Matcher(papers, engine, dates);
  const ranker = new Ranker(papers, matcher, dates, engine);
  const speller = lazy(() => new Speller(engine));
  const vectors = lazy(() => new TfIdf(index));
  const completer = lazy(() => new TitleCompleter(papers));
  const topics = lazy(() => listTopics(papers, matcher, { curated: options.topics, themes: options.themes }));
  const byArxiv = lazy(() => new Map(papers.flatMap((p) => (p.arxivId ? [[p.arxivId, p] as const] : []))));
  const latest = lazy(() => new Latest(papers, matcher));
  const tldrs = new TldrCache();
  const priors = lazy(() => new PaperPriors(papers));
  const semantic = options.semantic;
  if (semantic && semantic.vectors.count !== papers.length) throw new Error('createLibrary: the vectors are for other papers');
  // Fused only once most papers have a vector (a remote model still filling them in would
  // otherwise rank the papers it has not reached yet below the rest).
  const hybrid = semantic && semantic.vectors.known >= MIN_VECTOR_COVERAGE * papers.length && new HybridRanker(papers, byId, ranker, matcher, semantic.vectors, (text) => semantic.queries.get(text), semantic.fusion);
  const servedLexically = new Set<string>();
  const digests = new DigestPicker({ rankings: new RankingCache(ranker), vectors, docOf: byId, tldrs, priors, plan: (texts) => engine.plan(texts), has: (stem, doc, field) => engine.has(stem, doc, field) });

  const search: PaperLibrary['search'] = (query, page) => {
    if (!hybrid) return searchPage(ranker, speller, query, page);
    // Pages of one query must come from one ranking: a query whose first page was served
    // lexically (its remote vector came too late) stays lexical on the next pages.
    const first = (page.offset ?? 0) === 0;
    const lexical = !first && servedLexically.has(query);
    // Only a remote model can miss a query's vector; with one that answers at once, every page ranks alike.
    if (first && !semantic!.queries.immediate) {
      const fuses = safely(() => hybrid.fuses(parseQuery(query)));
      servedLexically.delete(query);
      if (!fuses) {
        if (servedLexically.size >= SERVED_LEXICALLY) servedLexically.delete(servedLexically.values().next().value as string);
        servedLexically.add(query);
      }
    }
    return searchPage(lexical ? ranker : hybrid, speller, query, page);
  };

  return {
    papers,
    get: (id) => papers[byId.get(id) ?? -1],
    byArxivId: (arxivId) => byArxiv().get(arxivId),
    search,
    warm: async (signal) => {
      // Between steps: other work goes first, and a bot shutting down (or a library already
      // replaced) stops here. At a million papers the whole warm-up takes seconds.
      const next = async () => {
        await new Promise((resolve) => setImmediate(resolve));
        return !signal?.aborted;
      };
      try {
        for (const step of engine.warmSteps()) {
          step();
          if (!(await next())) return;
        }
        speller();
        for (const query of warmUpQueries(papers, index)) {
          if (!(await next())) return;
          try {
            search(query, { limit: 5 });
          } catch {
            // A query the syntax rejects has still warmed the parser.
          }
        }
      } catch {
        // Warming is an optimisation: a failure here leaves search to build what it needs itself.
      }
    },
    prepareSearch: async (query) => {
      if (!semantic || semantic.queries.immediate) return;
      let text: string;
      try {
        text = HybridRanker.semanticText(parseQuery(query));
      } catch {
        return; // bad syntax: search itself will say so
      }
      await semantic.queries.prepare(text);
    },
    latest: (query, options) => latest().page(query, options),
    similar: (id, limit) => {
      const doc = byId.get(id);
      // By meaning when the paper has a vector (measured better: docs/search-quality.md), else by shared words.
      if (doc !== undefined && semantic?.vectors.vector(doc)) {
        return semantic.vectors.nearest(semantic.vectors.vector(doc)!, limit, undefined, doc).map(({ doc: d, score }) => ({ paper: papers[d] as Paper, score }));
      }
      return similarPapers(papers, vectors, doc, limit);
    },
    topics,
    findTopic: (name) => findTopic(topics(), name),
    digest: (query, count, opts) => digests.pick(query, count, opts),
    tldr: (paper) => tldrs.of(paper),
    completeTitles: (prefix, limit) => completer().complete(prefix, limit),
  };
}

/** Share of papers that must have a vector before search fuses. */
export const MIN_VECTOR_COVERAGE = 0.9;
/** Queries remembered as served lexically (see `search`). */
const SERVED_LEXICALLY = 1024;

/** `f()`, or false when it throws (a query with bad syntax: search reports it). */
function safely(f: () => boolean): boolean {
  try {
    return f();
  } catch {
    return false;
  }
}

/** `make()` on the first call, its value on every later one. */
function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}
