/**
 * Keeps one lease: tries to take or renew it every third of its lifetime, so a holder renews
 * twice before it could expire, and a waiting replica notices a free lease within that third.
 * A failed renewal (database unreachable) counts as lost at once: whoever holds a lease must stop
 * acting on it before another replica may take it over.
 */
import { silentLogger, type Logger } from '../core/logger.js';
import { describeError } from '../core/safe-error.js';
import type { LeaseRepo } from '../store/types.js';

export type Every = (ms: number, run: () => void) => { stop(): unknown };

export interface LeaseKeeperOptions {
  leases: LeaseRepo;
  name: string;
  holder: string;
  ttlMs: number;
  now?: () => Date;
  /** Starts the renewal timer; tests pass their own. */
  every?: Every;
  /** Told when the lease is gained or lost. */
  onChange?: (held: boolean) => void;
  /** After each renewal, whatever its outcome; skipped while the previous one still runs. */
  afterBeat?: (held: boolean) => void | Promise<void>;
  logger?: Logger;
}

export interface LeaseKeeper {
  /** Takes the lease if it can and starts renewing; whether it is held now. */
  start(): Promise<boolean>;
  /** Stops renewing and gives the lease up, so another replica may take it at once. */
  stop(): Promise<void>;
  held(): boolean;
  /** One renewal now; whether the lease is held after it. */
  beat(): Promise<boolean>;
}

export const defaultEvery: Every = (ms, run) => {
  const timer = setInterval(run, ms);
  timer.unref();
  return { stop: () => clearInterval(timer) };
};

export function createLeaseKeeper(options: LeaseKeeperOptions): LeaseKeeper {
  const log = options.logger ?? silentLogger;
  const now = options.now ?? (() => new Date());
  let held = false;
  let failing = false;
  let timer: { stop(): unknown } | undefined;
  let beating: Promise<boolean> | undefined;

  const set = (next: boolean) => {
    if (next === held) return;
    held = next;
    options.onChange?.(next);
  };

  async function renew(): Promise<boolean> {
    try {
      const got = await options.leases.acquire(options.name, options.holder, options.ttlMs, now());
      if (failing) log.info({ lease: options.name }, 'lease renewals work again');
      failing = false;
      set(got);
    } catch (error) {
      // One warning per streak: a database outage should not fill the log every few seconds.
      if (!failing) log.warn({ lease: options.name, err: describeError(error) }, 'could not renew a lease; acting as if lost until the database answers');
      failing = true;
      set(false);
    }
    return held;
  }

  /** The work after a renewal runs on its own: however long it takes, the next renewal is on time. */
  let following: Promise<void> | undefined;
  function follow(isHeld: boolean): void {
    if (!options.afterBeat || following) return;
    following = Promise.resolve()
      .then(() => options.afterBeat?.(isHeld))
      .catch((error: unknown) => log.error({ lease: options.name, err: describeError(error) }, 'work after a lease renewal failed'))
      .finally(() => (following = undefined));
  }

  const beat = async () => {
    // Renewals never overlap: a slow database must not stack them up.
    beating ??= renew().finally(() => (beating = undefined));
    const isHeld = await beating;
    follow(isHeld);
    return isHeld;
  };

  return {
    async start() {
      const got = await beat();
      timer ??= (options.every ?? defaultEvery)(Math.max(1, Math.floor(options.ttlMs / 3)), () => void beat());
      return got;
    },
    async stop() {
      timer?.stop();
      timer = undefined;
      await beating;
      if (held) await options.leases.release(options.name, options.holder).catch(() => undefined);
      set(false);
    },
    held: () => held,
    beat,
  };
}
