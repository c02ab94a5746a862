/**
 * The corpus's surface words in sorted order, for prefix lookups and typo lookups up to two
 * edits: what a radix tree gives, from two arrays (5 bytes a word) instead of a tree of maps
 * (about 280 bytes a word: 39 MB at 100,000 papers, 170 MB at a million).
 *
 * Typo lookups walk the sorted words as a trie would be walked: consecutive words share their
 * common prefix's rows of the edit-distance table, and when a row's smallest value exceeds the
 * allowed distance, every word with that prefix is skipped (a run in the array of prefix lengths
 * each word shares with the one before it). Distances are Levenshtein's over UTF-16 units, as
 * MiniSearch's radix tree counts them.
 */
export class SortedWords {
  /** Word numbers (into `words`) in sorted order of their words. */
  private readonly order: Uint32Array;
  /** Units the word at each sorted position shares with the one before it (at most 255). */
  private readonly shared: Uint8Array;

  constructor(
    private readonly words: readonly string[],
    private readonly counts: ArrayLike<number>,
  ) {
    this.order = Uint32Array.from(words.keys()).sort((a, b) => compare(words[a]!, words[b]!));
    this.shared = new Uint8Array(this.order.length);
    for (let i = 1; i < this.order.length; i++) this.shared[i] = Math.min(255, commonPrefix(words[this.order[i - 1]!]!, words[this.order[i]!]!));
  }

  /** Words starting with `prefix`, with the documents containing each. */
  *atPrefix(prefix: string): Generator<[string, number]> {
    for (let i = this.lowerBound(prefix); i < this.order.length; i++) {
      const word = this.words[this.order[i]!]!;
      if (!word.startsWith(prefix)) return;
      yield [word, this.counts[this.order[i]!]!];
    }
  }

  /** Words within `maxDistance` edits of `query` (itself included), each with [documents, edits]. */
  fuzzy(query: string, maxDistance: number): Map<string, [number, number]> {
    const found = new Map<string, [number, number]>();
    const n = query.length + 1;
    const longest = query.length + maxDistance;
    const far = maxDistance + 1;
    // rows[r * n + j]: edits between the first r units of the current word and the first j of the
    // query. Only a band around the diagonal can be within reach; cells outside it stay `far`.
    const rows = new Uint16Array((longest + 1) * n).fill(far);
    for (let j = 0; j < n; j++) rows[j] = j;
    for (let r = 1; r <= longest; r++) rows[r * n] = r;
    const { order, shared } = this;
    // Rows 1..valid hold the previous word's first units; the next word reuses those it shares.
    let valid = 0;
    let i = 0;
    while (i < order.length) {
      const id = order[i]!;
      const word = this.words[id]!;
      const end = Math.min(word.length, longest);
      let depth = Math.min(valid, shared[i]!);
      let pruned = -1;
      for (let r = depth + 1; r <= end; r++) {
        const c = word.charCodeAt(r - 1);
        const at = r * n;
        let smallest = r;
        const to = Math.min(n - 1, r + maxDistance);
        for (let j = Math.max(1, r - maxDistance); j <= to; j++) {
          const replace = rows[at - n + j - 1]! + (c === query.charCodeAt(j - 1) ? 0 : 1);
          const remove = rows[at - n + j]! + 1;
          const insert = rows[at + j - 1]! + 1;
          const value = replace < remove ? (replace < insert ? replace : insert) : remove < insert ? remove : insert;
          rows[at + j] = value > far ? far : value;
          if (value < smallest) smallest = value;
        }
        depth = r;
        if (smallest > maxDistance) {
          pruned = r;
          break;
        }
      }
      valid = depth;
      if (pruned >= 0) {
        // No word starting with these `pruned` units can come within reach: skip them all.
        i++;
        while (i < order.length && shared[i]! >= pruned) i++;
        continue;
      }
      if (word.length <= longest) {
        const distance = rows[word.length * n + n - 1]!;
        if (distance <= maxDistance) found.set(word, [this.counts[id]!, distance]);
      }
      i++;
    }
    return found;
  }

  /** First position whose word is not below `key`. */
  private lowerBound(key: string): number {
    let lo = 0;
    let hi = this.order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(this.words[this.order[mid]!]!, key) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** UTF-16 order, so that words sharing a prefix are contiguous. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let k = 0;
  while (k < max && a.charCodeAt(k) === b.charCodeAt(k)) k++;
  return k;
}
