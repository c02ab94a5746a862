/**
 * The default embedding provider: an LSA model learnt from the corpus (lsa.ts). Nothing to
 * download, no network, and it answers at once, so search always fuses with it.
 *
 * Its name carries a hash of the model, so vectors of a model retrained on a grown corpus are
 * never compared with (or mistaken in the store for) the previous model's.
 */
import { createHash } from 'node:crypto';
import type { EmbeddingProvider, PaperText } from './embeddings.js';
import { embedIndex, embedPaperText, embedQueryText, trainLsa, type LsaModel, type LsaOptions } from './lsa.js';
import { PaperVectors } from './paper-vectors.js';
import type { IndexData } from './postings.js';
import { QueryVectors } from './query-vectors.js';

export class LsaProvider implements EmbeddingProvider {
  readonly model: string;

  constructor(readonly lsa: LsaModel) {
    this.model = `lsa-${lsa.dimensions}-${modelHash(lsa)}`;
  }

  /** Learns the model from an index's papers. */
  static train(index: IndexData, options: Partial<LsaOptions> = {}): LsaProvider {
    return new LsaProvider(trainLsa(index, options));
  }

  embedPapers(papers: readonly PaperText[]): Promise<(Float32Array | undefined)[]> {
    return Promise.resolve(papers.map((p) => this.embedPaperNow(p)));
  }

  embedQuery(query: string): Promise<Float32Array | undefined> {
    return Promise.resolve(this.embedQueryNow(query));
  }

  embedQueryNow(query: string): Float32Array | undefined {
    return embedQueryText(this.lsa, query);
  }

  embedPaperNow(paper: PaperText): Float32Array | undefined {
    return embedPaperText(this.lsa, paper.title, paper.abstract);
  }

  /** Every paper of an index, folded in from its postings (no second tokenisation): the same vectors embedPaperNow gives. */
  vectorsOf(index: IndexData): PaperVectors {
    const { vectors, present } = embedIndex(this.lsa, index);
    return PaperVectors.fromFloats(this.model, this.lsa.dimensions, vectors, present);
  }
}

function modelHash(lsa: LsaModel): string {
  const hash = createHash('sha256').update(lsa.terms.join('\n'));
  for (const array of [lsa.idf, lsa.basis]) hash.update(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  return hash.digest('hex').slice(0, 12);
}

/** Semantic options for a library over exactly the index's papers, from an LSA model. */
export function lsaSemantic(provider: LsaProvider, index: IndexData): { vectors: PaperVectors; queries: QueryVectors } {
  return { vectors: provider.vectorsOf(index), queries: new QueryVectors(provider) };
}
