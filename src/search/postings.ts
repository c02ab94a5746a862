/**
 * A compact inverted index in typed arrays: per field, the postings of every stem as one
 * CSR block (offsets → doc ids ascending, term frequencies). About 6 bytes per posting, against
 * a Map entry per posting in MiniSearch, and it serialises as raw bytes (see snapshot.ts).
 *
 * Tokenisation is exactly the one the search engine and TF-IDF use (text.ts): NFKC + lowercase,
 * split on non-letters/digits, drop stop words, one-letter and all-digit tokens (and URL
 * boilerplate in links), Porter stem. Field lengths count distinct tokens, stop words included.
 *
 * Titles and abstracts also index each hyphenated compound joined ("self-supervised" adds
 * "selfsupervis" beside "self" and "supervis"), flagged in `compound`: the joined spelling then
 * finds the hyphenated one, and the query planner knows which joined words it may split.
 */
import type { Paper } from '../corpus/paper.js';
import { joinedCompounds, normalize, ONLY_JOINERS, processNormalized } from './text.js';
import { StreamBuilder, STREAM_FIELDS, type TokenStreams } from './token-streams.js';

export const FIELDS = ['title', 'abstract', 'links'] as const;
/** Splits text into words and, between them, what separates them (tokenize's split, kept). */
const WORDS_AND_GAPS = /([^\p{L}\p{N}]+)/u;
export interface FieldPostings {
  /** Postings of term t are `docs[offsets[t] .. offsets[t+1])`, doc ids ascending. */
  offsets: Uint32Array;
  docs: Uint32Array;
  tfs: Uint16Array;
}

export interface IndexData {
  docCount: number;
  /** Stems; a stem's id is its position. */
  terms: string[];
  fields: FieldPostings[];
  /** Distinct tokens per document and field: `fieldLength[doc * FIELDS.length + field]`. */
  fieldLength: Uint16Array;
  avgFieldLength: number[];
  /** Documents containing a stem in title or abstract (links do not count: URLs are not vocabulary). */
  stemDf: Uint32Array;
  /** Lowercased surface words of titles and abstracts, with the number of documents containing each. */
  surfaceWords: string[];
  surfaceDf: Uint32Array;
  /** The stem (term id) of each surface word. */
  surfaceStem: Uint32Array;
  /** 1 for stems that occur as a joined hyphenated compound somewhere ("selfsupervis"). */
  compound: Uint8Array;
  /** Titles and abstracts as sequences of term ids, for proximity and phrases (token-streams.ts). */
  streams: TokenStreams;
}

/** The text indexed for each field of a paper. */
function fieldTexts(p: Paper): string[] {
  return [p.title, p.abstract, p.links.map((l) => l.url).join(' ')];
}

/** True when the index would hold the same entries for both records (upvotes or authors may differ). */
export function sameIndexedText(a: Paper, b: Paper): boolean {
  const x = fieldTexts(a);
  const y = fieldTexts(b);
  return x.every((text, i) => text === y[i]);
}

/** Growable Uint32 buffer: postings are collected doc by doc, then bucketed by term. */
class Growable {
  data = new Uint32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const bigger = new Uint32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }
}

/** A token's term or surface word not worked out yet; a token that is not indexed (stop word, digits, URL boilerplate). */
const UNKNOWN = -2;
const NOT_INDEXED = -1;

/**
 * Each paper's fields are read once, token by token. Every distinct token is numbered on first
 * sight, and what the index needs of it (its term in prose and in links, its surface word) is
 * worked out then and read from arrays afterwards: one hash lookup per token instead of four
 * (stem memo, term ids, surface ids, the field's distinct tokens). Per-document and per-field
 * counts use stamps (the last document or field that counted an entry) instead of fresh Sets
 * and Maps. Ids are still given in first-seen order, so the index is the same as before.
 */
export function buildIndex(papers: readonly Paper[]): IndexData {
  const n = papers.length;
  const F = FIELDS.length;
  const termIds = new Map<string, number>();
  const terms: string[] = [];
  const raw = FIELDS.map(() => ({ term: new Growable(), doc: new Growable(), tf: new Growable() }));
  const fieldLength = new Uint16Array(n * F);
  const lengthSums = new Array<number>(F).fill(0);
  // Per term: documents with it in title or abstract, compound flag, count in the current field, last document counted.
  const stemDfList: number[] = [];
  const compoundList: number[] = [];
  const termTf: number[] = [];
  const termStamp: number[] = [];
  // Per surface word: documents with it, its term, last document counted.
  const surfaceIds = new Map<string, number>();
  const surfaceDfList: number[] = [];
  const surfaceStemList: number[] = [];
  const surfaceStamp: number[] = [];
  // Per token: its term in titles and abstracts, in links, its surface word, the last field that counted it.
  const tokenIds = new Map<string, number>();
  const proseTerm: number[] = [];
  const linkTerm: number[] = [];
  const tokenSurface: number[] = [];
  const tokenStamp: number[] = [];
  const streams = new StreamBuilder(n);

  const termId = (s: string): number => {
    let id = termIds.get(s);
    if (id === undefined) {
      termIds.set(s, (id = terms.length));
      terms.push(s);
      stemDfList.push(0);
      compoundList.push(0);
      termTf.push(0);
      termStamp.push(0);
    }
    return id;
  };
  const surfaceId = (word: string, stemId: number): number => {
    let w = surfaceIds.get(word);
    if (w === undefined) {
      surfaceIds.set(word, (w = surfaceDfList.length));
      surfaceDfList.push(0);
      surfaceStemList.push(stemId);
      surfaceStamp.push(0);
    }
    return w;
  };
  const tokenId = (word: string): number => {
    let t = tokenIds.get(word);
    if (t === undefined) {
      tokenIds.set(word, (t = tokenStamp.length));
      proseTerm.push(UNKNOWN);
      linkTerm.push(UNKNOWN);
      tokenSurface.push(UNKNOWN);
      tokenStamp.push(0);
    }
    return t;
  };
  /** The term of token `t` (the word `word`) in field `f`, from `byToken` (proseTerm or linkTerm); given on first need, as the index has always given term ids. */
  const termOf = (word: string, f: number, byToken: number[], t: number): number => {
    let id = byToken[t]!;
    if (id === UNKNOWN) {
      const s = processNormalized(word, FIELDS[f]);
      byToken[t] = id = s ? termId(s) : NOT_INDEXED;
    }
    return id;
  };

  papers.forEach((paper, doc) => {
    const docStamp = doc + 1;
    fieldTexts(paper).forEach((text, f) => {
      const prose = f < STREAM_FIELDS;
      const fieldStamp = doc * F + f + 1;
      const normalized = normalize(text);
      // Words at even positions, what separates them at odd ones.
      const parts = normalized.split(WORDS_AND_GAPS);
      const inField: number[] = [];
      /** Counts term `id` in this field, and in this document's title or abstract. */
      const count = (id: number): void => {
        if (termTf[id] === 0) inField.push(id);
        termTf[id]! += 1;
        if (prose && termStamp[id] !== docStamp) {
          termStamp[id] = docStamp;
          stemDfList[id]! += 1;
        }
      };
      let distinct = 0;
      let gap = true;
      for (let i = 0; i < parts.length; i++) {
        const part = parts[i]!;
        if (i % 2 === 1) {
          if (part !== ' ' && !ONLY_JOINERS.test(part)) gap = true;
          continue;
        }
        if (part.length === 0) continue;
        const t = tokenId(part);
        if (tokenStamp[t] !== fieldStamp) {
          tokenStamp[t] = fieldStamp;
          distinct++;
        }
        const id = termOf(part, f, prose ? proseTerm : linkTerm, t);
        if (id === NOT_INDEXED) {
          gap = true;
          continue;
        }
        count(id);
        if (!prose) continue;
        let w = tokenSurface[t]!;
        if (w === UNKNOWN) tokenSurface[t] = w = surfaceId(part, id);
        if (surfaceStamp[w] !== docStamp) {
          surfaceStamp[w] = docStamp;
          surfaceDfList[w]! += 1;
        }
        streams.push(w, gap);
        gap = false;
      }
      const length = Math.min(0xffff, distinct);
      fieldLength[doc * F + f] = length;
      lengthSums[f] = (lengthSums[f] ?? 0) + length;
      if (prose) {
        streams.endField();
        // Joined compounds stay out of the surface words: their parts already answer prefix and typo lookups.
        for (const joined of joinedCompounds(normalized)) {
          const s = processNormalized(joined, FIELDS[f]);
          if (!s) continue;
          const id = termId(s);
          compoundList[id] = 1;
          count(id);
        }
      }
      const r = raw[f]!;
      for (const id of inField) {
        r.term.push(id);
        r.doc.push(doc);
        r.tf.push(Math.min(0xffff, termTf[id]!));
        termTf[id] = 0;
      }
    });
  });

  // Counting sort by term: stable, so each term's doc ids stay ascending.
  const fields = raw.map((r): FieldPostings => {
    const offsets = new Uint32Array(terms.length + 1);
    for (let i = 0; i < r.term.length; i++) offsets[r.term.data[i]! + 1]! += 1;
    for (let t = 0; t < terms.length; t++) offsets[t + 1]! += offsets[t]!;
    const cursor = offsets.slice(0, terms.length);
    const docs = new Uint32Array(r.term.length);
    const tfs = new Uint16Array(r.term.length);
    for (let i = 0; i < r.term.length; i++) {
      const at = cursor[r.term.data[i]!]!++;
      docs[at] = r.doc.data[i]!;
      tfs[at] = r.tf.data[i]!;
    }
    return { offsets, docs, tfs };
  });

  return {
    docCount: n,
    terms,
    fields,
    fieldLength,
    avgFieldLength: lengthSums.map((s) => (n > 0 ? s / n : 0)),
    stemDf: Uint32Array.from(stemDfList),
    surfaceWords: [...surfaceIds.keys()],
    surfaceDf: Uint32Array.from(surfaceDfList),
    surfaceStem: Uint32Array.from(surfaceStemList),
    compound: Uint8Array.from(compoundList),
    streams: streams.finish(),
  };
}

/** Number of postings in the index (all fields): the unit of search cost. */
export function postingCount(index: IndexData): number {
  return index.fields.reduce((sum, f) => sum + f.docs.length, 0);
}
