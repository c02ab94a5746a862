/**
 * Keeps the served papers' vectors in step with the papers:
 * - `stored`: papers a source just stored get their vectors computed and saved in the store,
 *   so no replica asks a remote model twice for the same text;
 * - `arrived`: papers another replica stored are served with the vectors it saved (or computed
 *   here when it has not yet);
 * - `afterLoad`: vectors computed at start-up are saved for the stored papers (and, after the LSA
 *   model was learnt again, the previous model's are dropped), then a remote model's missing
 *   vectors are filled in, in the background, a batch at a time;
 * - a remote model that is down costs nothing but semantic matching on the papers it has not
 *   reached: every `retryMs` the backfill tries again.
 *
 * With the LSA model, the served library computes a new paper's vector itself (load-papers.ts);
 * here it is only saved.
 */
import type { Logger } from '../core/logger.js';
import { silentLogger } from '../core/logger.js';
import { describeError } from '../core/safe-error.js';
import type { Paper } from '../corpus/paper.js';
import type { LoadedLibrary } from '../load-library.js';
import { withVectors } from '../load-papers.js';
import type { LoadedCorpus } from '../ops/corpus-reload.js';
import { embeddingTextHash, type EmbeddingProvider } from '../search/embeddings.js';
import type { QueryVectors } from '../search/query-vectors.js';
import type { EmbeddingRepo, StoredEmbedding } from '../store/types.js';
import type { SemanticLoad } from './semantic-load.js';
import { saveSeedVectors } from './seed-cache.js';

export interface ServedHolder {
  /** What is served now (a `LoadedLibrary` in the app). */
  served(): LoadedCorpus;
  update(derive: (current: LoadedCorpus) => LoadedCorpus): void;
}

export interface VectorKeeperOptions {
  repo: EmbeddingRepo;
  holder: ServedHolder;
  logger?: Logger;
  /** Papers per request batch of the backfill (each batch is one or more requests, then one save). */
  batch?: number;
  /** How long after a failed backfill to try again. Default 5 minutes. */
  retryMs?: number;
  now?: () => Date;
}

/** Vectors saved per store transaction. */
const SAVE_CHUNK = 1000;

export class VectorKeeper {
  private provider: EmbeddingProvider | undefined;
  private queries: QueryVectors | undefined;
  private seedCache: SemanticLoad['seedCache'];
  /** Papers the model gave no vector (no word it knows): not asked again. */
  private readonly unplaceable = new Set<string>();
  /** Papers in the store (the rest are seed papers, whose vectors may not go there). */
  private storedIds = new Set<string>();
  private filling: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly log: Logger;
  private readonly now: () => Date;

  constructor(private readonly options: VectorKeeperOptions) {
    this.log = options.logger ?? silentLogger;
    this.now = options.now ?? (() => new Date());
  }

  /** Follows a (re)load: its model from now on, its start-up vectors saved, a remote model's missing ones filled in. */
  async afterLoad(load: SemanticLoad): Promise<void> {
    this.provider = load.provider;
    this.queries = load.queries;
    this.seedCache = load.seedCache;
    this.storedIds = new Set(load.storedIds);
    try {
      await this.save(load.toStore);
      if (load.retrained) {
        const dropped = await this.options.repo.pruneOtherModels(load.provider.model);
        if (dropped) this.log.info({ model: load.provider.model, dropped }, 'dropped the vectors of the previous semantic model');
      }
    } catch (error) {
      this.log.warn({ err: describeError(error) }, 'could not save papers\' vectors; they are computed again at the next start');
    }
    if (!load.provider.embedPaperNow) await this.backfill();
  }

  /** Papers this replica just stored: vectors computed and saved; a remote model's then served. */
  async stored(papers: readonly Paper[]): Promise<void> {
    const provider = this.provider;
    if (!provider || papers.length === 0) return;
    for (const p of papers) this.storedIds.add(p.id);
    try {
      const vectors = await provider.embedPapers(papers);
      const entries = this.entries(papers, vectors);
      await this.save(entries);
      this.serve(provider, entries);
    } catch (error) {
      this.log.warn({ err: describeError(error), papers: papers.length }, 'could not compute the vectors of new papers; retrying later');
      this.retryLater();
    }
  }

  /** Papers another replica stored: the vectors it saved, else computed here. Only a remote model needs it. */
  async arrived(papers: readonly Paper[]): Promise<void> {
    const provider = this.provider;
    if (!provider || provider.embedPaperNow || papers.length === 0) return;
    try {
      const saved = await this.options.repo.get(provider.model, papers.map((p) => p.id));
      const current = new Map(papers.map((p) => [p.id, embeddingTextHash(p)] as const));
      const fresh = saved.filter((e) => current.get(e.paperId) === e.textHash);
      this.serve(provider, fresh);
      const have = new Set(fresh.map((e) => e.paperId));
      const rest = papers.filter((p) => !have.has(p.id));
      if (rest.length) await this.stored(rest);
    } catch (error) {
      this.log.warn({ err: describeError(error) }, 'could not read new papers\' vectors; retrying later');
      this.retryLater();
    }
  }

  /**
   * Asks a remote model for every served paper's missing vector, a batch at a time, serving each
   * batch as it comes; caches the seed papers' once they all have one. One run at a time.
   */
  backfill(): Promise<void> {
    this.filling ??= this.fill().finally(() => (this.filling = undefined));
    return this.filling;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private async fill(): Promise<void> {
    const provider = this.provider;
    if (!provider || provider.embedPaperNow) return;
    const batch = this.options.batch ?? 256;
    try {
      for (;;) {
        if (this.stopped || provider !== this.provider) return;
        const missing = this.missing();
        if (missing.length === 0) break;
        const papers = missing.slice(0, batch);
        const vectors = await provider.embedPapers(papers);
        papers.forEach((p, i) => {
          if (!vectors[i]) this.unplaceable.add(p.id);
        });
        const entries = this.entries(papers, vectors);
        // Seed papers are not in the store: their vectors go to the cache (below), not the store.
        await this.save(entries.filter((e) => this.storedIds.has(e.paperId)));
        this.serve(provider, entries);
      }
      this.cacheSeed(provider);
    } catch (error) {
      this.log.warn({ err: describeError(error), missing: this.missing().length }, 'could not fetch papers\' vectors from the embeddings endpoint; search stays lexical for them until it answers');
      this.retryLater();
    }
  }

  /** Served papers without a vector, that the model has not already said it cannot place. */
  private missing(): Paper[] {
    const { library, semantic } = this.served();
    const present = semantic?.provider.model === this.provider?.model ? semantic?.vectors.present : undefined;
    return library.papers.filter((p, doc) => !present?.[doc] && !this.unplaceable.has(p.id));
  }

  private served(): LoadedLibrary {
    return this.options.holder.served() as LoadedLibrary;
  }


  private cacheSeed(provider: EmbeddingProvider): void {
    const cache = this.seedCache;
    const semantic = this.served().semantic;
    if (!cache || !semantic || semantic.provider.model !== provider.model) return;
    try {
      saveSeedVectors(cache.file, { key: cache.key, model: provider.model, dimensions: semantic.vectors.dimensions, vectors: semantic.vectors.with(cache.seedCount) });
    } catch (error) {
      this.log.warn({ err: describeError(error) }, 'could not cache the seed papers\' vectors');
    }
  }

  private entries(papers: readonly Paper[], vectors: readonly (Float32Array | undefined)[]): StoredEmbedding[] {
    return papers.flatMap((paper, i) => {
      const vector = vectors[i];
      return vector ? [{ paperId: paper.id, vector, textHash: embeddingTextHash(paper) }] : [];
    });
  }

  private async save(entries: readonly StoredEmbedding[]): Promise<void> {
    const model = this.provider?.model;
    if (!model) return;
    for (let from = 0; from < entries.length; from += SAVE_CHUNK) await this.options.repo.save(model, entries.slice(from, from + SAVE_CHUNK), this.now());
  }

  /** A remote model's vectors into the served library (a model in memory already put them there). */
  private serve(provider: EmbeddingProvider, entries: readonly StoredEmbedding[]): void {
    if (provider.embedPaperNow || entries.length === 0 || provider !== this.provider || !this.queries) return;
    const queries = this.queries;
    const vectors = new Map(entries.map((e) => [e.paperId, e.vector] as const));
    this.options.holder.update((current) => withVectors(current as LoadedLibrary, vectors, provider, queries));
  }

  private retryLater(): void {
    if (this.stopped || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.backfill();
    }, this.options.retryMs ?? 5 * 60_000);
    this.timer.unref?.();
  }
}
