/**
 * Hybrid ranking for `search`: the lexical ranking (ranking.ts) fused with the papers nearest to
 * the query's vector (fusion.ts), so a paper that says "dataset condensation" is found for
 * "dataset distillation" and a description finds the paper it describes in other words.
 *
 * What stays as it was:
 * - `sort:new` and `sort:top`, queries without free words (only phrases, filters or authors),
 *   and any query whose vector is not at hand (a remote model that has not answered yet) are
 *   ranked lexically alone;
 * - filters hold for every hit: a paper the semantic side adds must pass the query's exclusions,
 *   dates and authors, through the lexical matcher's own filter; with a quoted phrase, the
 *   semantic side only re-ranks the papers lexical search found with it;
 * - a paper whose title is the query (whole, or its name before the colon: "Barlow Twins") comes
 *   first whatever its fused score, so a known title is never pushed off the top.
 *
 * The head of the ranking (the lexical and semantic top POOL) is fused; lexical hits below it
 * follow in their own order. Semantic additions count in `total` only when close enough to the
 * query (SEMANTIC_FLOOR of the best cosine), so "N results" stays meaningful.
 */
import type { SearchHit } from '../core/library.js';
import type { Paper } from '../corpus/paper.js';
import { titleKey } from '../corpus/title-key.js';
import { DEFAULT_FUSION, fuse, type FusionMethod } from './fusion.js';
import type { Matcher } from './matching.js';
import type { PaperVectors, Scored } from './paper-vectors.js';
import type { ParsedQuery } from './query.js';
import type { Ranked, Ranker } from './ranking.js';

/** Lexical and semantic hits fused, from each side. */
export const POOL = 100;
/** A paper only the semantic side finds joins the results when its cosine is at least this share of the best one. */
export const SEMANTIC_FLOOR = 0.6;
/** Lexical hits checked for an exact title. */
const TITLE_CHECK = 10;


/** A paper's position in the library, by id. */
export type DocOf = Pick<ReadonlyMap<string, number>, 'get'>;

export class HybridRanker {
  private readonly titleKeys: (string | undefined)[][] = [];

  constructor(
    private readonly papers: readonly Paper[],
    private readonly docOf: DocOf,
    private readonly lexical: Ranker,
    private readonly matcher: Matcher,
    private readonly vectors: PaperVectors,
    /** The query's vector now, if at hand. */
    private readonly queryVector: (text: string) => Float32Array | undefined,
    private readonly fusion: FusionMethod = DEFAULT_FUSION,
  ) {}

  /** The words a query's vector is computed from: its free words and phrases, as typed. */
  static semanticText(q: ParsedQuery): string {
    return [...q.terms, ...q.phrases].join(' ');
  }

  /** Whether `top(q)` fuses: the query has free words, asks for relevance, and its vector is at hand. */
  fuses(q: ParsedQuery): boolean {
    return q.sort === 'relevance' && q.terms.length > 0 && this.queryVector(HybridRanker.semanticText(q)) !== undefined;
  }

  top(q: ParsedQuery, depth: number): Ranked {
    const vector = q.sort === 'relevance' && q.terms.length > 0 ? this.queryVector(HybridRanker.semanticText(q)) : undefined;
    if (!vector) return this.lexical.top(q, depth);
    const lexical = this.lexical.top(q, Math.max(depth, POOL));
    const semantic = q.phrases.length
      ? // With a phrase, only papers that contain it may be listed, and lexical search found those:
        // the semantic side re-ranks them, adding none.
        lexical.hits
          .slice(0, POOL)
          .map((h) => ({ doc: this.docOf.get(h.paper.id)!, score: this.vectors.similarity(this.docOf.get(h.paper.id)!, vector) }))
          .sort((a, b) => b.score - a.score || a.doc - b.doc)
      : this.vectors.nearest(vector, POOL, this.matcher.filter(q));
    const best = semantic[0]?.score ?? 0;
    const close = semantic.filter((s) => s.score >= best * SEMANTIC_FLOOR && s.score > 0);
    const lexicalDocs = lexical.hits.map((h) => ({ doc: this.docOf.get(h.paper.id)!, score: h.score }));
    const head = lexicalDocs.slice(0, POOL);
    const fused = fuse({ lexical: head, semantic: close, similarity: (doc) => this.vectors.similarity(doc, vector) }, this.fusion);
    const ranked = this.pinTitles(q, fused, head);
    const inHead = new Set(ranked.map((r) => r.doc));
    // Lexical hits below the fused head keep their order, scored below it.
    const floor = ranked.at(-1)?.score ?? 0;
    const tail = lexicalDocs.slice(POOL).filter((h) => !inHead.has(h.doc));
    const tailTop = tail[0]?.score ?? 1;
    const all = [...ranked, ...tail.map((h) => ({ doc: h.doc, score: (floor * 0.99 * h.score) / tailTop }))];
    const lexicalSet = new Set(lexicalDocs.map((h) => h.doc));
    const added = close.filter((s) => !lexicalSet.has(s.doc)).length;
    const hits: SearchHit[] = all.slice(0, depth).map(({ doc, score }) => ({ paper: this.papers[doc] as Paper, score }));
    return { hits, total: lexical.total + added, allWords: 0 };
  }

  /** Lexical hits whose title (or its name before a colon) is the query, first, in lexical order; then the rest. */
  private pinTitles(q: ParsedQuery, fused: Scored[], lexical: readonly Scored[]): Scored[] {
    const key = titleKey(q.terms.join(' '));
    if (!key) return fused;
    const pinned = lexical.slice(0, TITLE_CHECK).filter(({ doc }) => this.titleKeysOf(doc).includes(key));
    if (pinned.length === 0) return fused;
    const top = fused[0]?.score ?? 0;
    const pinnedDocs = new Set(pinned.map((p) => p.doc));
    return [...pinned.map(({ doc }, i) => ({ doc, score: top + pinned.length - i })), ...fused.filter((f) => !pinnedDocs.has(f.doc))];
  }

  private titleKeysOf(doc: number): (string | undefined)[] {
    let keys = this.titleKeys[doc];
    if (!keys) {
      const title = this.papers[doc]?.title ?? '';
      const colon = title.indexOf(':');
      keys = this.titleKeys[doc] = [titleKey(title), colon > 0 ? titleKey(title.slice(0, colon)) : undefined];
    }
    return keys;
  }
}
