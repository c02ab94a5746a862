/**
 * Where each word stands: for every surface word, the positions (token numbers in the token
 * streams, ascending) of its occurrences. The streams inverted.
 *
 * Why: a phrase check on the streams reads every token of every paper that has the phrase's
 * words. For two common words at a million papers that is 200,000 papers and 20 million tokens,
 * 40–60 ms, for a phrase that may occur nowhere. With positions, a phrase is where its rarest word
 * stands with each other word at the right distance: a join of a few lists, under a millisecond
 * for that phrase.
 *
 * Built from the streams in steps (warm-up yields between them), not stored: 4 bytes a token,
 * 370 MB and about 1.5 s at a million papers. Until built, phrases are checked on the streams.
 */
import { gallop } from './gallop.js';
import { STREAM_FIELDS, type TokenStreams } from './token-streams.js';

export interface WordPositions {
  /** Word w's positions are `positions[offsets[w] .. offsets[w + 1]]`. */
  offsets: Uint32Array;
  positions: Uint32Array;
}

/** Tokens counted or placed per step: tens of milliseconds each. */
const STEP_TOKENS = 1 << 23;
const GAP = 0x80;

/**
 * Builds the positions of `streams` (whose word ids are below `wordCount`) one step at a time.
 * With `base`, the positions of the streams' first tokens (those of an index that papers were
 * appended to): its lists are copied and only the tokens after them counted and placed.
 */
export class PositionsBuilder {
  private readonly offsets: Uint32Array;
  private positions: Uint32Array | undefined;
  private next: Uint32Array | undefined;
  private counted: number;
  private copiedWords = 0;
  private placed: number;
  private built: WordPositions | undefined;

  constructor(
    private readonly streams: TokenStreams,
    wordCount: number,
    private base?: WordPositions,
  ) {
    this.offsets = new Uint32Array(wordCount + 1);
    this.counted = this.placed = base?.positions.length ?? 0;
  }

  get result(): WordPositions | undefined {
    return this.built;
  }

  /** True when it starts from the positions of the papers before the appended ones. */
  get extends(): boolean {
    return this.base !== undefined || this.copiedWords > 0;
  }

  /** Steps left, each a few million tokens: counting each word's new occurrences, copying the base's, placing the new. */
  steps(): (() => void)[] {
    const old = this.base?.positions.length ?? 0;
    const added = this.streams.low.length - old;
    const count = 2 * Math.ceil(added / STEP_TOKENS) + Math.ceil(old / STEP_TOKENS) + 2;
    return Array.from({ length: count }, () => () => this.step());
  }

  /** Does one step; true once the positions are built. */
  step(): boolean {
    if (this.built) return true;
    const { low, high } = this.streams;
    const tokens = low.length;
    const { offsets, base } = this;
    if (this.counted < tokens) {
      const end = Math.min(tokens, this.counted + STEP_TOKENS);
      for (let t = this.counted; t < end; t++) offsets[(low[t]! | ((high[t]! & 0x7f) << 16)) + 1]!++;
      this.counted = end;
      return false;
    }
    if (!this.next) {
      if (base) for (let w = 0; w + 1 < base.offsets.length; w++) offsets[w + 1]! += base.offsets[w + 1]! - base.offsets[w]!;
      for (let w = 1; w < offsets.length; w++) offsets[w]! += offsets[w - 1]!;
      this.next = offsets.slice(0, offsets.length - 1);
      this.positions = new Uint32Array(tokens);
    }
    const { next, positions } = this;
    if (base && this.copiedWords < base.offsets.length - 1) {
      // Each word's base positions come first in its list: they precede every appended token.
      let copied = 0;
      let w = this.copiedWords;
      for (; w + 1 < base.offsets.length && copied < STEP_TOKENS; w++) {
        let at = next[w]!;
        for (let i = base.offsets[w]!; i < base.offsets[w + 1]!; i++) positions![at++] = base.positions[i]!;
        copied += at - next[w]!;
        next[w] = at;
      }
      this.copiedWords = w;
      if (w + 1 < base.offsets.length) return false;
      // The base is no longer needed; letting it go lets the previous library's memory go with it.
      this.base = undefined;
    }
    const end = Math.min(tokens, this.placed + STEP_TOKENS);
    for (let t = this.placed; t < end; t++) positions![next[low[t]! | ((high[t]! & 0x7f) << 16)]!++] = t;
    this.placed = end;
    if (end < tokens) return false;
    this.built = { offsets, positions: positions! };
    this.next = undefined;
    return true;
  }
}

// Builders by streams, shared by every engine over one index; and, for the streams of an index
// that papers were appended to, the positions of the streams they continue. Held weakly: if the
// previous library is gone before the new one is warmed, its positions go with it.
const builders = new WeakMap<TokenStreams, PositionsBuilder>();
const continued = new WeakMap<TokenStreams, WeakRef<WordPositions>>();

/** The positions builder of `streams` (word ids below `wordCount`): from the positions of the streams they continue, if still there. */
export function positionsBuilder(streams: TokenStreams, wordCount: number): PositionsBuilder {
  let builder = builders.get(streams);
  if (!builder) {
    builder = new PositionsBuilder(streams, wordCount, continued.get(streams)?.deref());
    builders.set(streams, builder);
    continued.delete(streams);
  }
  return builder;
}

/** The positions of `streams`, if built. */
export function builtPositions(streams: TokenStreams): WordPositions | undefined {
  return builders.get(streams)?.result;
}

/** Records that `streams` are `before`'s tokens followed by those of appended papers, whose positions start from `before`'s if built. */
export function continues(streams: TokenStreams, before: TokenStreams): void {
  const base = builtPositions(before);
  if (base) continued.set(streams, new WeakRef(base));
}

/**
 * The papers (ascending, each once) whose title or abstract has the words of `run` side by side
 * in order, stop words and the like between them left out, as token-streams.ts `hasRun` decides
 * it; with `joined`, with only whitespace and hyphens between them.
 */
export function papersWithRun(at: WordPositions, streams: TokenStreams, run: ArrayLike<number>, joined: boolean): Int32Array {
  const m = run.length;
  if (m === 0) return new Int32Array(0);
  const { offsets, positions } = at;
  const from = Array.from(run, (w) => offsets[w]!);
  const to = Array.from(run, (w) => offsets[w + 1]!);
  // The rarest word drives; the others are looked up at their distance from it.
  let driver = 0;
  for (let k = 1; k < m; k++) if (to[k]! - from[k]! < to[driver]! - from[driver]!) driver = k;
  const cursor = from.slice();
  const { high, starts } = streams;
  let field = 0;
  const docs: number[] = [];
  for (let i = from[driver]!; i < to[driver]!; i++) {
    const start = positions[i]! - driver;
    if (start < 0) continue;
    let found = true;
    for (let k = 0; k < m && found; k++) {
      if (k === driver) continue;
      cursor[k] = gallop(positions, cursor[k]!, to[k]!, start + k);
      found = cursor[k]! < to[k]! && positions[cursor[k]!] === start + k;
    }
    if (!found) continue;
    if (joined) for (let k = 1; k < m && found; k++) found = (high[start + k]! & GAP) === 0;
    // The field (title or abstract of a paper) the run starts in; it may not end in another.
    field = lastAtOrBefore(starts, field, start);
    if (!found || start + m > starts[field + 1]!) continue;
    const doc = Math.floor(field / STREAM_FIELDS);
    if (docs[docs.length - 1] !== doc) docs.push(doc);
  }
  return Int32Array.from(docs);
}

/** The last index i ≥ `from` with `starts[i] <= x` (starts ascending, `starts[from] <= x`): empty fields are skipped. */
function lastAtOrBefore(starts: Uint32Array, from: number, x: number): number {
  return gallop(starts, from, starts.length, x + 1) - 1;
}

/**
 * A membership test for ascending `docs`, fastest when asked in ascending order (as candidates
 * are collected): it gallops on from where the last answer was.
 */
export function memberOf(docs: Int32Array): (doc: number) => boolean {
  let at = 0;
  return (doc) => {
    if (at > 0 && docs[at - 1]! >= doc) at = 0;
    at = gallop(docs, at, docs.length, doc);
    return at < docs.length && docs[at] === doc;
  };
}
