/**
 * "Did you mean": corrections for query words the corpus does not know, looked up by edit
 * distance in the vocabulary of surface words (near-words.ts, and sorted-words.ts for two edits).
 */
import { byCodeUnits, isContentWord, normalize, stem, tokenize } from './text.js';
import type { Vocabulary } from './engine.js';

const MAX_SUGGESTIONS = 3;

export class Speller {
  constructor(private readonly vocab: Vocabulary) {}

  /** Known words closest to `word`, best first: more documents, then alphabetical. */
  corrections(word: string, limit = MAX_SUGGESTIONS): string[] {
    const w = normalize(word);
    if (w.length < 4) return [];
    // The closest tier only, as search expands typos.
    return [...this.vocab.closestWords(w).words]
      .filter(([candidate]) => candidate !== w)
      .sort(([a, ca], [b, cb]) => cb - ca || byCodeUnits(a, b))
      .slice(0, limit)
      .map(([candidate]) => candidate);
  }

  /** A word needs correcting when neither it nor its stem occurs in the corpus. */
  isUnknown(word: string): boolean {
    const w = normalize(word);
    return isContentWord(w) && this.vocab.df(stem(w)) === 0 && !this.vocab.hasWord(w);
  }

  /**
   * Up to 3 rewrites of `query` with its unknown words corrected. The first unknown word
   * varies over its candidates; later ones take their best candidate.
   */
  suggest(query: string, words: string[]): string[] {
    const unknown = [...new Set(words.flatMap((w) => tokenize(normalize(w))).filter((w) => this.isUnknown(w)))];
    const fixes = unknown.map((w) => ({ w, options: this.corrections(w) })).filter((f) => f.options.length > 0);
    const [first, ...rest] = fixes;
    if (!first) return [];
    return first.options.slice(0, MAX_SUGGESTIONS).map((option) => {
      let out = replaceWord(query, first.w, option);
      for (const f of rest) out = replaceWord(out, f.w, f.options[0] ?? f.w);
      return out;
    });
  }
}

/** A letter or a digit: what may not stand right before or after a replaced word. */
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Replaces whole-word occurrences of `word`, ignoring case. The word boundaries are checked
 * around each match rather than written into the pattern: a pattern with Unicode letter classes
 * in look-arounds and case folding took a fraction of a millisecond to compile, on every
 * suggestion. `word` is a token (letters and digits only), so a match that fails its boundary
 * check cannot hide another one overlapping it.
 */
export function replaceWord(text: string, word: string, by: string): string {
  if (word.length > 0 && ASCII.test(text) && ASCII.test(word)) return replaceAsciiWord(text, word.toLowerCase(), by);
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text.normalize('NFKC').replace(new RegExp(escaped, 'giu'), (match: string, at: number, whole: string) => {
    const before = at > 0 ? String.fromCodePoint(whole.codePointAt(at - 1 - (isLowSurrogate(whole.charCodeAt(at - 1)) && at > 1 ? 1 : 0))!) : '';
    const after = at + match.length < whole.length ? String.fromCodePoint(whole.codePointAt(at + match.length)!) : '';
    return WORD_CHAR.test(before) || WORD_CHAR.test(after) ? match : by;
  });
}

const ASCII = /^[\x00-\x7f]*$/;

/**
 * `replaceWord` for ASCII text and word: NFKC leaves ASCII as it is and lowercasing keeps its
 * length, so matches are found with `indexOf` in the lowercased text, and no pattern is compiled
 * at all (each compiled pattern cost tens of microseconds, three of them per suggestion list).
 */
function replaceAsciiWord(text: string, lowerWord: string, by: string): string {
  const lower = text.toLowerCase();
  let out = '';
  let copied = 0;
  for (let at = lower.indexOf(lowerWord); at >= 0 && lowerWord.length > 0; at = lower.indexOf(lowerWord, at + lowerWord.length)) {
    const end = at + lowerWord.length;
    if (isAsciiWordChar(lower.charCodeAt(at - 1)) || isAsciiWordChar(lower.charCodeAt(end))) continue;
    out += text.slice(copied, at) + by;
    copied = end;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

function isAsciiWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
