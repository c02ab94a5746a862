/**
 * The floor: a plain scan of the same postings with the same BM25+ formula and field boosts,
 * and nothing else. The query's words (as the anchors get them) are stemmed and looked up; every
 * posting of every stem adds its score into one array; the best 5 are picked. No AND/OR cascade,
 * no typo or prefix expansion, no phrases, filters, proximity or suggestions. What the engine
 * spends beyond this is what its query features cost.
 */
import { BM25, BOOST } from '../../src/search/engine.js';
import { FIELDS, type IndexData } from '../../src/search/postings.js';
import { processTerm, tokenize, normalize } from '../../src/search/text.js';
import { anchorText } from './anchor.js';

export class PostingsScan {
  private readonly termIds: Map<string, number>;
  private readonly score: Float64Array;
  private readonly touched: Int32Array;

  constructor(private readonly index: IndexData) {
    this.termIds = new Map(index.terms.map((t, i) => [t, i]));
    this.score = new Float64Array(index.docCount);
    this.touched = new Int32Array(index.docCount);
  }

  /** The best `limit` documents for the query's words, best first. */
  search(query: string, limit = 5): number[] {
    const { index, score, touched } = this;
    const F = FIELDS.length;
    let count = 0;
    for (const word of tokenize(normalize(anchorText(query)))) {
      const stem = processTerm(word);
      const id = stem === null ? undefined : this.termIds.get(stem);
      if (id === undefined) continue;
      index.fields.forEach((field, f) => {
        const start = field.offsets[id]!;
        const end = field.offsets[id + 1]!;
        const matching = end - start;
        if (matching === 0) return;
        const factor = BOOST[f]! * Math.log(1 + (index.docCount - matching + 0.5) / (matching + 0.5));
        const lengthNorm = BM25.b / (index.avgFieldLength[f] || 1);
        for (let p = start; p < end; p++) {
          const doc = field.docs[p]!;
          const tf = field.tfs[p]!;
          const norm = BM25.k * (1 - BM25.b + lengthNorm * index.fieldLength[doc * F + f]!);
          if (score[doc] === 0) touched[count++] = doc;
          score[doc]! += factor * (BM25.d + (tf * (BM25.k + 1)) / (tf + norm));
        }
      });
    }
    // A bounded insertion list: `limit` is tiny next to the matches.
    const best: number[] = [];
    for (let i = 0; i < count; i++) {
      const doc = touched[i]!;
      if (best.length === limit && score[doc]! <= score[best[limit - 1]!]!) continue;
      let at = best.length === limit ? limit - 1 : best.length;
      while (at > 0 && score[best[at - 1]!]! < score[doc]!) {
        best[at] = best[at - 1]!;
        at--;
      }
      best[at] = doc;
    }
    const top = best.slice(0, limit);
    for (let i = 0; i < count; i++) score[touched[i]!] = 0;
    return top;
  }
}
