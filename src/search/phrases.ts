/**
 * Verbatim phrase tests over titles and abstracts, ignoring case and whitespace
 * (`"score distillation"`, `-"point cloud"`). A phrase matches whole words: `"score distill"`
 * is not found inside "score distillation", nor `"score"` inside "prescore". Between the words
 * of a phrase, any whitespace and hyphens may stand, or none: `"self supervised"`,
 * `"self-supervised"` and `"selfsupervised"` (a joined word the corpus has hyphenated counts as
 * its parts) each find all three spellings, as the same words unquoted do.
 */
import type { Paper } from '../corpus/paper.js';
import type { SearchEngine } from './engine.js';
import { isContentWord, ONLY_JOINERS, phraseForm, stems } from './text.js';
import { hasRun } from './token-streams.js';
import { memberOf, papersWithRun } from './word-positions.js';

const NON_ASCII = /[^\x00-\x7f]/;
/** Spellings of a phrase tried on the token streams at most: each compound word doubles them. */
const MAX_RUNS = 8;
/** Phrases whose papers are kept: those of the queries in flight. */
const FOUND_KEPT = 32;

export class PhraseTests {
  // Per paper and field: 0 not yet known, 1 ASCII, 2 not ASCII. ASCII text is NFKC-stable, so a
  // phrase test needs no normalisation there (the costly part at scale), just a case-insensitive pattern.
  private readonly ascii: Uint8Array;
  // A query's phrase is looked up twice (its candidates, its test): found once.
  private readonly found = new Map<string, Int32Array>();

  constructor(
    private readonly papers: readonly Paper[],
    private readonly engine: Pick<SearchEngine, 'docsWithAll' | 'compoundParts' | 'surfaceId' | 'index' | 'positions'>,
  ) {
    this.ascii = new Uint8Array(papers.length * 2);
  }

  /**
   * A test for "this paper's title or abstract contains `phrase`". `mostHaveWords`: the papers
   * it will be asked about nearly all have the phrase's words (search's candidates for them);
   * then the token streams alone decide where they can, without first marking the papers that
   * have the words (a pass over their postings: milliseconds at a million papers).
   */
  contains(phrase: string, mostHaveWords = false): (doc: number) => boolean {
    const form = phraseForm(phrase);
    const parts = (word: string) => this.engine.compoundParts(word);
    // Two patterns, made when first needed: Unicode classes under case folding take V8 half a
    // millisecond to compile; ASCII text (nearly all of it) needs only ASCII classes.
    let ascii: RegExp | null | undefined;
    let unicode: RegExp | undefined;
    const patterns = {
      get ascii(): RegExp | null {
        return (ascii ??= NON_ASCII.test(form) ? null : phrasePattern(form, parts, 'ascii'));
      },
      get full(): RegExp {
        return (unicode ??= phrasePattern(form, parts));
      },
    };
    // The token streams tell, for most phrases exactly and otherwise as a necessary condition.
    const plan = this.streamPlan(form);
    if (plan === 'nowhere') return () => false;
    const known = this.papersWith(form, plan);
    if (known) {
      const member = memberOf(known);
      return plan?.exact ? member : (doc) => member(doc) && (this.fieldHas(doc, 0, patterns) || this.fieldHas(doc, 1, patterns));
    }
    // Only papers with all the phrase's words can contain it; the index knows those without reading
    // text. The streams know it too (a paper without the words has no run of them).
    const may = stems(phrase).length && !(plan && mostHaveWords) ? this.engine.docsWithAll([phrase]) : undefined;
    const { streams } = this.engine.index;
    if (plan?.exact) return (doc) => (may === undefined || may[doc] === 1) && hasRun(streams, doc, plan.runs[0]!, true);
    const onlyIfRun = plan && (plan.runs.length === 1 ? plan.runs[0]! : undefined);
    return (doc) =>
      (may === undefined || may[doc] === 1) &&
      (plan === undefined || (onlyIfRun ? hasRun(streams, doc, onlyIfRun, false) : plan.runs.some((run) => hasRun(streams, doc, run, false)))) &&
      (this.fieldHas(doc, 0, patterns) || this.fieldHas(doc, 1, patterns));
  }

  /**
   * The papers that may contain `phrase`, ascending: every one of them does when its streams'
   * plan is exact. Undefined when the word positions are not built yet or the streams cannot tell.
   */
  candidates(phrase: string): Int32Array | undefined {
    const form = phraseForm(phrase);
    const plan = this.streamPlan(form);
    return plan === 'nowhere' ? new Int32Array(0) : this.papersWith(form, plan);
  }

  /** The papers with one of the plan's runs, from the word positions (word-positions.ts), if built. */
  private papersWith(form: string, plan: { runs: Uint32Array[]; exact: boolean } | undefined): Int32Array | undefined {
    const positions = this.engine.positions;
    if (!positions || !plan) return undefined;
    let docs = this.found.get(form);
    if (!docs) {
      const lists = plan.runs.map((run) => papersWithRun(positions, this.engine.index.streams, run, plan.exact));
      docs = lists.length === 1 ? lists[0]! : Int32Array.from(new Set(lists.flatMap((list) => [...list]))).sort();
      if (this.found.size >= FOUND_KEPT) this.found.delete(this.found.keys().next().value as string);
      this.found.set(form, docs);
    }
    return docs;
  }

  /**
   * How the token streams decide a phrase (its normalised `form`): runs of surface ids of content
   * words, one of which a paper containing the phrase has side by side in its title or abstract.
   * A word the corpus also has as a hyphenated compound may stand split in the text
   * (`"selfsupervised"` matches "self-supervised", `"domain"` matches "do-main"): each such word
   * gives two runs, one with the word, one with its content parts. The single run is `exact` when
   * the phrase is content words separated by whitespace and hyphens, none of them a compound:
   * then those words, with only whitespace and hyphens between them in the paper, are the phrase.
   * 'nowhere' when no run can occur (a content word is no word of the corpus). Undefined when the
   * streams cannot tell: when words of the phrase may stand joined in the text (a run of them
   * written as one is a word of the corpus: `"u net"` matches "UNet"; hyphenated, "U-Net", they
   * are two words), or when a run would be empty or there would be too many.
   */
  private streamPlan(form: string): { runs: Uint32Array[]; exact: boolean } | 'nowhere' | undefined {
    const pieces = form.match(PIECES) ?? [];
    while (pieces.length && ONLY_JOINERS.test(pieces[0]!)) pieces.shift();
    while (pieces.length && ONLY_JOINERS.test(pieces[pieces.length - 1]!)) pieces.pop();
    const words = pieces.filter((piece) => WORD.test(piece));
    for (let i = 0; i < words.length; i++) {
      let joined = words[i]!;
      for (let j = i + 1; j < words.length; j++) {
        joined += words[j]!;
        if (this.engine.surfaceId(joined) !== undefined) return undefined;
      }
    }
    // Each word's spellings in the text: itself, or its parts when the corpus has it hyphenated.
    const spellings = words.map((word) => {
      const parts = this.engine.compoundParts(word);
      return parts ? [[word], parts] : [[word]];
    });
    let runs: string[][] = [[]];
    for (const options of spellings) {
      runs = runs.flatMap((run) => options.map((option) => [...run, ...option.filter(isContentWord)]));
      if (runs.length > MAX_RUNS) return undefined;
    }
    if (runs.some((run) => run.length === 0)) return undefined;
    const possible = runs.map((run) => run.map((word) => this.engine.surfaceId(word))).filter((ids): ids is number[] => ids.every((id) => id !== undefined));
    if (possible.length === 0) return 'nowhere';
    const exact = runs.length === 1 && runs[0]!.length === words.length && pieces.every((piece) => WORD.test(piece) || ONLY_JOINERS.test(piece));
    return { runs: possible.map((ids) => Uint32Array.from(ids)), exact };
  }

  private fieldHas(doc: number, field: 0 | 1, patterns: { ascii: RegExp | null; full: RegExp }): boolean {
    const p = this.papers[doc] as Paper;
    const text = field === 0 ? p.title : p.abstract;
    const at = doc * 2 + field;
    if (this.ascii[at] === 0) this.ascii[at] = NON_ASCII.test(text) ? 2 : 1;
    // ASCII text cannot contain a phrase with other characters (NFKC has folded what it could).
    if (this.ascii[at] === 1) return patterns.ascii !== null && patterns.ascii.test(text);
    return patterns.full.test(phraseForm(text));
  }
}

/** Whitespace and hyphens: what may stand between two words of a phrase, or be left out. */
const JOINERS = '[\\s\\-\\u2010-\\u2013]*';
const PIECES = /[\p{L}\p{N}]+|[^\p{L}\p{N}]+/gu;
const WORD = /^[\p{L}\p{N}]/u;

/**
 * `form` (normalised) as a case-insensitive pattern that starts and ends at word boundaries,
 * where whitespace and hyphens between two words may be any such run, or absent. `parts` splits
 * a word the corpus has as a compound. Other punctuation stays literal. Case-insensitive, so
 * ASCII text needs no normalising (the costly part at scale). `text: 'ascii'` gives a pattern
 * for ASCII text only, whose word boundaries are ASCII letters and digits.
 */
export function phrasePattern(form: string, parts: (word: string) => string[] | undefined = () => undefined, text: 'unicode' | 'ascii' = 'unicode'): RegExp {
  const wordChar = text === 'ascii' ? 'a-z0-9' : '\\p{L}\\p{N}';
  const pieces = form.match(PIECES) ?? [];
  while (pieces.length && ONLY_JOINERS.test(pieces[0]!)) pieces.shift();
  while (pieces.length && ONLY_JOINERS.test(pieces[pieces.length - 1]!)) pieces.pop();
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const body = pieces
    .map((piece) => {
      if (WORD.test(piece)) return (parts(piece) ?? [piece]).map(escape).join(JOINERS);
      return ONLY_JOINERS.test(piece) ? JOINERS : escape(piece).replace(/\s+/g, '\\s*');
    })
    .join('');
  const startsWord = WORD.test(pieces[0] ?? '');
  const endsWord = WORD.test(pieces[pieces.length - 1] ?? '');
  // The start boundary is checked after the first character, not before it: a pattern that
  // starts with a lookbehind is tried at every position of the text, one that starts with a
  // character jumps from one occurrence of it to the next.
  const first = startsWord ? String.fromCodePoint(body.codePointAt(0)!) : '';
  const start = startsWord ? `${first}(?<![${wordChar}]${first})` : '';
  return new RegExp(`${start}${body.slice(first.length)}${endsWord ? `(?![${wordChar}])` : ''}`, text === 'ascii' ? 'i' : 'iu');
}
