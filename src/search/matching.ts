/**
 * Which papers a parsed query matches: the engine's candidates for its words, narrowed by
 * exclusions, date filters and verbatim phrases. Unordered; ranking.ts orders them.
 */
import type { Paper } from '../corpus/paper.js';
import { AuthorIndex } from './authors.js';
import type { Candidates, SearchEngine } from './engine.js';
import { PhraseTests } from './phrases.js';
import type { PublishedDates } from './published-dates.js';
import type { QueryPlan } from './query-plan.js';
import type { ParsedQuery } from './query.js';
import { stems } from './text.js';

export class Matcher {
  private readonly phrases: PhraseTests;
  private authorIndex: AuthorIndex | undefined;

  constructor(
    private readonly papers: readonly Paper[],
    private readonly engine: SearchEngine,
    private readonly dates: PublishedDates,
  ) {
    this.phrases = new PhraseTests(papers, engine);
  }

  /** Built on the first author filter: most searches never name one. */
  private get authors(): AuthorIndex {
    return (this.authorIndex ??= new AuthorIndex(this.papers));
  }

  /**
   * Every paper matching `q` after exclusions, dates and phrases, with its relevance score;
   * unordered. The arrays are valid until the next `match` (they are the engine's: SearchEngine.retrieve).
   */
  match(q: ParsedQuery): Candidates {
    return this.candidates(q, this.filter(q));
  }

  /**
   * A test for "paper `doc` passes the query's exclusions, dates, authors and phrases", or
   * undefined when the query has none: the same filters `match` applies, for papers found
   * another way (semantic search).
   */
  filter(q: ParsedQuery): ((doc: number) => boolean) | undefined {
    const datesPassing = this.dates.passing(q);
    const byAuthor = q.authors.length ? this.authors.matching(q.authors) : undefined;
    if (q.excludeTerms.length + q.phrases.length + q.excludePhrases.length === 0 && !datesPassing && !byAuthor) return undefined;
    const excluded = q.excludeTerms.map((t) => this.engine.docsWithAll([t]));
    // The phrases' words are words search looks for: its candidates have them.
    const phrases = q.phrases.map((p) => this.phrases.contains(p, true));
    const notPhrases = q.excludePhrases.map((p) => this.phrases.contains(p));
    const { rank } = this.dates;
    // Cheapest tests first: the phrase tests may read text.
    return (doc) =>
      !(datesPassing && datesPassing[rank[doc]!] === 0) &&
      !(byAuthor && byAuthor[doc] === 0) &&
      !excluded.some((mask) => mask[doc]) &&
      phrases.every((has) => has(doc)) &&
      !notPhrases.some((has) => has(doc));
  }

  /** The query's words as the engine plans them: the free words as one run, each phrase as its own. */
  plan(q: ParsedQuery): QueryPlan {
    return this.engine.plan([q.terms.join(' '), ...q.phrases]);
  }

  /** The papers that may have every quoted phrase of `q`, ascending, when the word positions tell (phrases.ts `candidates`). */
  private within(q: ParsedQuery): Int32Array | undefined {
    let within: Int32Array | undefined;
    for (const phrase of q.phrases) {
      const docs = this.phrases.candidates(phrase);
      if (docs) within = within ? intersect(within, docs) : docs;
    }
    return within;
  }

  /**
   * The engine's candidates for the query's words and phrases, or every paper when there is
   * nothing to look up; those `accept` rejects left out as they are collected.
   */
  private candidates(q: ParsedQuery, accept: ((doc: number) => boolean) | undefined): Candidates {
    const found = q.terms.length + q.phrases.length > 0 ? this.engine.retrieve(q.terms, q.phrases, accept, this.within(q)) : undefined;
    // A filter-only query (`year:2024 sort:top`) or a phrase of stop words lists everything that passes.
    const nothingToLookUp = q.terms.length === 0 && !q.phrases.some((p) => stems(p).length > 0);
    if (found && !(found.length === 0 && nothingToLookUp)) return found;
    const n = this.engine.index.docCount;
    const docs = new Int32Array(n);
    let length = 0;
    for (let d = 0; d < n; d++) if (!accept || accept(d)) docs[length++] = d;
    return { docs: docs.subarray(0, length), scores: new Float64Array(length), full: new Uint8Array(length).fill(1), length };
  }
}

/** The values of both ascending arrays, ascending. */
function intersect(a: Int32Array, b: Int32Array): Int32Array {
  const out: number[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      out.push(a[i]!);
      i++;
      j++;
    }
  }
  return Int32Array.from(out);
}
