/**
 * "Did you mean": corrections for query words the corpus does not know, looked up by edit
 * distance in the vocabulary of surface words (a radix tree, so no scan of all words).
 */
import { isContentWord, normalize, stem, tokenize } from './text.js';
import type { Vocabulary } from './engine.js';

const MAX_SUGGESTIONS = 3;

export class Speller {
  constructor(private readonly vocab: Vocabulary) {}

  /** Known words close to `word`, best first: fewer edits, then more documents. */
  corrections(word: string, limit = MAX_SUGGESTIONS): string[] {
    const w = normalize(word);
    if (w.length < 4) return [];
    const maxEdits = w.length >= 8 ? 2 : 1;
    return [...this.vocab.surfaces.fuzzyGet(w, maxEdits)]
      .filter(([candidate, [, distance]]) => distance > 0 && candidate !== w)
      .sort(([a, [ca, da]], [b, [cb, db]]) => da - db || cb - ca || a.localeCompare(b))
      .slice(0, limit)
      .map(([candidate]) => candidate);
  }

  /** A word needs correcting when neither it nor its stem occurs in the corpus. */
  isUnknown(word: string): boolean {
    const w = normalize(word);
    return isContentWord(w) && this.vocab.df(stem(w)) === 0 && !this.vocab.surfaces.has(w);
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

/** Replaces whole-word occurrences of `word`, ignoring case. */
function replaceWord(text: string, word: string, by: string): string {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text.normalize('NFKC').replace(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'giu'), by);
}
