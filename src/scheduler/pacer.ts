/**
 * Pacing for platform rate limits, as GCRA token buckets: `reserve` books the next free send
 * time and returns how long to wait, so thousands of digests due at one minute are spread at
 * the allowed rate instead of hitting 429s. Buckets are per platform (`global`) or per channel.
 */
import type { Platform } from '../core/command.js';
import type { RateSpec } from '../core/poster.js';

export type { RateSpec } from '../core/poster.js';

/** Limits per platform; each chat adapter declares its own (src/platforms/registry.ts). */
export type PacingConfig = Partial<Record<Platform, readonly RateSpec[]>>;

class Gcra {
  private tat = 0;
  constructor(private readonly spec: RateSpec) {}

  reserve(now: number): number {
    const interval = 1000 / this.spec.perSecond;
    const tolerance = interval * (Math.max(1, this.spec.burst) - 1);
    const start = Math.max(now, this.tat - tolerance);
    this.tat = Math.max(this.tat, now) + interval;
    return start - now;
  }

  idleAt(now: number): boolean {
    return this.tat <= now;
  }
}

export class Pacer {
  private readonly buckets = new Map<string, Gcra>();

  constructor(private readonly config: PacingConfig) {}

  /** Milliseconds to wait before posting to `channelId` on `platform`; books the slot. */
  reserve(platform: Platform, channelId: string, now: number): number {
    let wait = 0;
    // Channel buckets first, then the global one at the time the channel allows.
    const specs = [...(this.config[platform] ?? []).entries()].sort(([, a], [, b]) => (a.scope === b.scope ? 0 : a.scope === 'channel' ? -1 : 1));
    for (const [i, spec] of specs) {
      if (!(spec.perSecond > 0) || !Number.isFinite(spec.perSecond)) continue;
      const key = spec.scope === 'global' ? `${platform}#${i}` : `${platform}#${i}:${channelId}`;
      let bucket = this.buckets.get(key);
      if (!bucket) this.buckets.set(key, (bucket = new Gcra(spec)));
      wait += bucket.reserve(now + wait);
    }
    if (this.buckets.size > 50_000) this.prune(now);
    return wait;
  }

  private prune(now: number): void {
    for (const [key, bucket] of this.buckets) if (bucket.idleAt(now)) this.buckets.delete(key);
  }
}
