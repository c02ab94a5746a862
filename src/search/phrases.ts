/**
 * Verbatim phrase tests over titles and abstracts, ignoring case and whitespace
 * (`"score distillation"`, `-"point cloud"`). A phrase matches whole words: `"score distill"`
 * is not found inside "score distillation", nor `"score"` inside "prescore".
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

/**
 * `form` as a case-insensitive, any-whitespace pattern that starts and ends at word boundaries.
 * Case-insensitive, so ASCII text needs no normalising (the costly part at scale).
 */
export function phrasePattern(form: string): RegExp {
  const body = form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
  const start = WORD_CHAR.test(form.charAt(0)) ? '(?<![\\p{L}\\p{N}])' : '';
  const end = WORD_CHAR.test(form.charAt(form.length - 1)) ? '(?![\\p{L}\\p{N}])' : '';
  return new RegExp(`${start}${body}${end}`, 'iu');
}
