/**
 * One post with the scheduler's retry policy: wait out 429s for the time the platform asks,
 * retry transient failures with exponential backoff and full jitter, stop at every other kind
 * (an `uncertain` post may have gone out: resending could post it twice).
 * Ledger transitions happen in the caller's hooks so this stays free of storage.
 */
import type { Platform } from '../core/command.js';
import type { Poster, PostOutcome } from '../core/poster.js';
import type { Reply } from '../core/reply.js';
import type { Pacer } from './pacer.js';
import type { Semaphore } from './queue.js';

export interface RetryPolicy {
  /** Network attempts for transient failures (5xx, timeouts), including the first. Default 3. */
  maxAttempts: number;
  /** First backoff; doubles each retry. Default 2000 ms. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** How many 429s to wait out before giving up. Default 5. */
  maxRateLimitWaits: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 2000, maxDelayMs: 60_000, maxRateLimitWaits: 5 };

export interface RetryDeps {
  policy: RetryPolicy;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  now: () => number;
  pacer: Pacer;
  semaphore: Semaphore;
  /** True once the scheduler is stopping: make no new attempt. */
  stopping: () => boolean;
  /** Told before each 429 wait, with the wait in ms (metrics). */
  onRateLimitWait?: (platform: Platform, ms: number) => void;
}

export interface RetryHooks {
  /** True once the platform must not be posted to any more in this run (bad credentials). */
  halted?(): boolean;
  /** Called right before each network attempt; resolving false abandons the post (lost a race). */
  beforeAttempt(): Promise<boolean>;
  /** Called with each outcome while the request's permit is still held (a `fatal` halts the platform at once). */
  afterAttempt?(outcome: PostOutcome): void;
  /** Called after a 429: nothing was posted, so the slot may safely be retried after a crash. */
  afterRateLimit?(): Promise<void>;
}

type AbortReason = 'stopping' | 'lost_race' | 'platform_halted';
/** `maybeSent`: an earlier attempt may have reached the channel (a transient failure after sending). */
export type RetryResult = { outcome: PostOutcome; attempts: number; maybeSent: boolean } | { aborted: AbortReason; attempts: number };

/** Where a digest goes: the channel, and whether its papers go in a thread there. */
export interface PostTarget {
  platform: Platform;
  channelId: string;
  thread?: boolean;
}

export function backoffMs(policy: RetryPolicy, retry: number, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  // Half fixed, half jitter: spreads retries without ever retrying immediately.
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

async function attempt(poster: Poster, target: PostTarget, reply: Reply, key: string): Promise<PostOutcome> {
  try {
    return await poster.post(target.channelId, reply, { idempotencyKey: key, ...(target.thread ? { thread: true } : {}) });
  } catch (error) {
    // A poster should classify its own errors; an unexpected throw is treated as retryable.
    return { ok: false, kind: 'transient', message: error instanceof Error ? error.message : String(error) };
  }
}

export async function postWithRetry(
  poster: Poster,
  target: PostTarget,
  reply: Reply,
  key: string,
  deps: RetryDeps,
  hooks: RetryHooks,
): Promise<RetryResult> {
  let attempts = 0;
  let transient = 0;
  let rateLimited = 0;
  // After a transient failure the post may have gone out (Discord retries rely on its nonce),
  // so a later 429 must not mark the slot as never sent.
  let maybeSent = false;
  for (;;) {
    const wait = deps.pacer.reserve(target.platform, target.channelId, deps.now());
    if (wait > 0) await deps.sleep(wait);
    // Checks and the `sending` mark happen once a permit is held, right before the request, so a
    // post queued behind others still sees a stop or a halt that happened meanwhile.
    const step = await deps.semaphore.use(async (): Promise<{ outcome: PostOutcome } | { aborted: AbortReason }> => {
      if (deps.stopping()) return { aborted: 'stopping' };
      if (hooks.halted?.()) return { aborted: 'platform_halted' };
      if (!(await hooks.beforeAttempt())) return { aborted: 'lost_race' };
      attempts++;
      const outcome = await attempt(poster, target, reply, key);
      hooks.afterAttempt?.(outcome);
      return { outcome };
    });
    if ('aborted' in step) return { aborted: step.aborted, attempts };
    const { outcome } = step;
    if (outcome.ok || (outcome.kind !== 'rate_limited' && outcome.kind !== 'transient')) return { outcome, attempts, maybeSent };
    if (outcome.kind === 'rate_limited') {
      if (!maybeSent) await hooks.afterRateLimit?.();
      if (++rateLimited > deps.policy.maxRateLimitWaits) return { outcome, attempts, maybeSent };
      const waitMs = Math.max(0, outcome.retryAfterMs);
      deps.onRateLimitWait?.(target.platform, waitMs);
      await deps.sleep(waitMs);
    } else {
      maybeSent = true;
      if (++transient >= deps.policy.maxAttempts) return { outcome, attempts, maybeSent };
      await deps.sleep(backoffMs(deps.policy, transient, deps.random));
    }
  }
}
