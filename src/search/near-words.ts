/**
 * Corpus words one edit from a word (Levenshtein: one letter inserted, deleted or replaced, in
 * UTF-16 units as MiniSearch counts them), found by generating the word's edits and looking
 * each up. A fuzzy walk of a radix tree keeps a row of the edit-distance table per node it
 * visits, and visits more nodes the larger the vocabulary: 0.3 ms for a typo among 6,500 words,
 * tens of milliseconds among 600,000. Generating edits costs about (2 × letters + 1) × alphabet
 * lookups in a hash map, whatever the vocabulary's size. Two edits would square that, so those
 * are left to a walk of the sorted words (sorted-words.ts), which the callers only need when
 * nothing is one edit away.
 */
export class NearWords {
  private readonly ids = new Map<string, number>();
  private readonly alphabet: string[];

  /** `words` with the number of documents containing each (`counts[i]` for `words[i]`). */
  constructor(
    words: readonly string[],
    private readonly counts: ArrayLike<number>,
  ) {
    const units = new Set<string>();
    words.forEach((word, i) => {
      this.ids.set(word, i);
      for (let k = 0; k < word.length; k++) units.add(word[k]!);
    });
    this.alphabet = [...units];
  }

  has(word: string): boolean {
    return this.ids.has(word);
  }

  /** The word's position in the list, if it is there. */
  id(word: string): number | undefined {
    return this.ids.get(word);
  }

  /** Known words exactly one edit from `word`, with the documents containing each. */
  oneEdit(word: string): Map<string, number> {
    const found = new Map<string, number>();
    const check = (candidate: string) => {
      if (candidate === word || found.has(candidate)) return;
      const id = this.ids.get(candidate);
      if (id !== undefined) found.set(candidate, this.counts[id]!);
    };
    for (let i = 0; i <= word.length; i++) {
      const head = word.slice(0, i);
      const tail = word.slice(i);
      if (i < word.length) check(head + tail.slice(1));
      for (const c of this.alphabet) {
        check(head + c + tail);
        if (i < word.length && c !== word[i]) check(head + c + tail.slice(1));
      }
    }
    return found;
  }
}
