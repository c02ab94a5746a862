/**
 * The search query language, parsed into a plain value. Pure: no index access.
 *
 *   diffusion "score distillation" -video -"point cloud" year:2024 since:2023 sort:new|top
 *   author:"Yann LeCun" author:hinton
 *
 * Unknown `key:value` words are kept as text, so "arxiv:2101" still searches for something.
 */
import { UserError } from '../core/errors.js';

export type SortOrder = 'relevance' | 'new' | 'top';

export interface ParsedQuery {
  /** Free words to search for (ranked, typo tolerant). */
  terms: string[];
  /** Phrases that must appear verbatim, as whole words (case/whitespace-insensitive), in title or abstract. */
  phrases: string[];
  excludeTerms: string[];
  excludePhrases: string[];
  /** Only papers published in this year. */
  year?: number;
  /** Only papers published on or after this `YYYY-MM-DD` date. */
  since?: string;
  /** Only papers with an author whose name contains each of these (normalised, see `authorKey`). */
  authors: string[];
  sort: SortOrder;
}

/** Case, accents and punctuation do not matter in author names: `Lécun` finds "Yann LeCun". */
export function authorKey(name: string): string {
  // "LeCun, Yann" is Yann LeCun; "King, Jr." keeps its order.
  const parts = name.split(',');
  const ordered = parts.length === 2 && !/^\s*(jr|sr|i{1,3}|iv)\.?\s*$/i.test(parts[1]!) ? `${parts[1]} ${parts[0]}` : name;
  return ordered
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A raw piece of the query: a word or a quoted phrase, possibly negated, or an `author:"..."` operator. */
interface Token {
  text: string;
  quoted: boolean;
  negated: boolean;
  /** `author` for `author:"Yann LeCun"`: an operator whose value is quoted. */
  key?: string;
}

/** Splits on whitespace, keeping `"..."` together; an unclosed quote runs to the end (forgiving). */
export function lex(input: string): Token[] {
  const tokens: Token[] = [];
  const re = /(\w+):"([^"]*)"?|(-?)"([^"]*)"?|(\S+)/g;
  for (const m of input.normalize('NFKC').replace(/[“”„]/g, '"').matchAll(re)) {
    if (m[1] !== undefined) {
      tokens.push({ text: `${m[1]}:${(m[2] ?? '').trim().replace(/\s+/g, ' ')}`, quoted: false, negated: false, key: m[1].toLowerCase() });
    } else if (m[5] !== undefined) {
      const negated = m[5].startsWith('-') && m[5].length > 1;
      tokens.push({ text: negated ? m[5].slice(1) : m[5], quoted: false, negated });
    } else {
      const text = (m[4] ?? '').trim().replace(/\s+/g, ' ');
      if (text) tokens.push({ text, quoted: true, negated: m[3] === '-' });
    }
  }
  return tokens;
}

const YEAR_HINT = 'Use a four-digit year, e.g. `year:2024` or `since:2023`.';
const SORT_HINT = 'Use `sort:new` (newest first) or `sort:top` (most upvoted).';

export function parseQuery(input: string): ParsedQuery {
  const q: ParsedQuery = { terms: [], phrases: [], excludeTerms: [], excludePhrases: [], authors: [], sort: 'relevance' };
  let sortGiven = false;
  for (const token of lex(input)) {
    if (token.quoted) {
      (token.negated ? q.excludePhrases : q.phrases).push(token.text);
      continue;
    }
    const op = /^(year|since|sort|author):(.*)$/i.exec(token.text);
    if (token.key && !op) {
      // `foo:"bar baz"` with an unknown key: the word and the phrase, as before operators existed.
      q.terms.push(`${token.key}:`);
      const value = token.text.slice(token.key.length + 1);
      if (value) q.phrases.push(value);
      continue;
    }
    if (op && !token.negated && op[1]!.toLowerCase() === 'sort') sortGiven = true;
    if (op && !token.negated) {
      applyOperator(q, (op[1] ?? '').toLowerCase(), op[2] ?? '');
    } else if (token.text !== '-') {
      (token.negated ? q.excludeTerms : q.terms).push(token.text);
    }
  }
  const positive = q.terms.length + q.phrases.length;
  const filters = q.year !== undefined || q.since !== undefined || q.sort !== 'relevance' || q.authors.length > 0;
  // An author's papers alone have no relevance to rank by: newest first reads best.
  if (positive === 0 && q.authors.length > 0 && !sortGiven) q.sort = 'new';
  if (positive === 0 && (q.excludeTerms.length > 0 || q.excludePhrases.length > 0)) {
    throw new UserError('Your search only says what to leave out.', 'Add something to look for, e.g. `diffusion -video`.');
  }
  if (positive === 0 && !filters) {
    throw new UserError('Your search is empty.', 'Try e.g. `"score distillation" since:2023`.');
  }
  return q;
}

function applyOperator(q: ParsedQuery, key: string, value: string): void {
  if (key === 'author') {
    const name = authorKey(value);
    if (!name) throw new UserError('Which author?', 'Write a name after `author:`, e.g. `author:"Yann LeCun"` or `author:lecun`.');
    q.authors.push(name);
  } else if (key === 'sort') {
    const sort = value.toLowerCase();
    if (sort !== 'new' && sort !== 'top' && sort !== 'relevance') {
      throw new UserError(`I can't sort by "${value}".`, SORT_HINT);
    }
    q.sort = sort;
  } else if (key === 'year') {
    if (!/^\d{4}$/.test(value)) throw new UserError(`"${value}" is not a year.`, YEAR_HINT);
    q.year = Number(value);
  } else {
    q.since = parseSince(value);
  }
}

/** `since:` takes `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; returns the first day it covers. */
function parseSince(value: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  const month = Number(m?.[2] ?? '01');
  const day = Number(m?.[3] ?? '01');
  if (!m || month < 1 || month > 12 || day < 1 || day > 31) {
    throw new UserError(`"${value}" is not a date I understand.`, YEAR_HINT);
  }
  return `${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * True when a paper's `published` date passes the query's date filters. Undated papers fail any date filter.
 * The only date filter: search applies it once per distinct date (published-dates.ts).
 */
export function passesDateFilter(q: Pick<ParsedQuery, 'year' | 'since'>, published: string | undefined): boolean {
  if (q.year === undefined && q.since === undefined) return true;
  if (!published) return false;
  if (q.year !== undefined && !published.startsWith(`${q.year}-`)) return false;
  return q.since === undefined || published >= q.since;
}
