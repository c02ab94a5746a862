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
import { phraseForm, stems } from './text.js';

const NON_ASCII = /[^\x00-\x7f]/;

export class PhraseTests {
  // Per paper and field: 0 not yet known, 1 ASCII, 2 not ASCII. ASCII text is NFKC-stable, so a
  // phrase test needs no normalisation there (the costly part at scale), just a case-insensitive pattern.
  private readonly ascii: Uint8Array;

  constructor(
    private readonly papers: readonly Paper[],
    private readonly engine: Pick<SearchEngine, 'docsWithAll' | 'compoundParts'>,
  ) {
    this.ascii = new Uint8Array(papers.length * 2);
  }

  /** A test for "this paper's title or abstract contains `phrase`". */
  contains(phrase: string): (doc: number) => boolean {
    const pattern = phrasePattern(phraseForm(phrase), (word) => this.engine.compoundParts(word));
    // Only papers with all the phrase's words can contain it; the index knows those without reading text.
    const may = stems(phrase).length ? this.engine.docsWithAll([phrase]) : undefined;
    return (doc) => (may === undefined || may[doc] === 1) && (this.fieldHas(doc, 0, pattern) || this.fieldHas(doc, 1, pattern));
  }

  private fieldHas(doc: number, field: 0 | 1, pattern: RegExp): boolean {
    const p = this.papers[doc] as Paper;
    const text = field === 0 ? p.title : p.abstract;
    const at = doc * 2 + field;
    if (this.ascii[at] === 0) this.ascii[at] = NON_ASCII.test(text) ? 2 : 1;
    return this.ascii[at] === 1 ? pattern.test(text) : pattern.test(phraseForm(text));
  }
}

/** Whitespace and hyphens: what may stand between two words of a phrase, or be left out. */
const JOINERS = '[\\s\\-\\u2010-\\u2013]*';
const ONLY_JOINERS = /^[\s\-\u2010-\u2013]+$/u;
const PIECES = /[\p{L}\p{N}]+|[^\p{L}\p{N}]+/gu;
const WORD = /^[\p{L}\p{N}]/u;

/**
 * `form` (normalised) as a case-insensitive pattern that starts and ends at word boundaries,
 * where whitespace and hyphens between two words may be any such run, or absent. `parts` splits
 * a word the corpus has as a compound. Other punctuation stays literal. Case-insensitive, so
 * ASCII text needs no normalising (the costly part at scale).
 */
export function phrasePattern(form: string, parts: (word: string) => string[] | undefined = () => undefined): RegExp {
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
  const start = startsWord ? `${first}(?<![\\p{L}\\p{N}]${first})` : '';
  return new RegExp(`${start}${body.slice(first.length)}${endsWord ? '(?![\\p{L}\\p{N}])' : ''}`, 'iu');
}
