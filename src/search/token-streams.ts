/**
 * A forward index: each paper's title and abstract as the sequence of its content words
 * (stop words, one-letter and all-digit tokens left out, as text.ts `stems` reads them), each
 * word by its surface word id (index `surfaceWords`, lowercased and NFKC-normalised, not
 * stemmed). Proximity (by the words' stems, `surfaceStem`) and phrase checks walk these integers
 * instead of re-tokenising abstracts at query time, which was the cost of every query seen for
 * the first time. Each token also records whether only whitespace and hyphens separate it from
 * the word before: then a run of tokens is, exactly, a phrase as phrases.ts defines it.
 *
 * A token takes 3 bytes: 16 low bits of the id, then 7 high bits and the gap flag. 4-byte ids
 * would add a third to this, the index's largest part, at a million papers. 2^23 distinct words
 * is far beyond any corpus of papers.
 */
export interface TokenStreams {
  /** Token t's word id is `low[t] | (high[t] & 0x7f) << 16`; `high[t] & 0x80` flags a gap before it. */
  low: Uint16Array;
  high: Uint8Array;
  /** Field f (0 title, 1 abstract) of document d is tokens `starts[2d + f] .. starts[2d + f + 1]`. */
  starts: Uint32Array;
}

/** Fields kept per document: title and abstract (links are not prose). */
export const STREAM_FIELDS = 2;
export const MAX_STREAM_WORDS = 1 << 23;
const GAP = 0x80;

/** Builds streams document by document, field by field. */
export class StreamBuilder {
  private low = new Uint16Array(4096);
  private high = new Uint8Array(4096);
  private length = 0;
  private readonly starts: Uint32Array;
  private field = 0;

  constructor(docCount: number) {
    this.starts = new Uint32Array(docCount * STREAM_FIELDS + 1);
  }

  /** Appends word `id`; `gap`: something besides whitespace and hyphens (another word, a comma) stands before it. */
  push(id: number, gap: boolean): void {
    checkId(id);
    if (this.length === this.low.length) {
      this.low = grow(this.low, new Uint16Array(this.length * 2));
      this.high = grow(this.high, new Uint8Array(this.length * 2));
    }
    this.low[this.length] = id & 0xffff;
    this.high[this.length++] = (id >>> 16) | (gap ? GAP : 0);
  }

  /** Closes the current field: the next token starts the next field (or document). */
  endField(): void {
    this.starts[++this.field] = this.length;
  }

  finish(): TokenStreams {
    return { low: this.low.slice(0, this.length), high: this.high.slice(0, this.length), starts: this.starts };
  }
}

function checkId(id: number): void {
  if (id >= MAX_STREAM_WORDS) throw new Error(`the corpus has more than ${MAX_STREAM_WORDS} distinct words`);
}

function grow<T extends Uint16Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** `a`'s documents then `b`'s, with b's word ids mapped through `idOf` (b's id → merged id). */
export function concatStreams(a: TokenStreams, b: TokenStreams, idOf: Uint32Array): TokenStreams {
  const size = a.low.length + b.low.length;
  const low = new Uint16Array(size);
  const high = new Uint8Array(size);
  low.set(a.low);
  high.set(a.high);
  for (let t = 0, at = a.low.length; t < b.low.length; t++, at++) {
    const id = idOf[wordAt(b, t)]!;
    checkId(id);
    low[at] = id & 0xffff;
    high[at] = (id >>> 16) | (b.high[t]! & GAP);
  }
  const aDocs = a.starts.length - 1;
  const starts = new Uint32Array(aDocs + b.starts.length);
  starts.set(a.starts);
  const shift = a.low.length;
  for (let i = 1; i < b.starts.length; i++) starts[aDocs + i] = b.starts[i]! + shift;
  return { low, high, starts };
}

/** True when something besides whitespace and hyphens stands before token `t` (or it starts its field). */
export function gapBefore(s: TokenStreams, t: number): boolean {
  return (s.high[t]! & GAP) !== 0;
}

/** Word id of token `t`. */
export function wordAt(s: TokenStreams, t: number): number {
  return s.low[t]! | ((s.high[t]! & 0x7f) << 16);
}

/**
 * True when the title or the abstract of `doc` has the words of `run` side by side, in order,
 * with other words between them left out; with `joined`, also with only whitespace and hyphens
 * between them.
 */
export function hasRun(s: TokenStreams, doc: number, run: ArrayLike<number>, joined: boolean): boolean {
  const m = run.length;
  if (m === 0) return true;
  const { low, high, starts } = s;
  // Most tokens differ from the run's first word in their low 16 bits: one read rejects them.
  const firstLow = run[0]! & 0xffff;
  const firstHigh = run[0]! >>> 16;
  const from = starts[doc * STREAM_FIELDS]!;
  const titleEnd = starts[doc * STREAM_FIELDS + 1]!;
  const end = starts[doc * STREAM_FIELDS + STREAM_FIELDS]!;
  for (let t = from; t + m <= end; t++) {
    if (low[t] !== firstLow || (high[t]! & 0x7f) !== firstHigh) continue;
    // A run may not cross from the title into the abstract.
    if (t < titleEnd && t + m > titleEnd) continue;
    let k = 1;
    while (k < m && wordAt(s, t + k) === run[k] && !(joined && high[t + k]! & GAP)) k++;
    if (k === m) return true;
  }
  return false;
}
