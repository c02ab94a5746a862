/**
 * The embedding provider port: what semantic search needs from a model that turns text into
 * vectors. Implemented by the corpus's own LSA model (lsa-provider.ts, the default: nothing to
 * download) and by any OpenAI-compatible `/v1/embeddings` endpoint (src/embeddings/http.ts).
 *
 * Vectors are unit length, so their dot product is their cosine. Vectors of two models are
 * never compared: each is kept under its provider's `model` name.
 */
import { createHash } from 'node:crypto';

/** What is embedded of a paper. */
export interface PaperText {
  title: string;
  abstract: string;
}

export interface EmbeddingProvider {
  /**
   * Names the vector space: the provider, its model and anything that changes the numbers (an LSA
   * model retrained on more papers is another space). Stored beside every vector.
   */
  readonly model: string;
  /** The papers' vectors, in order; undefined for a paper the model cannot place (no word it knows). */
  embedPapers(papers: readonly PaperText[]): Promise<(Float32Array | undefined)[]>;
  /** A search query's vector. */
  embedQuery(query: string): Promise<Float32Array | undefined>;
  /**
   * A query's vector without waiting, for a model held in memory; absent for a remote one, whose
   * query vectors search uses only once they have arrived (see semantic-search.ts).
   */
  embedQueryNow?(query: string): Float32Array | undefined;
  /** A paper's vector without waiting, for a model held in memory. */
  embedPaperNow?(paper: PaperText): Float32Array | undefined;
}

/** The text a remote model is given for a paper: its title, a blank line, its abstract. */
export function paperDocument(paper: PaperText): string {
  return paper.abstract ? `${paper.title}\n\n${paper.abstract}` : paper.title;
}

/** Hash of what a paper's vector is computed from: a stored vector with another hash is stale. */
export function embeddingTextHash(paper: PaperText): string {
  return createHash('sha256').update(paperDocument(paper)).digest('base64url').slice(0, 22);
}

/** `v` scaled to unit length, as a Float32Array; undefined when it is zero or not finite. */
export function unitVector(v: ArrayLike<number>): Float32Array | undefined {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i]! * v[i]!;
  if (!(sum > 0) || !Number.isFinite(sum)) return undefined;
  const inv = 1 / Math.sqrt(sum);
  return Float32Array.from(v, (x) => x * inv);
}
