import type { EmbeddingProvider } from './embeddings.js';
import type { PaperVectors } from './paper-vectors.js';
import type { QueryVectors } from './query-vectors.js';

/** Semantic search's model and the vectors of the served papers (one row per paper, in the library's order). */
export interface SemanticState {
  provider: EmbeddingProvider;
  vectors: PaperVectors;
  queries: QueryVectors;
}
