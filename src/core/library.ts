import type { Paper } from '../corpus/paper.js';

export type { Paper } from '../corpus/paper.js';

/** What the commands need from the search layer. Implemented by `src/search/library.ts`. */
export interface PaperLibrary {
  readonly papers: readonly Paper[];
  get(id: string): Paper | undefined;
  /** The paper with this arXiv id (versionless, e.g. `2103.03230`). */
  byArxivId(arxivId: string): Paper | undefined;
  /** Full query syntax: phrases, `-term`, `year:`/`since:`, `sort:new|top`. Throws `UserError` on bad syntax. */
  search(query: string, options: { limit: number; offset?: number }): SearchResult;
  /**
   * Gets ready what `search` for this query can use but may not have at once (a remote model's
   * query vector), waiting a short, bounded time. Never needed for correct results: search without
   * it may rank lexically alone. Never rejects.
   */
  prepareSearch(query: string): Promise<void>;
  /** Papers first stored after `since`, within a query when given, most upvoted first. Throws `UserError` on bad syntax. */
  latest(query: string | undefined, options: { since: Date; limit: number; offset?: number }): SearchResult;
  similar(id: string, limit: number): SearchHit[];
  topics(): Topic[];
  /** A curated or discovered topic by name or label (case-insensitive), else undefined. */
  findTopic(name: string): Topic | undefined;
  /** Best papers for a query, relevant and diverse, skipping `exclude`d IDs. */
  digest(query: string, count: number, options?: { exclude?: ReadonlySet<string> }): DigestItem[];
  /** The source's own summary when it has one, else the abstract's sentence that states the contribution. */
  tldr(paper: Paper): string;
  /** Papers whose titles match what the user has typed so far (autocomplete). */
  completeTitles(prefix: string, limit: number): Paper[];
  /**
   * Gets search ready for every kind of query ahead of the first one (tables built on first use,
   * compiled code paths), yielding to other work as it goes, and stopping at its next step once
   * `signal` is aborted. Optional; never rejects.
   */
  warm?(signal?: AbortSignal): Promise<void>;
}

/**
 * Looks up a paper the library does not have, by arXiv id, from a network source; stores it and
 * returns it with the library that now includes it. Resolves `undefined` when the source has no
 * such paper; rejects with `SourceUnavailable` when it cannot be reached. Absent when no network
 * source is on.
 */
export interface PaperFetcher {
  byArxivId(arxivId: string): Promise<{ paper: Paper; library: PaperLibrary } | undefined>;
}

export interface SearchHit {
  paper: Paper;
  score: number;
}

export interface SearchResult {
  hits: SearchHit[];
  /** Number of matching papers before paging. */
  total: number;
  /** "Did you mean" alternatives, filled when nothing matched. */
  suggestions: string[];
}

export interface Topic {
  /** Slug used in commands, e.g. `diffusion`. */
  name: string;
  label: string;
  query: string;
  description: string;
  kind: 'curated' | 'discovered';
  /** Papers matching the topic's query. */
  count: number;
}

export interface DigestItem {
  paper: Paper;
  tldr: string;
  score: number;
  /** One line on why the paper is in the digest: the topic words it matches, or "most upvoted this week". */
  why?: string;
}
