/**
 * The search layer behind the chat commands: builds the index once and answers searches,
 * similar papers, topics, digests and title autocomplete. Expensive parts that not every
 * process needs (TF-IDF vectors, spelling tree, themes, title index) are built on first use.
 */
import type { Paper } from '../corpus/paper.js';
import type { DigestItem, PaperLibrary, SearchHit, SearchResult, Topic } from '../core/library.js';
import { selectDiverse } from '../digest/digest.js';
import { tldr } from '../digest/tldr.js';
import { TitleCompleter } from './complete.js';
import { SearchEngine, type RankedId } from './engine.js';
import { parseQuery, passesDateFilter, type ParsedQuery } from './query.js';
import { TfIdf } from './similar.js';
import { Speller } from './suggest.js';
import { phraseForm, stems } from './text.js';
import { discoverThemes } from './themes.js';
import { findTopic, slugify, type TopicConfig } from './topics.js';

export { loadTopicsConfig, type TopicConfig } from './topics.js';

export interface LibraryOptions {
  /** Curated topics, usually `loadTopicsConfig('config/topics.json')`. */
  topics?: TopicConfig[];
  /** How many discovered themes to offer besides the curated topics. */
  themes?: number;
}

/** Candidates considered for a digest, per paper asked for. */
const DIGEST_POOL_FACTOR = 5;

export function createLibrary(papers: Paper[], options: LibraryOptions = {}): PaperLibrary {
  const byId = new Map(papers.map((p, i) => [p.id, i] as const));
  const engine = new SearchEngine(papers);
  const lazy = <T>(make: () => T): (() => T) => {
    let value: T | undefined;
    return () => (value ??= make());
  };
  const speller = lazy(() => new Speller(engine));
  const tfidf = lazy(() => new TfIdf(papers));
  const completer = lazy(() => new TitleCompleter(papers));

  /** All matches of a parsed query, filtered and sorted; not paged. */
  function matches(q: ParsedQuery): SearchHit[] {
    const positive = q.terms.length + q.phrases.length > 0;
    let ranked: RankedId[] = positive ? engine.retrieve(q.terms, q.phrases) : [];
    // A filter-only query (`year:2024 sort:top`) or a phrase of stop words lists everything that passes.
    if (!positive || (ranked.length === 0 && q.terms.length === 0 && !q.phrases.some((p) => stems(p).length > 0))) {
      ranked = papers.map((p) => ({ id: p.id, score: 0 }));
    }
    const excluded = new Set(q.excludeTerms.flatMap((t) => [...engine.idsWithTerm(t)]));
    const phrases = q.phrases.map(phraseForm);
    const notPhrases = q.excludePhrases.map(phraseForm);
    const hits: SearchHit[] = [];
    for (const r of ranked) {
      const paper = papers[byId.get(r.id) ?? -1];
      if (!paper || excluded.has(r.id) || !passesDateFilter(q, paper.published)) continue;
      if (phrases.length > 0 || notPhrases.length > 0) {
        const title = phraseForm(paper.title);
        const abstract = phraseForm(paper.abstract);
        const has = (ph: string) => title.includes(ph) || abstract.includes(ph);
        if (!phrases.every(has) || notPhrases.some(has)) continue;
      }
      hits.push({ paper, score: r.score });
    }
    return sortHits(hits, positive ? q.sort : q.sort === 'relevance' ? 'new' : q.sort);
  }

  function search(query: string, opts: { limit: number; offset?: number }): SearchResult {
    const q = parseQuery(query);
    const all = matches(q);
    const offset = Math.max(0, opts.offset ?? 0);
    // Offer corrections when a word is unknown: results then came from typo matching, or there are none.
    const suggestions = q.terms.some((t) => speller().isUnknown(t)) ? speller().suggest(query, q.terms) : [];
    return { hits: all.slice(offset, offset + Math.max(0, opts.limit)), total: all.length, suggestions };
  }

  function similar(id: string, limit: number): SearchHit[] {
    const doc = byId.get(id);
    if (doc === undefined) return [];
    return tfidf()
      .nearest(doc, limit)
      .map(({ doc: d, score }) => ({ paper: papers[d] as Paper, score }));
  }

  const topics = lazy((): Topic[] => {
    const count = (query: string) => matches(parseQuery(query)).length;
    const curated = (options.topics ?? []).map((t) => ({ ...t, kind: 'curated' as const, count: count(t.query) }));
    const curatedDocs = (options.topics ?? []).map((t) => ({
      stems: stems(t.query.replace(/\w+:\S+/g, '')),
      docs: new Set(matches(parseQuery(t.query)).map((h) => byId.get(h.paper.id) ?? -1)),
    }));
    const taken = new Set(curated.map((t) => t.name));
    const discovered = discoverThemes(papers, { curated: curatedDocs, max: options.themes ?? 12 })
      .map((theme): Topic => ({
        name: slugify(theme.phrase),
        label: theme.phrase.charAt(0).toUpperCase() + theme.phrase.slice(1),
        // Quoted: the words apart are often far broader ("generative" + "modeling").
        query: `"${theme.phrase}"`,
        description: `Discovered in the corpus: ${theme.docs.size} papers mention "${theme.phrase}".`,
        kind: 'discovered',
        count: count(`"${theme.phrase}"`),
      }))
      .filter((t) => !taken.has(t.name) && t.count > 0);
    return [...curated, ...discovered];
  });

  function digest(query: string, count: number, opts: { exclude?: ReadonlySet<string> } = {}): DigestItem[] {
    const pool = matches(parseQuery(query))
      .filter((h) => !opts.exclude?.has(h.paper.id))
      .slice(0, Math.max(count * DIGEST_POOL_FACTOR, 20));
    const vectors = tfidf();
    const picked = selectDiverse(
      pool.map((h, rank) => ({ item: h.paper, relevance: h.score > 0 ? h.score : 1 / (1 + rank) })),
      count,
      (a, b) => vectors.cosine(byId.get(a.id) ?? -1, byId.get(b.id) ?? -1),
    );
    return picked.map(({ item, relevance }) => ({ paper: item, tldr: tldr(item.abstract), score: relevance }));
  }

  return {
    papers,
    get: (id) => papers[byId.get(id) ?? -1],
    search,
    similar,
    topics,
    findTopic: (name) => findTopic(topics(), name),
    digest,
    tldr: (paper) => tldr(paper.abstract),
    completeTitles: (prefix, limit) => completer().complete(prefix, limit),
  };
}

/** Relevance keeps retrieval order; `new` and `top` re-sort stably, so relevance breaks ties. */
function sortHits(hits: SearchHit[], sort: ParsedQuery['sort']): SearchHit[] {
  if (sort === 'new') return hits.sort((a, b) => (b.paper.published ?? '').localeCompare(a.paper.published ?? ''));
  if (sort === 'top') return hits.sort((a, b) => (b.paper.upvotes ?? -1) - (a.paper.upvotes ?? -1));
  return hits;
}
