/**
 * Per-user rate limiting: a token bucket per user, refilled continuously. `RateLimiter` keeps the
 * buckets in this process; several replicas share theirs through the store instead (any
 * `CommandLimiter`), so a user cannot get N times the limit by reaching N replicas.
 */
export interface CommandLimiter {
  /** Takes one token for `key`; 0 when allowed, else the seconds to wait. */
  take(key: string): number | Promise<number>;
}

export interface RateLimitOptions {
  /** Commands allowed in a burst. */
  burst: number;
  /** Sustained commands per minute. */
  perMinute: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export class RateLimiter implements CommandLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly options: RateLimitOptions,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one token for `key`; returns 0 when allowed, else the seconds to wait. */
  take(key: string): number {
    const now = this.now();
    const refillPerMs = this.options.perMinute / 60_000;
    const bucket = this.buckets.get(key) ?? { tokens: this.options.burst, updatedAt: now };
    bucket.tokens = Math.min(this.options.burst, bucket.tokens + (now - bucket.updatedAt) * refillPerMs);
    bucket.updatedAt = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      if (this.buckets.size > 10_000) this.prune(now);
      return 0;
    }
    return Math.ceil((1 - bucket.tokens) / refillPerMs / 1000);
  }

  /** Forgets users whose buckets are full again, to bound memory. */
  private prune(now: number): void {
    const refillPerMs = this.options.perMinute / 60_000;
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.updatedAt) * refillPerMs >= this.options.burst) this.buckets.delete(key);
    }
  }
}
