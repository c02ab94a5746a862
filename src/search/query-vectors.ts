/**
 * Query vectors for synchronous search. A model in memory (LSA) answers at once. A remote one
 * cannot: search never waits for the network, so its query vectors are fetched ahead by
 * `prepare` (the search command awaits it for at most a small budget) and kept in a
 * least-recently-used cache. Search fuses when the query's vector is in the cache and serves the
 * lexical ranking alone otherwise; a vector that arrives after the budget is still cached, for
 * the next page or the next time someone asks.
 *
 * After a failed request, `prepare` does not wait on the endpoint again for a while: a model
 * that is down costs searches nothing but their lexical ranking.
 */
import type { EmbeddingProvider } from './embeddings.js';

export interface QueryVectorOptions {
  /** Query vectors kept. */
  cacheSize?: number;
  /** How long `prepare` waits by default before search goes on without the vector. */
  budgetMs?: number;
  /** How long after a failure `prepare` stops asking. */
  pauseAfterFailureMs?: number;
  /** Told about each failed request (for a log line); never about the query's text. */
  onError?: (error: unknown) => void;
  now?: () => number;
}

export const QUERY_BUDGET_MS = 250;
const CACHE_SIZE = 1024;
const PAUSE_AFTER_FAILURE_MS = 30_000;

/** The text of a query that its vector is computed from: its words, lowercased, spaces collapsed. */
export function queryKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

export class QueryVectors {
  private readonly cache = new Map<string, Float32Array | undefined>();
  private readonly inFlight = new Map<string, Promise<void>>();
  private pausedUntil = 0;
  private readonly size: number;
  private readonly budgetMs: number;
  private readonly pauseMs: number;
  private readonly now: () => number;

  constructor(
    private readonly provider: EmbeddingProvider,
    private readonly options: QueryVectorOptions = {},
  ) {
    this.size = options.cacheSize ?? CACHE_SIZE;
    this.budgetMs = options.budgetMs ?? QUERY_BUDGET_MS;
    this.pauseMs = options.pauseAfterFailureMs ?? PAUSE_AFTER_FAILURE_MS;
    this.now = options.now ?? Date.now;
  }

  /** True when every query's vector is there at once (a model in memory). */
  get immediate(): boolean {
    return this.provider.embedQueryNow !== undefined;
  }

  /** The query's vector now, or undefined (not fetched yet, or no word the model knows). */
  get(text: string): Float32Array | undefined {
    const key = queryKey(text);
    if (!key) return undefined;
    if (this.provider.embedQueryNow) return this.provider.embedQueryNow(key);
    const vector = this.cache.get(key);
    if (vector !== undefined) {
      this.cache.delete(key);
      this.cache.set(key, vector);
    }
    return vector;
  }

  /** Fetches the query's vector unless it is cached; resolves when it is there, failed, or `budgetMs` passed. */
  prepare(text: string, budgetMs = this.budgetMs): Promise<void> {
    const key = queryKey(text);
    if (!key || this.provider.embedQueryNow || this.cache.has(key) || this.now() < this.pausedUntil) return Promise.resolve();
    let request = this.inFlight.get(key);
    if (!request) {
      request = this.provider.embedQuery(key).then(
        (vector) => {
          if (this.cache.size >= this.size) this.cache.delete(this.cache.keys().next().value as string);
          this.cache.set(key, vector);
        },
        (error: unknown) => {
          this.pausedUntil = this.now() + this.pauseMs;
          this.options.onError?.(error);
        },
      );
      const settled = request.finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, settled);
      request = settled;
    }
    let timer: NodeJS.Timeout | undefined;
    const budget = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, budgetMs);
      timer.unref?.();
    });
    return Promise.race([request, budget]).finally(() => clearTimeout(timer));
  }
}
