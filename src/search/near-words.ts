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
  /** Units of the vocabulary, numbered from 1 (0 marks a word's start and end). */
  private readonly alphabet: string[];
  private readonly unitIds = new Map<string, number>();
  /** Every unit trigram of every word, its start and end marked: a candidate with another one is no word. */
  private readonly trigrams = new Set<number>();

  /** `words` with the number of documents containing each (`counts[i]` for `words[i]`). */
  constructor(
    words: readonly string[],
    private readonly counts: ArrayLike<number>,
  ) {
    words.forEach((word, i) => {
      this.ids.set(word, i);
      for (let k = 0; k < word.length; k++) if (!this.unitIds.has(word[k]!)) this.unitIds.set(word[k]!, this.unitIds.size + 1);
    });
    this.alphabet = [...this.unitIds.keys()];
    for (const word of words) {
      const p = this.padded(word);
      for (let k = 0; k < word.length; k++) this.trigrams.add(this.key(p[k]!, p[k + 1]!, p[k + 2]!));
    }
  }

  has(word: string): boolean {
    return this.ids.has(word);
  }

  /** The word's position in the list, if it is there. */
  id(word: string): number | undefined {
    return this.ids.get(word);
  }

  /**
   * Known words exactly one edit from `word`, with the documents containing each. An edit can
   * only make a word out of a typo when it mends every trigram the vocabulary lacks, so edits
   * far from those are never tried (nonsense has such trigrams everywhere: nothing is tried), and
   * a unit is tried at a position only when it forms a trigram the vocabulary has there.
   */
  oneEdit(word: string): Map<string, number> {
    const found = new Map<string, number>();
    const check = (candidate: string) => {
      if (candidate === word || found.has(candidate)) return;
      const id = this.ids.get(candidate);
      if (id !== undefined) found.set(candidate, this.counts[id]!);
    };
    const n = word.length;
    const p = this.padded(word);
    // Trigram k covers p[k..k+2], that is the word's units k-1..k+1.
    let firstMissing = n;
    let lastMissing = -1;
    for (let k = 0; k < n; k++) {
      if (this.has3(p[k]!, p[k + 1]!, p[k + 2]!)) continue;
      firstMissing = Math.min(firstMissing, k);
      lastMissing = k;
    }
    const mends = (from: number, to: number) => lastMissing < 0 || (firstMissing >= from && lastMissing <= to);
    for (let i = 0; i <= n; i++) {
      const head = word.slice(0, i);
      // Changing or dropping unit i touches trigrams i-1..i+1.
      if (i < n && mends(i - 1, i + 1)) {
        const rest = word.slice(i + 1);
        check(head + rest);
        this.alphabet.forEach((c, u) => {
          if (c !== word[i] && this.has3(p[i]!, u + 1, p[i + 2]!)) check(head + c + rest);
        });
      }
      // Inserting before unit i splits the trigrams i-1 and i.
      if (mends(i - 1, i)) {
        const rest = word.slice(i);
        this.alphabet.forEach((c, u) => {
          if (this.has3(p[i]!, u + 1, p[i + 1]!)) check(head + c + rest);
        });
      }
    }
    return found;
  }

  /**
   * False when no known word is within two edits of `word`: the word has trigrams no known word
   * has, farther apart than two edits can reach (each edit changes the trigrams over at most
   * three neighbouring positions, and a trigram no edit touches stays in the result). Nonsense is
   * told at once, without walking the vocabulary.
   */
  twoEditsMayReach(word: string): boolean {
    const p = this.padded(word);
    const missing: number[] = [];
    for (let k = 0; k < word.length; k++) if (!this.has3(p[k]!, p[k + 1]!, p[k + 2]!)) missing.push(k);
    if (missing.length === 0) return true;
    // The first edit's window covers the first missing trigram and the two after it; the second must cover the rest.
    const rest = missing.filter((k) => k > missing[0]! + 2);
    return rest.length === 0 || rest[rest.length - 1]! - rest[0]! <= 2;
  }

  /** The word's unit numbers between start and end marks (0); -1 for a unit no word has. */
  private padded(word: string): Int32Array {
    const p = new Int32Array(word.length + 2);
    for (let k = 0; k < word.length; k++) p[k + 1] = this.unitIds.get(word[k]!) ?? -1;
    return p;
  }

  private key(a: number, b: number, c: number): number {
    const size = this.alphabet.length + 1;
    return (a * size + b) * size + c;
  }

  private has3(a: number, b: number, c: number): boolean {
    return a >= 0 && b >= 0 && c >= 0 && this.trigrams.has(this.key(a, b, c));
  }
}
