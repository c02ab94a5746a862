/**
 * Several schedulers on one database, as replicas run them, on both engines: the slots of a live
 * replica are its own, the slots of one that stopped (cleanly, or by crashing and going silent)
 * are settled by the others, never twice.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { presenceLease } from '../../src/replicas/identity.js';
import { createScheduler, type Scheduler } from '../../src/scheduler/scheduler.js';
import { openPostgresStore } from '../../src/store/postgres.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/types.js';
import { testDatabases } from '../support/postgres.js';
import { FakeClock, realLibrary, ScriptedPoster, subInput, tempDir } from './helpers.js';

const dir = tempDir();
afterAll(() => dir.cleanup());
const databases = testDatabases();
let n = 0;

const engines: [string, () => Promise<Store>][] = [
  ['sqlite', async () => openSqliteStore(dir.path(`replicas-${++n}.db`))],
  ['postgres', async () => openPostgresStore(await databases.fresh())],
];

const created = new Date('2026-03-01T12:00:00Z');
// 09:00 Europe/Berlin on Monday 2 March 2026.
const due = new Date('2026-03-02T08:00:00Z');
const slotDate = '2026-03-02';
const FAILOVER = 30_000;

interface Replica {
  scheduler: Scheduler;
  poster: ScriptedPoster;
  /** Runs what the presence timer would run. */
  beat: () => void;
}

function replica(store: Store, clock: FakeClock, replicaId: string): Replica {
  const poster = new ScriptedPoster('discord');
  let beat = () => {};
  const scheduler = createScheduler({
    store,
    library: realLibrary,
    posters: new Map([['discord', poster]]),
    clock,
    sleep: async () => {},
    random: () => 0.5,
    schedule: () => ({ stop() {} }),
    replicaId,
    failoverMs: FAILOVER,
    every: (_ms, run) => {
      beat = run;
      return { stop: () => (beat = () => {}) };
    },
  });
  return { scheduler, poster, beat: () => beat() };
}

/** Three subscriptions whose slots a replica `dead` had claimed, the first of them already being sent. */
async function leftBy(store: Store, owner: string): Promise<number[]> {
  const ids: number[] = [];
  for (const channelId of ['c1', 'c2', 'c3']) {
    const { subscription } = await store.subscriptions.upsert(subInput({ channelId }), created);
    await store.deliveries.claim({ subscriptionId: subscription.id, slotDate }, due, due, owner);
    ids.push(subscription.id);
  }
  await store.deliveries.transition({ subscriptionId: ids[0]!, slotDate }, ['claimed'], 'sending', due, { attempt: true });
  return ids;
}

describe.each(engines)('%s: replicas sharing the ledger', (_engine, open) => {
  it('GIVEN a replica that crashed THEN its slots wait while its presence is current, and are settled once it lapses', async () => {
    const store = await open();
    try {
      const clock = new FakeClock(due.getTime() + 60_000);
      // The dead replica renewed its presence a minute after the slots were due, then went silent.
      await store.leases.acquire(presenceLease('dead'), 'dead', FAILOVER, clock.now());
      const ids = await leftBy(store, 'dead');
      const survivor = replica(store, clock, 'survivor');
      const early = await survivor.scheduler.takeOver(clock.advance(FAILOVER - 1000));
      expect(early).toMatchObject({ claimed: 0, uncertain: 0, deliveries: [] });
      expect((await store.deliveries.open()).map((d) => d.owner)).toEqual(['dead', 'dead', 'dead']);

      const late = await survivor.scheduler.takeOver(clock.advance(1000));
      expect(late).toMatchObject({ claimed: 2, uncertain: 1 });
      expect(late.deliveries.map((d) => [d.subscriptionId, d.state])).toEqual([
        [ids[1], 'sent'],
        [ids[2], 'sent'],
      ]);
      // The slot that was being sent may have gone out: marked, never resent.
      expect(await store.deliveries.get({ subscriptionId: ids[0]!, slotDate })).toMatchObject({ state: 'uncertain', owner: 'dead' });
      expect(survivor.poster.posted.map((p) => p.channelId).sort()).toEqual(['c2', 'c3']);
      expect(await store.deliveries.get({ subscriptionId: ids[1]!, slotDate })).toMatchObject({ state: 'sent', owner: 'survivor' });
      expect((await survivor.scheduler.takeOver(clock.advance(1000))).deliveries).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('GIVEN two survivors THEN each orphaned slot is adopted and posted by one of them', async () => {
    const store = await open();
    try {
      const clock = new FakeClock(due.getTime() + 5 * 60_000);
      const ids: number[] = [];
      for (let i = 0; i < 12; i++) {
        const { subscription } = await store.subscriptions.upsert(subInput({ channelId: `c${i}` }), created);
        await store.deliveries.claim({ subscriptionId: subscription.id, slotDate }, due, due, 'dead');
        ids.push(subscription.id);
      }
      const [a, b] = [replica(store, clock, 'a'), replica(store, clock, 'b')];
      const reports = await Promise.all([a.scheduler.takeOver(), b.scheduler.takeOver(), a.scheduler.takeOver()]);
      const sent = reports.flatMap((r) => r.deliveries).filter((d) => d.state === 'sent');
      expect(sent.map((d) => d.subscriptionId).sort((x, y) => x - y)).toEqual(ids);
      expect([...a.poster.posted, ...b.poster.posted].map((p) => p.channelId).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `c${i}`).sort());
    } finally {
      await store.close();
    }
  });

  it('a live replica keeps its own slots: neither another replica nor itself takes them over', async () => {
    const store = await open();
    try {
      const clock = new FakeClock(due.getTime() + 60_000);
      const owner = replica(store, clock, 'owner');
      await owner.scheduler.start();
      await owner.scheduler.idle();
      await leftBy(store, 'owner');
      const other = replica(store, clock, 'other');
      // Its renewals, every third of the failover time, keep it present for as long as it runs.
      for (let i = 0; i < 6; i++) {
        clock.advance(FAILOVER / 3);
        owner.beat();
        await waitFor(async () => (await store.leases.active(presenceLease('owner'), clock.now()))[0]?.expiresAt.getTime() === clock.ms + FAILOVER);
        expect((await other.scheduler.takeOver(clock.advance(FAILOVER / 2))).deliveries).toEqual([]);
        clock.advance(-FAILOVER / 2);
      }
      expect((await owner.scheduler.takeOver()).deliveries).toEqual([]);
      expect((await store.deliveries.open()).map((d) => [d.state, d.owner])).toEqual([
        ['sending', 'owner'],
        ['claimed', 'owner'],
        ['claimed', 'owner'],
      ]);
      await owner.scheduler.stop();
    } finally {
      await store.close();
    }
  });

  it('GIVEN a replica that stopped cleanly THEN its presence is gone at once, and the next renewal elsewhere settles its slots', async () => {
    const store = await open();
    try {
      const clock = new FakeClock(due.getTime() + 60_000);
      const leaving = replica(store, clock, 'leaving');
      const staying = replica(store, clock, 'staying');
      await Promise.all([leaving.scheduler.start(), staying.scheduler.start()]);
      await Promise.all([leaving.scheduler.idle(), staying.scheduler.idle()]);
      await leftBy(store, 'leaving');
      expect((await store.leases.active('replica:', clock.now())).map((l) => l.holder)).toEqual(['leaving', 'staying']);
      await leaving.scheduler.stop();
      expect((await store.leases.active('replica:', clock.now())).map((l) => l.holder)).toEqual(['staying']);
      // The presence renewal, as its timer runs it, takes the slots over in the background.
      staying.beat();
      await waitFor(async () => staying.poster.posted.length === 2);
      await staying.scheduler.idle();
      expect((await store.deliveries.open()).length).toBe(0);
      expect(staying.poster.posted.map((p) => p.channelId).sort()).toEqual(['c2', 'c3']);
      await staying.scheduler.stop();
      expect(await store.leases.active('replica:', clock.now())).toEqual([]);
    } finally {
      await store.close();
    }
  });
});

async function waitFor(condition: () => Promise<boolean>, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
