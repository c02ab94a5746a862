/**
 * The search layer behind the chat commands: builds the index once (or takes one loaded from
 * a snapshot) and answers searches, similar papers, topics, digests and title autocomplete.
 * Expensive parts that not every process needs (TF-IDF vectors, spelling tree, themes, title
 * index) are built on first use.
 */
import type { Paper } from '../corpus/paper.js';
import type { DigestItem, PaperLibrary, SearchHit, SearchResult, Topic } from '../core/library.js';
import { selectDiverse } from '../digest/digest.js';
import { tldr } from '../digest/tldr.js';
import { TitleCompleter } from './complete.js';
import { SearchEngine, type Candidates } from './engine.js';
import { buildIndex, type IndexData } from './postings.js';
import { ProximityScorer, RERANK_DEPTH } from './proximity.js';
import { parseQuery, type ParsedQuery } from './query.js';
import { TfIdf } from './similar.js';
import { Speller } from './suggest.js';
import { phraseForm, stems } from './text.js';
import { discoverThemes } from './themes.js';
import { topK, topKByValue } from './top-k.js';
import { findTopic, slugify, type TopicConfig } from './topics.js';

export { loadTopicsConfig, type TopicConfig } from './topics.js';

export interface LibraryOptions {
  /** Curated topics, usually `loadTopicsConfig('config/topics.json')`. */
  topics?: TopicConfig[];
  /** How many discovered themes to offer besides the curated topics. */
  themes?: number;
  /** A prebuilt index of exactly these papers (from a snapshot); built here when absent. */
  index?: IndexData;
}

interface PhraseCheck {
  form: string;
  /** `form` as a case-insensitive, any-whitespace pattern: the same test on ASCII text, without normalising it. */
  pattern: RegExp;
  may: Uint8Array | undefined;
}

const NON_ASCII = /[^\x00-\x7f]/;

/** Candidates considered for a digest, per paper asked for. */
const DIGEST_POOL_FACTOR = 5;
/** Ranked lists kept for digests: thousands of channels ask about a few dozen topics. */
const RANKED_CACHE_SIZE = 256;
/** Depth of a cached ranking before it is recomputed deeper (channels with long histories). */
const RANKED_MIN_DEPTH = 200;
const TLDR_CACHE_SIZE = 20_000;

export function createLibrary(papers: Paper[], options: LibraryOptions = {}): PaperLibrary {
  const byId = new Map(papers.map((p, i) => [p.id, i] as const));
  const index = options.index ?? buildIndex(papers);
  if (index.docCount !== papers.length) throw new Error('createLibrary: the index was built for other papers');
  const engine = new SearchEngine(index);
  // Dates as yyyymmdd numbers (0: undated) and upvotes (-1: none): filters and sorts over tens of
  // thousands of matches then compare numbers instead of reading strings off paper objects.
  const published = Int32Array.from(papers, (p) => (p.published ? Number(p.published.replaceAll('-', '')) : 0));
  const upvotes = Int32Array.from(papers, (p) => p.upvotes ?? -1);
  const proximity = new ProximityScorer((doc) => {
    const p = papers[doc];
    return p && [p.title, p.abstract];
  });
  const lazy = <T>(make: () => T): (() => T) => {
    let value: T | undefined;
    return () => (value ??= make());
  };
  const speller = lazy(() => new Speller(engine));
  const tfidf = lazy(() => new TfIdf(index));
  const completer = lazy(() => new TitleCompleter(papers));

  /** Every paper matching a parsed query after exclusions, dates and phrases; unordered. */
  function matching(q: ParsedQuery): Candidates {
    const positive = q.terms.length + q.phrases.length > 0;
    let found = positive ? engine.retrieve(q.terms, q.phrases) : undefined;
    // A filter-only query (`year:2024 sort:top`) or a phrase of stop words lists everything that passes.
    if (!found || (found.length === 0 && q.terms.length === 0 && !q.phrases.some((p) => stems(p).length > 0))) {
      const docs = new Int32Array(papers.length);
      for (let d = 0; d < docs.length; d++) docs[d] = d;
      found = { docs, scores: new Float64Array(papers.length), length: papers.length };
    }
    const excluded = q.excludeTerms.map((t) => engine.docsWithAll([t]));
    // A paper can only contain a phrase if it has all the phrase's words: check those verbatim, cheap ones first.
    const phrases = q.phrases.map(phraseCheck);
    const notPhrases = q.excludePhrases.map(phraseCheck);
    const has = (doc: number, ph: PhraseCheck) => contains(doc, 0, ph) || contains(doc, 1, ph);
    const plain = excluded.length === 0 && phrases.length === 0 && notPhrases.length === 0 && q.year === undefined && q.since === undefined;
    if (plain) return found;
    const year = q.year ?? -1;
    const since = q.since ? Number(q.since.replaceAll('-', '')) : 0;
    const dated = q.year !== undefined || q.since !== undefined;
    const docs = new Int32Array(found.length);
    const scores = new Float64Array(found.length);
    let length = 0;
    for (let i = 0; i < found.length; i++) {
      const doc = found.docs[i]!;
      if (excluded.some((mask) => mask[doc])) continue;
      // As passesDateFilter: undated papers fail any date filter.
      const date = published[doc]!;
      if (dated && (date === 0 || (year >= 0 && Math.floor(date / 10000) !== year) || date < since)) continue;
      if (!phrases.every((ph) => (!ph.may || ph.may[doc]) && has(doc, ph))) continue;
      if (notPhrases.some((ph) => (!ph.may || ph.may[doc]) && has(doc, ph))) continue;
      docs[length] = doc;
      scores[length++] = found.scores[i]!;
    }
    return { docs, scores, length };
  }

  // Per paper and field: 0 not yet known, 1 ASCII, 2 not ASCII. ASCII text is NFKC-stable, so a
  // phrase test needs no normalisation there (the costly part at scale), just a case-insensitive pattern.
  const ascii = new Uint8Array(papers.length * 2);
  function contains(doc: number, field: 0 | 1, ph: PhraseCheck): boolean {
    const p = papers[doc] as Paper;
    const text = field === 0 ? p.title : p.abstract;
    const at = doc * 2 + field;
    if (ascii[at] === 0) ascii[at] = NON_ASCII.test(text) ? 2 : 1;
    return ascii[at] === 1 ? ph.pattern.test(text) : phraseForm(text).includes(ph.form);
  }

  /** A phrase's verbatim test, and (`may`) the papers that have all its words: only those can contain it. */
  function phraseCheck(phrase: string): PhraseCheck {
    const form = phraseForm(phrase);
    const pattern = new RegExp(form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'), 'i');
    return { form, pattern, may: stems(phrase).length ? engine.docsWithAll([phrase]) : undefined };
  }

  /** The first `k` matches in the order the query asks for. */
  function ordered(q: ParsedQuery, c: Candidates, k: number): SearchHit[] {
    const positive = q.terms.length + q.phrases.length > 0;
    const sort = positive ? q.sort : q.sort === 'relevance' ? 'new' : q.sort;
    const byScore = (a: number, b: number) => c.scores[a]! > c.scores[b]! || (c.scores[a] === c.scores[b] && c.docs[a]! < c.docs[b]!);
    if (sort === 'relevance') {
      // Proximity re-ranks the head of the BM25 ranking; the tail keeps its order.
      const top = topKByValue(c.scores, c.length, Math.max(k, RERANK_DEPTH), (i) => c.docs[i]!).map((i) => ({ doc: c.docs[i]!, score: c.scores[i]! }));
      const order = [...q.terms, ...q.phrases].flatMap((w) => stems(w));
      return proximity.rerank(top, order).slice(0, k).map((r) => ({ paper: papers[r.doc] as Paper, score: r.score }));
    }
    // `new` and `top` order by date or upvotes; relevance breaks ties.
    const key = sort === 'new' ? published : upvotes;
    const better = (a: number, b: number) => {
      const ka = key[c.docs[a]!]!;
      const kb = key[c.docs[b]!]!;
      return ka > kb || (ka === kb && byScore(a, b));
    };
    return topK(c.length, k, better).map((i) => ({ paper: papers[c.docs[i]!] as Paper, score: c.scores[i]! }));
  }

  function search(query: string, opts: { limit: number; offset?: number }): SearchResult {
    const q = parseQuery(query);
    const found = matching(q);
    const offset = Math.max(0, opts.offset ?? 0);
    const hits = ordered(q, found, offset + Math.max(0, opts.limit)).slice(offset);
    // Offer corrections when a word is unknown: results then came from typo matching, or there are none.
    const suggestions = q.terms.some((t) => speller().isUnknown(t)) ? speller().suggest(query, q.terms) : [];
    return { hits, total: found.length, suggestions };
  }

  function similar(id: string, limit: number): SearchHit[] {
    const doc = byId.get(id);
    if (doc === undefined) return [];
    return tfidf()
      .nearest(doc, limit)
      .map(({ doc: d, score }) => ({ paper: papers[d] as Paper, score }));
  }

  const topics = lazy((): Topic[] => {
    const count = (query: string) => matching(parseQuery(query)).length;
    const curated = (options.topics ?? []).map((t) => ({ ...t, kind: 'curated' as const, count: count(t.query) }));
    const curatedDocs = (options.topics ?? []).map((t) => {
      const found = matching(parseQuery(t.query));
      return { stems: stems(t.query.replace(/\w+:\S+/g, '')), docs: new Set(found.docs.subarray(0, found.length)) };
    });
    const taken = new Set(curated.map((t) => t.name));
    const discovered = discoverThemes(papers, { curated: curatedDocs, max: options.themes ?? 12 })
      .map((theme): Topic => {
        const n = count(`"${theme.phrase}"`);
        return {
          name: slugify(theme.phrase),
          label: theme.phrase.charAt(0).toUpperCase() + theme.phrase.slice(1),
          // Quoted: the words apart are often far broader ("generative" + "modeling").
          query: `"${theme.phrase}"`,
          description: `Discovered in the corpus: ${n} papers mention "${theme.phrase}".`,
          kind: 'discovered',
          count: n,
        };
      })
      .filter((t) => !taken.has(t.name) && t.count > 0);
    return [...curated, ...discovered];
  });

  // Digest fan-out: the ranking of a topic's query is computed once and reused for every channel;
  // each channel then only skips its own history.
  const ranked = new Map<string, { hits: SearchHit[]; total: number }>();
  function rankedFor(query: string, depth: number): { hits: SearchHit[]; total: number } {
    let entry = ranked.get(query);
    if (!entry || (entry.hits.length < depth && entry.hits.length < entry.total)) {
      const q = parseQuery(query);
      const found = matching(q);
      entry = { hits: ordered(q, found, Math.max(depth * 2, RANKED_MIN_DEPTH)), total: found.length };
      if (ranked.size >= RANKED_CACHE_SIZE) ranked.delete(ranked.keys().next().value as string);
    }
    ranked.delete(query);
    ranked.set(query, entry);
    return entry;
  }

  const tldrs = new Map<string, string>();
  function tldrOf(paper: Paper): string {
    let text = tldrs.get(paper.id);
    if (text === undefined) {
      if (tldrs.size >= TLDR_CACHE_SIZE) tldrs.clear();
      tldrs.set(paper.id, (text = tldr(paper.abstract)));
    }
    return text;
  }

  function digest(query: string, count: number, opts: { exclude?: ReadonlySet<string> } = {}): DigestItem[] {
    const want = Math.max(count * DIGEST_POOL_FACTOR, 20);
    const exclude = opts.exclude;
    const { hits } = rankedFor(query, want + (exclude?.size ?? 0));
    const pool: SearchHit[] = [];
    for (const h of hits) {
      if (pool.length >= want) break;
      if (!exclude?.has(h.paper.id)) pool.push(h);
    }
    const vectors = tfidf();
    const picked = selectDiverse(
      pool.map((h, rank) => ({ item: h.paper, relevance: h.score > 0 ? h.score : 1 / (1 + rank) })),
      count,
      (a, b) => vectors.cosine(byId.get(a.id) ?? -1, byId.get(b.id) ?? -1),
    );
    return picked.map(({ item, relevance }) => ({ paper: item, tldr: tldrOf(item), score: relevance }));
  }

  return {
    papers,
    get: (id) => papers[byId.get(id) ?? -1],
    search,
    similar,
    topics,
    findTopic: (name) => findTopic(topics(), name),
    digest,
    tldr: tldrOf,
    completeTitles: (prefix, limit) => completer().complete(prefix, limit),
  };
}
