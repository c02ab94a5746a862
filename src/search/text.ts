/**
 * Text normalisation shared by the index, the query parser, similar papers and topics.
 * One place, so that index time and query time always agree on what a term is.
 */
import { stemmer } from 'stemmer';

/** English function words plus words so common in abstracts that they carry no signal. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below ' +
    'between both but by can could did do does doing down during each either etc few for from further had has ' +
    'have having he her here hers him his how however i if in into is it its itself just may me might more most ' +
    'much must my no nor not now of off on once only or other our ours ourselves out over own per same she should ' +
    'since so some such than that the their theirs them themselves then there these they this those through thus ' +
    'to too toward towards under until up upon us very via was we were what when where whether which while who ' +
    'whom why will with within without would yet you your vs'
  ).split(' '),
);

/** URL boilerplate: indexing link text should index the project's name, not `https` or `github`. */
const URL_WORDS: ReadonlySet<string> = new Set(['http', 'https', 'www', 'com', 'org', 'io', 'github', 'html', 'htm', 'net']);

/** NFKC folds ligatures and full-width forms; lowercasing makes matching case-insensitive. */
export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Splits on anything that is not a letter or digit: "self-supervised" gives "self", "supervised". */
export function tokenize(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter((t) => t.length > 0);
}

/** Whitespace and hyphens: what may stand between two words of a phrase (phrases.ts). */
export const ONLY_JOINERS = /^[\s\-\u2010-\u2013]+$/u;

/** Lowercased, non-stop-word tokens, unstemmed (for display and phrase mining). */
function words(text: string): string[] {
  return ASCII.test(text) ? asciiWords(text.toLowerCase()) : tokenize(normalize(text)).filter(isContentWord);
}

const ASCII = /^[\x00-\x7f]*$/;

/**
 * `words` for lowercased ASCII text, without a regular expression: NFKC leaves ASCII as it is,
 * and its only letters and digits are a-z and 0-9, so this gives exactly the same words. Proximity
 * re-ranking reads the words of up to 50 abstracts for a query it has not seen; this makes that
 * several times cheaper.
 */
function asciiWords(lower: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 0;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      const word = lower.slice(start, i);
      if (isContentWord(word)) out.push(word);
      start = -1;
    }
  }
  return out;
}

export function isContentWord(word: string): boolean {
  return word.length > 1 && !STOP_WORDS.has(word) && !/^\d+$/.test(word);
}

/** Memo of stems: a corpus has far fewer distinct words than tokens, and stemming dominates indexing. */
const stemCache = new Map<string, string>();
const STEM_CACHE_MAX = 500_000;

/** Porter stem, so "equivariance" and "equivariant" meet at "equivari". */
export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = stemmer(word);
    if (stemCache.size >= STEM_CACHE_MAX) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}

/** The indexed term of a word: normalise, drop stop words, stem. Same at index and query time. */
export function processTerm(term: string, field?: string): string | null {
  return processNormalized(normalize(term), field);
}

/** `processTerm` for a token that is already normalised (the indexer normalises whole fields at once). */
export function processNormalized(word: string, field?: string): string | null {
  if (!isContentWord(word)) return null;
  if (field === 'links' && URL_WORDS.has(word)) return null;
  return stem(word);
}

/** Compounds longer than this are left alone: "a-b-c-d-e-f" is a list, not a word. */
export const MAX_COMPOUND_PARTS = 5;
const HYPHEN = 0x2d;
/** NFKC folds the non-breaking hyphen (U+2011) into this one. */
const UNICODE_HYPHEN = 0x2010;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Length of the letter or digit at `at` (2 for an astral one), 0 when there is none. */
function wordCharAt(text: string, at: number): number {
  const code = text.charCodeAt(at);
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) ? 1 : 0;
  if (Number.isNaN(code)) return 0;
  const point = text.codePointAt(at)!;
  return LETTER_OR_DIGIT.test(String.fromCodePoint(point)) ? (point > 0xffff ? 2 : 1) : 0;
}

/** Whether the code point ending just before `at` is a letter or digit. */
function wordCharBefore(text: string, at: number): number {
  if (at <= 0) return 0;
  const low = text.charCodeAt(at - 1);
  if (low >= 0xdc00 && low <= 0xdfff && at >= 2 && wordCharAt(text, at - 2) === 2) return 2;
  return wordCharAt(text, at - 1);
}

const isHyphen = (code: number) => code === HYPHEN || code === UNICODE_HYPHEN;

/**
 * The joined forms of a normalised text's hyphenated compounds (letters and digits joined by
 * single hyphens): "self-supervised" gives "selfsupervised", "text-to-3d" gives "textto3d".
 * Indexed beside their parts, so that the joined spelling of a word finds the hyphenated one
 * (and the query planner can tell which joined words are compounds). A scan from hyphen to
 * hyphen: a Unicode regular expression over every abstract cost more than tokenising it.
 */
export function joinedCompounds(normalized: string): string[] {
  const out: string[] = [];
  let at = 0;
  while (at < normalized.length) {
    const a = normalized.indexOf('-', at);
    const b = normalized.indexOf('\u2010', at);
    const hyphen = a < 0 ? b : b < 0 ? a : Math.min(a, b);
    if (hyphen < 0) break;
    if (!wordCharBefore(normalized, hyphen) || !wordCharAt(normalized, hyphen + 1)) {
      at = hyphen + 1;
      continue;
    }
    let start = hyphen;
    for (let w = wordCharBefore(normalized, start); w > 0; w = wordCharBefore(normalized, start)) start -= w;
    let end = hyphen;
    const parts = [normalized.slice(start, hyphen)];
    while (isHyphen(normalized.charCodeAt(end)) && wordCharAt(normalized, end + 1)) {
      const from = end + 1;
      end = from;
      for (let w = wordCharAt(normalized, end); w > 0; w = wordCharAt(normalized, end)) end += w;
      parts.push(normalized.slice(from, end));
    }
    if (parts.length <= MAX_COMPOUND_PARTS) out.push(parts.join(''));
    at = end;
  }
  return out;
}

/** Stemmed content tokens of a text, in order (for TF-IDF and phrase mining). */
export function stems(text: string): string[] {
  return words(text).map(stem);
}

/** Case- and whitespace-insensitive form used for verbatim phrase checks. */
export function phraseForm(text: string): string {
  return normalize(text).replace(/\s+/g, ' ').trim();
}

/**
 * Orders words by their UTF-16 code units: a tie-break that is the same everywhere. Unlike
 * `localeCompare` it needs no collator, whose first use in a process took 10 ms, paid by the
 * first search whose expansions tie.
 */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
