/**
 * Semantic search at start-up: the served library (seed corpus and stored papers) with its
 * embedding model and the papers' vectors.
 *
 * Where the vectors come from:
 * - seed papers (not in the store): the cache folder (seed-cache.ts), else computed now;
 * - stored papers: the store, where they were saved when the paper was stored, else computed
 *   now and saved back (a paper stored by an older version, or while a remote model was down).
 *
 * With the default LSA model, everything is ready before the first search. The model is learnt
 * from the whole corpus (seed and stored papers) and cached with the seed vectors; it is learnt
 * again once the corpus has grown by a quarter since (its vectors then change, so every stored
 * vector is computed again and the previous model's are dropped from the store).
 *
 * A remote model never delays the start: the library starts with the vectors the cache and the
 * store already have, and `VectorKeeper.backfill` asks for the rest in the background.
 */
import type { Logger } from '../core/logger.js';
import { silentLogger } from '../core/logger.js';
import type { Paper } from '../corpus/paper.js';
import type { EmbeddingSettings } from '../config/index.js';
import type { LoadedLibrary } from '../load-library.js';
import { addPapers, withStoredPapers } from '../load-papers.js';
import { embeddingTextHash, type EmbeddingProvider } from '../search/embeddings.js';
import { LsaProvider } from '../search/lsa-provider.js';
import { PaperVectors } from '../search/paper-vectors.js';
import { QueryVectors } from '../search/query-vectors.js';
import type { SemanticState } from '../search/semantic-state.js';
import type { EmbeddingRepo, StoredEmbedding } from '../store/types.js';
import { HttpEmbeddingProvider } from './http.js';
import { loadSeedVectors, saveSeedVectors, seedVectorFile } from './seed-cache.js';

/** The LSA model is learnt again when the corpus has grown past this many times the papers it was learnt from. */
export const RETRAIN_GROWTH = 1.25;

export interface SemanticLoadOptions {
  settings: EmbeddingSettings;
  /** Where the seed vectors are cached; false: not cached. */
  cacheDir: string | false;
  dataDir: string;
  /** Stored papers' vectors; absent in one-shot commands that do not open the store. */
  repo?: Pick<EmbeddingRepo, 'get'>;
  userAgent: string;
  logger?: Logger;
  /** For a remote model: its query vectors' budget and failure log. */
  queryOptions?: ConstructorParameters<typeof QueryVectors>[1];
}

export interface SemanticLoad {
  loaded: LoadedLibrary;
  provider: EmbeddingProvider;
  queries: QueryVectors;
  /** Stored papers' vectors computed here, to save to the store (then `pruneOtherModels` when `retrained`). */
  toStore: StoredEmbedding[];
  retrained: boolean;
  /** The stored papers' ids (the other served papers are seed papers). */
  storedIds: ReadonlySet<string>;
  /** Papers without a vector yet, for the remote model's backfill. */
  missing: number;
  /** Where the seed vectors are cached, and the key to cache them under, when caching is on. */
  seedCache?: { file: string; key: string; seedCount: number };
  /** How long each part took, for the start-up log. */
  ms: { model: number; vectors: number };
}

export function embeddingProvider(settings: EmbeddingSettings, userAgent: string): EmbeddingProvider | undefined {
  return settings.provider === 'http' ? new HttpEmbeddingProvider({ url: settings.url, model: settings.model, userAgent, ...(settings.apiKey ? { apiKey: settings.apiKey } : {}) }) : undefined;
}

/** `seed` with `stored` laid over it (as withStoredPapers does), with semantic search attached. */
export async function loadSemantic(seed: LoadedLibrary, stored: readonly Paper[], options: SemanticLoadOptions): Promise<SemanticLoad> {
  const log = options.logger ?? silentLogger;
  const all = withStoredPapers(seed, stored);
  const papers = all.library.papers;
  const seedCount = seed.library.papers.length;
  const storedIds = new Set(stored.map((p) => p.id));
  const postings = all.postings!;
  const cacheKind = options.settings.provider === 'http' ? `http-${options.settings.model}` : 'lsa';
  const seedCache = options.cacheDir !== false && seed.key ? { file: seedVectorFile(options.cacheDir, options.dataDir, cacheKind), key: seed.key, seedCount } : undefined;
  const cached = seedCache && loadSeedVectors(seedCache.file, seedCache.key);
  const started = performance.now();

  let provider: EmbeddingProvider;
  let vectors: PaperVectors | undefined;
  let retrained = false;
  let modelMs = 0;
  if (options.settings.provider === 'lsa') {
    const reuse = cached?.lsa && cached.vectors.count === seedCount && papers.length <= cached.lsa.corpusSize * RETRAIN_GROWTH ? new LsaProvider(cached.lsa) : undefined;
    if (reuse && reuse.model === cached!.model) {
      provider = reuse;
      vectors = cached!.vectors.with(papers.length);
    } else {
      const lsa = LsaProvider.train(postings);
      provider = lsa;
      modelMs = performance.now() - started;
      vectors = lsa.vectorsOf(postings);
      retrained = true;
      log.info({ model: lsa.model, papers: papers.length, trainedOn: lsa.lsa.trainedOn, dimensions: lsa.lsa.dimensions, ms: Math.round(modelMs) }, 'semantic model learnt from the corpus');
      if (seedCache) {
        try {
          saveSeedVectors(seedCache.file, { key: seedCache.key, model: lsa.model, dimensions: lsa.lsa.dimensions, vectors: vectors.with(seedCount), lsa: lsa.lsa });
        } catch (error) {
          log.warn({ err: error instanceof Error ? error.message : String(error) }, 'could not cache the semantic model; it is learnt again at the next start');
        }
      }
    }
  } else {
    provider = embeddingProvider(options.settings, options.userAgent)!;
    if (cached && cached.model === provider.model && cached.vectors.count === seedCount) vectors = cached.vectors.with(papers.length);
  }

  // Stored papers: their saved vectors when computed from the text they have now.
  const toStore: StoredEmbedding[] = [];
  const storedDocs = papers.flatMap((paper, doc) => (storedIds.has(paper.id) ? [doc] : []));
  if (storedDocs.length && !retrained) {
    const saved = new Map((await (options.repo?.get(provider.model, storedDocs.map((d) => papers[d]!.id)) ?? Promise.resolve([]))).map((e) => [e.paperId, e] as const));
    const rows = new Map<number, Float32Array | undefined>();
    for (const doc of storedDocs) {
      const paper = papers[doc]!;
      const hash = embeddingTextHash(paper);
      const known = saved.get(paper.id);
      if (known && known.textHash === hash) {
        rows.set(doc, known.vector);
        continue;
      }
      const now = provider.embedPaperNow?.(paper);
      rows.set(doc, now);
      if (now) toStore.push({ paperId: paper.id, vector: now, textHash: hash });
    }
    const first = [...rows.values()].find((v) => v !== undefined);
    if (!vectors && first) vectors = PaperVectors.empty(provider.model, first.length, papers.length);
    if (vectors) vectors = vectors.with(papers.length, rows);
  } else if (retrained) {
    for (const doc of storedDocs) {
      const vector = vectors!.vector(doc);
      if (vector) toStore.push({ paperId: papers[doc]!.id, vector, textHash: embeddingTextHash(papers[doc]!) });
    }
  }

  const queries = new QueryVectors(provider, options.queryOptions);
  const semantic: SemanticState | undefined = vectors && { provider, vectors, queries };
  const loaded = semantic ? withSemantic(all, semantic) : all;
  const missing = papers.length - (vectors?.known ?? 0);
  return { loaded, provider, queries, toStore, retrained, storedIds, missing, ...(seedCache ? { seedCache } : {}), ms: { model: modelMs, vectors: performance.now() - started - modelMs } };
}

/** The library rebuilt around the same papers and index, with semantic search on. */
function withSemantic(loaded: LoadedLibrary, semantic: SemanticState): LoadedLibrary {
  return addPapers({ ...loaded, semantic }, []);
}
