/**
 * Verbatim phrase tests over titles and abstracts, ignoring case and whitespace
 * (`"score distillation"`, `-"point cloud"`). A phrase matches whole words: `"score distill"`
 * is not found inside "score distillation", nor `"score"` inside "prescore". Hyphens and spaces
 * between letters are optional on both sides: `"self supervised"`, `"self-supervised"` and
 * `"selfsupervised"` each find all three spellings, as the same words unquoted do.
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
    private readonly engine: Pick<SearchEngine, 'docsWithAll'>,
  ) {
    this.ascii = new Uint8Array(papers.length * 2);
  }

  /** A test for "this paper's title or abstract contains `phrase`". */
  contains(phrase: string): (doc: number) => boolean {
    const pattern = phrasePattern(phraseForm(phrase));
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

const WORD_CHAR = /[\p{L}\p{N}]/u;
/** Whitespace and hyphens: what may stand between two letters of a phrase, or be left out. */
const JOINER = /[\s\-\u2010-\u2013]/u;
const JOINERS = '[\\s\\-\\u2010-\\u2013]*';

/**
 * `form` as a case-insensitive pattern that starts and ends at word boundaries, where any run
 * of whitespace and hyphens may stand between two characters of the phrase, and whitespace and
 * hyphens of the phrase may be absent. Case-insensitive, so ASCII text needs no normalising
 * (the costly part at scale).
 */
export function phrasePattern(phrase: string): RegExp {
  const form = phrase.replace(/^[\s\-\u2010-\u2013]+|[\s\-\u2010-\u2013]+$/gu, '');
  const chars = [...form].filter((c, i, all) => !JOINER.test(c) || (i > 0 && !JOINER.test(all[i - 1]!)));
  const body = chars
    .map((c) => (JOINER.test(c) ? JOINERS : c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')))
    .map((piece, i, all) => (i > 0 && piece !== JOINERS && all[i - 1] !== JOINERS ? JOINERS + piece : piece))
    .join('');
  const start = WORD_CHAR.test(form.charAt(0)) ? '(?<![\\p{L}\\p{N}])' : '';
  const end = WORD_CHAR.test(form.charAt(form.length - 1)) ? '(?![\\p{L}\\p{N}])' : '';
  return new RegExp(`${start}${body}${end}`, 'iu');
}
