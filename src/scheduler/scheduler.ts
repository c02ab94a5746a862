/**
 * The digest scheduler. node-cron ticks every minute; each tick finds slots whose time has come
 * in their subscription's timezone, claims them in the ledger and posts them through per-channel
 * queues. node-cron keeps no record of missed runs, so durability comes from the ledger:
 *
 * - a slot is claimed (unique row per subscription and local date) before anything is sent, so
 *   racing ticks or a restart never post it twice;
 * - at start, `catchUp` resends slots left `claimed` (nothing was sent), marks slots left
 *   `sending` as `uncertain` without resending (at-most-once: the post may have gone out), and
 *   posts slots missed while down if they are within the grace period, else marks them `skipped`.
 *   `start` returns once that is claimed; the posting goes on in the background (see `idle`);
 * - several replicas may share the database. Each claim records its replica, and a running
 *   replica renews a presence lease. Open slots are settled as above only when their owner is
 *   gone: it gave its presence up when it stopped, or stopped renewing it for `failoverMs` (a
 *   crash). Every replica checks for such slots each time it renews its own presence, so the
 *   slots of a replica that died are taken over within `failoverMs` and a third;
 * - subscriptions of a platform that has no poster (not configured or not connected) are left
 *   unclaimed, so they post when the platform is back within the grace period.
 *
 * Only the caller whose compare-and-set moves a slot from `claimed` to `sending` may send it, so
 * even two processes on one file (or a `catchUp` racing a tick) never post a slot twice.
 */
import cron from 'node-cron';
import type { Platform } from '../core/command.js';
import type { PaperLibrary } from '../core/library.js';
import { silentLogger, type Logger } from '../core/logger.js';
import type { Poster } from '../core/poster.js';
import type { Subscription } from '../core/subscription.js';
import type { PostNowResult } from '../core/subscriptions.js';
import { newReplicaId, presenceLease, PRESENCE_PREFIX } from '../replicas/identity.js';
import { createLeaseKeeper, type Every, type LeaseKeeper } from '../replicas/lease-keeper.js';
import { slotKey, type SlotKey, type Store } from '../store/types.js';
import { digestMemo } from './digest-cache.js';
import {
  deliverNow,
  deliverSlot,
  newRun,
  notify,
  type DeliveryDeps,
  type DeliveryHooks,
  type DeliveryReport,
  type DeliveryRun,
} from './delivery.js';
import { Pacer, type PacingConfig } from './pacer.js';
import { KeyedQueue, Semaphore } from './queue.js';
import { DEFAULT_RETRY, type RetryPolicy } from './retry.js';
import { earliestLocalDate, pastSlotsAt } from './schedule.js';

export interface SchedulerOptions {
  store: Store;
  /** A getter, so a corpus reload swaps the library without restarting the scheduler. */
  library: () => PaperLibrary;
  posters: ReadonlyMap<Platform, Poster>;
  clock?: { now(): Date };
  /** Injectable for tests; waits are cut short when the scheduler stops. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  logger?: Logger;
  /** Missed slots younger than this are still posted (at start or on a late tick). Default 120. */
  graceMinutes?: number;
  /** Daily theme names, from config/themes.json. */
  themes?: readonly string[];
  retry?: Partial<RetryPolicy>;
  /** Posting limits per platform; unpaced when absent (tests). */
  pacing?: PacingConfig;
  /** Network calls in flight at once across all channels. Default 16. */
  maxConcurrentPosts?: number;
  /** How long `stop` waits for posts in flight. Default 10 000 ms. */
  stopTimeoutMs?: number;
  /** Starts the minute timer; default node-cron `* * * * *`. Tests pass their own. */
  schedule?: (expression: string, run: () => void) => { stop(): unknown };
  /** Observers for metrics: digests posted and failed, 429 waits. */
  hooks?: DeliveryHooks;
  /** This process among the replicas sharing the database; it owns the slots it claims. Default: a fresh id. */
  replicaId?: string;
  /** A replica that has not renewed its presence for this long is taken for dead. Default 30 000 ms. */
  failoverMs?: number;
  /** Starts the presence timer (every third of `failoverMs`); tests pass their own. */
  every?: Every;
}

export interface TickReport {
  claimed: number;
  skipped: number;
  /** `catchUp` and `takeOver` only: slots found `sending` and marked `uncertain`. */
  uncertain: number;
  deliveries: DeliveryReport[];
}

/** What `start` claimed; the deliveries themselves finish in the background. */
export type StartReport = Omit<TickReport, 'deliveries'>;

export interface Scheduler {
  /** Starts the minute timer and the catch-up; resolves once the catch-up is claimed, not posted. */
  start(): Promise<StartReport>;
  stop(): Promise<void>;
  tick(now?: Date): Promise<TickReport>;
  catchUp(now?: Date): Promise<TickReport>;
  /** Settles the open slots of replicas that are gone (what each presence renewal does). */
  takeOver(now?: Date): Promise<TickReport>;
  /** The id this scheduler claims slots under. */
  readonly replicaId: string;
  postNow(subscriptionId: number): Promise<PostNowResult>;
  /** Resolves when every queued post has settled (the catch-up started by `start` included). */
  idle(): Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());
const defaultSchedule = (expression: string, run: () => void) => {
  const task = cron.schedule(expression, run, { name: 'paperbot-digests' });
  return { stop: () => task.destroy() };
};

export function createScheduler(options: SchedulerOptions): Scheduler {
  const { store } = options;
  const replicaId = options.replicaId ?? newReplicaId();
  const failoverMs = options.failoverMs ?? 30_000;
  const log = options.logger ?? silentLogger;
  const now = () => options.clock?.now() ?? new Date();
  const graceMs = (options.graceMinutes ?? 120) * 60_000;
  const queue = new KeyedQueue();
  const inflight = new Set<string>();
  let stopping = false;
  let wake: () => void = () => {};
  let stopped = new Promise<void>((resolve) => (wake = resolve));
  let timer: { stop(): unknown } | undefined;
  const sleep = options.sleep ?? defaultSleep;

  const memo = digestMemo();
  const deps: DeliveryDeps = {
    store,
    library: () => memo(options.library()),
    posters: options.posters,
    themes: options.themes ?? [],
    now,
    log,
    ...(options.hooks ? { hooks: options.hooks } : {}),
    retry: {
      policy: { ...DEFAULT_RETRY, ...options.retry },
      sleep: (ms) => Promise.race([sleep(ms), stopped]),
      random: options.random ?? Math.random,
      now: () => now().getTime(),
      pacer: new Pacer(options.pacing ?? {}),
      semaphore: new Semaphore(options.maxConcurrentPosts ?? 16),
      stopping: () => stopping,
      onRateLimitWait: (platform, ms) => notify(deps, 'rateLimited', platform, ms / 1000),
    },
  };

  const slotContext = (slot: SlotKey & { owner?: string }) => ({ subscriptionId: slot.subscriptionId, slotDate: slot.slotDate, ...(slot.owner ? { owner: slot.owner } : {}) });
  const channelOf = (sub: Pick<Subscription, 'platform' | 'channelId'>) => `${sub.platform}:${sub.channelId}`;

  function enqueue(sub: Subscription, slot: SlotKey, run: DeliveryRun): Promise<DeliveryReport> {
    const key = slotKey(slot);
    inflight.add(key);
    return queue
      .run(channelOf(sub), () => deliverSlot(deps, slot, run))
      .catch((error: unknown): DeliveryReport => {
        log.error({ err: error, ...slot }, 'digest delivery crashed');
        return { ...slot, state: 'aborted', attempts: 0, error: String(error) };
      })
      .finally(() => inflight.delete(key));
  }

  // Logged once per platform (until it gets a poster), not every minute.
  const missingLogged = new Set<Platform>();
  function hasPoster(platform: Platform): boolean {
    if (options.posters.has(platform)) {
      missingLogged.delete(platform);
      return true;
    }
    if (!missingLogged.has(platform)) {
      missingLogged.add(platform);
      log.info({ platform }, 'no poster for platform; its digests wait until it is connected');
    }
    return false;
  }

  interface Claimed {
    report: StartReport;
    jobs: Promise<DeliveryReport>[];
  }

  /** Claims the due slots and queues their posts; resolves once claimed, so callers choose whether to wait for the posts. */
  async function claimDue(at: Date, run: DeliveryRun): Promise<Claimed> {
    const report: StartReport = { claimed: 0, skipped: 0, uncertain: 0 };
    const jobs: Promise<DeliveryReport>[] = [];
    if (stopping) return { report, jobs };
    const known = await store.deliveries.keysSince(earliestLocalDate(at));
    const slotsOf = pastSlotsAt(at);
    const due: { sub: Subscription; ref: SlotKey; dueAt: Date }[] = [];
    for (const sub of await store.subscriptions.listActive()) {
      if (!hasPoster(sub.platform)) continue;
      for (const slot of slotsOf(sub)) {
        const key = slotKey({ subscriptionId: sub.id, slotDate: slot.slotDate });
        if (known.has(key) || inflight.has(key)) continue;
        const ref = { subscriptionId: sub.id, slotDate: slot.slotDate };
        if (at.getTime() - slot.dueAt.getTime() > graceMs) {
          if (await store.deliveries.skip(ref, slot.dueAt, 'missed by more than the grace period', at)) {
            report.skipped++;
            log.warn({ subscriptionId: sub.id, slotDate: slot.slotDate, dueAt: slot.dueAt }, 'digest slot missed beyond grace period; skipped');
          }
        } else {
          due.push({ sub, ref, dueAt: slot.dueAt });
        }
      }
    }
    const claims = new Semaphore(CLAIM_CONCURRENCY);
    // Claims are one round trip each on a network database: a few at a time, in chunks, and the
    // claimed ones queued in subscription order, so posting starts early and stays in order.
    for (let i = 0; i < due.length && !stopping; i += CLAIM_CHUNK) {
      const chunk = due.slice(i, i + CLAIM_CHUNK);
      const won = await Promise.all(chunk.map((slot) => claims.use(() => store.deliveries.claim(slot.ref, slot.dueAt, at, replicaId))));
      chunk.forEach((slot, j) => {
        if (!won[j]) return;
        report.claimed++;
        jobs.push(enqueue(slot.sub, slot.ref, run));
      });
    }
    return { report, jobs };
  }

  /** Replicas whose presence is current; this one always counts, even before its first renewal. */
  async function liveReplicas(at: Date): Promise<Set<string>> {
    const live = new Set((await store.leases.active(PRESENCE_PREFIX, at)).map((lease) => lease.holder));
    live.add(replicaId);
    return live;
  }

  /**
   * Settles open slots whose owner is gone: a `sending` slot becomes `uncertain` (never resent),
   * a `claimed` one is adopted and posted within the grace period, else skipped. Slots of live
   * replicas, this one's included, are left to them.
   */
  async function claimOrphans(at: Date, run: DeliveryRun): Promise<Claimed> {
    const report: StartReport = { claimed: 0, skipped: 0, uncertain: 0 };
    const jobs: Promise<DeliveryReport>[] = [];
    if (stopping) return { report, jobs };
    const live = await liveReplicas(at);
    const orphans = (await store.deliveries.open()).filter((open) => !inflight.has(slotKey(open)) && !(open.owner !== undefined && live.has(open.owner)));
    for (const open of orphans) {
      const sub = await store.subscriptions.get(open.subscriptionId);
      if (open.state === 'sending') {
        const error = 'interrupted while sending; not resent to avoid a duplicate post';
        if (await store.deliveries.transition(open, ['sending'], 'uncertain', at, { error })) {
          report.uncertain++;
          log.warn(slotContext(open), 'digest slot uncertain after its replica stopped; not resent');
        }
      } else if (!sub) {
        await store.deliveries.transition(open, ['claimed'], 'skipped', at, { error: 'subscription removed' });
      } else if (at.getTime() - open.dueAt.getTime() > graceMs) {
        if (await store.deliveries.transition(open, ['claimed'], 'skipped', at, { error: 'missed by more than the grace period' })) {
          report.skipped++;
          log.warn(slotContext(open), 'claimed digest slot too old; skipped');
        }
      } else if (hasPoster(sub.platform) && (await store.deliveries.adopt(open, open.owner, replicaId, at))) {
        report.claimed++;
        jobs.push(enqueue(sub, open, run));
      }
    }
    if (report.claimed + report.skipped + report.uncertain > 0) log.info({ ...report, replicaId }, 'settled the open digest slots of replicas that stopped');
    return { report, jobs };
  }

  /** Settles open slots left by replicas that are gone, then claims what is due, all in one run. */
  async function claimCatchUp(at: Date): Promise<Claimed> {
    const run = newRun();
    const orphans = await claimOrphans(at, run);
    const due = await claimDue(at, run);
    return {
      report: { claimed: orphans.report.claimed + due.report.claimed, skipped: orphans.report.skipped + due.report.skipped, uncertain: orphans.report.uncertain },
      jobs: [...orphans.jobs, ...due.jobs],
    };
  }

  async function settle({ report, jobs }: Claimed): Promise<TickReport> {
    return { ...report, deliveries: await Promise.all(jobs) };
  }

  const tick = async (at = now()) => settle(await claimDue(at, newRun()));

  /** Posts what `claimed` holds in the background, logging the outcome. */
  function inBackground(claimed: Claimed, what: string): void {
    void settle(claimed).then(
      ({ deliveries }) => {
        if (deliveries.length) log.info({ deliveries: deliveries.length, sent: deliveries.filter((d) => d.state === 'sent').length }, `${what} finished`);
      },
      (error: unknown) => log.error({ err: error }, `scheduler ${what} failed`),
    );
  }

  // Renewing this replica's presence is also when it looks for slots of replicas that are gone.
  let presence: LeaseKeeper | undefined;
  const startPresence = () =>
    createLeaseKeeper({
      leases: store.leases,
      name: presenceLease(replicaId),
      holder: replicaId,
      ttlMs: failoverMs,
      now,
      logger: log,
      ...(options.every ? { every: options.every } : {}),
      afterBeat: async (held) => {
        if (!held || stopping || !presence) return;
        inBackground(await claimOrphans(now(), newRun()), 'take-over');
      },
    });

  return {
    replicaId,
    tick,
    catchUp: async (at = now()) => settle(await claimCatchUp(at)),
    takeOver: async (at = now()) => settle(await claimOrphans(at, newRun())),
    async start() {
      if (stopping) stopped = new Promise<void>((resolve) => (wake = resolve));
      stopping = false;
      // Present before claiming anything: another replica must never take this one's fresh claims for orphans.
      const keeper = startPresence();
      await keeper.start();
      presence = keeper;
      const run = () => void tick(now()).catch((error: unknown) => log.error({ err: error }, 'scheduler tick failed'));
      timer = (options.schedule ?? defaultSchedule)('* * * * *', run);
      // Posting the catch-up can take minutes (pacing, 429 waits, backoff): the app must not wait for it.
      const claimed = await claimCatchUp(now());
      inBackground(claimed, 'catch-up');
      return claimed.report;
    },
    async stop() {
      // No new ticks from the moment stopping begins.
      const task = timer;
      timer = undefined;
      stopping = true;
      wake();
      await task?.stop();
      let timeout: NodeJS.Timeout | undefined;
      const limit = new Promise<void>((resolve) => (timeout = setTimeout(resolve, options.stopTimeoutMs ?? 10_000)));
      await Promise.race([queue.idle(), limit]);
      clearTimeout(timeout);
      if (queue.size > 0) log.warn({ pending: queue.size }, 'scheduler stopped with posts still in flight');
      // Gone from now on: another replica (or the next start) settles what this one left open.
      const keeper = presence;
      presence = undefined;
      await keeper?.stop();
    },
    async postNow(subscriptionId) {
      const sub = await store.subscriptions.get(subscriptionId);
      if (!sub) return { status: 'not_found' };
      return queue.run(channelOf(sub), () => deliverNow(deps, sub));
    },
    idle: () => queue.idle(),
  };
}

/** Claims in flight at once: well under the Postgres pool (10), so commands still get a connection. */
const CLAIM_CONCURRENCY = 6;
const CLAIM_CHUNK = 60;

