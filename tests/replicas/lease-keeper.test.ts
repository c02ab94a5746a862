/** The lease keeper over a real store: one holder, renewals, hand-over, and a database that stops answering. */
import { afterAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../src/core/logger.js';
import { createLeaseKeeper, type LeaseKeeper } from '../../src/replicas/lease-keeper.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { FakeClock, tempDir } from '../scheduler/helpers.js';

const dir = tempDir();
afterAll(() => dir.cleanup());
const TTL = 30_000;

function keeper(store: ReturnType<typeof openSqliteStore>, holder: string, clock: FakeClock, changes: string[], logger?: Logger): LeaseKeeper & { tick: () => void } {
  let tick = () => {};
  const k = createLeaseKeeper({
    leases: store.leases,
    name: 'ingest',
    holder,
    ttlMs: TTL,
    now: clock.now,
    every: (ms, run) => {
      expect(ms).toBe(TTL / 3);
      tick = run;
      return { stop: () => (tick = () => {}) };
    },
    onChange: (held) => changes.push(`${holder} ${held ? 'gained' : 'lost'}`),
    ...(logger ? { logger } : {}),
  });
  return Object.assign(k, { tick: () => tick() });
}

describe('a lease keeper', () => {
  it('holds while it renews; another takes over when it stops renewing, or at once when it stops', async () => {
    const store = openSqliteStore(dir.path('keeper.db'));
    const clock = FakeClock.at('2026-03-02T08:00:00Z');
    const changes: string[] = [];
    const a = keeper(store, 'a', clock, changes);
    const b = keeper(store, 'b', clock, changes);
    expect(await a.start()).toBe(true);
    expect(await b.start()).toBe(false);
    for (let i = 0; i < 5; i++) {
      clock.advance(TTL / 3);
      expect(await a.beat()).toBe(true);
      expect(await b.beat()).toBe(false);
    }
    // `a` goes silent (a crash): `b` gets the lease once it has expired, not before.
    clock.advance(TTL - 1);
    expect(await b.beat()).toBe(false);
    clock.advance(1);
    expect(await b.beat()).toBe(true);
    expect(await a.beat()).toBe(false);
    // A clean stop gives it up at once.
    await b.stop();
    expect(await a.beat()).toBe(true);
    expect(changes).toEqual(['a gained', 'b gained', 'a lost', 'b lost', 'a gained']);
    await a.stop();
    store.close();
  });

  it('counts a renewal the database refused as lost at once, and says so once', async () => {
    const store = openSqliteStore(dir.path('closed.db'));
    const clock = FakeClock.at('2026-03-02T08:00:00Z');
    const changes: string[] = [];
    const warnings: string[] = [];
    const logger: Logger = { debug() {}, info() {}, warn: (_o, msg) => void warnings.push(msg ?? ''), error() {}, child: () => logger };
    const a = keeper(store, 'a', clock, changes, logger);
    expect(await a.start()).toBe(true);
    store.close();
    expect(await a.beat()).toBe(false);
    expect(await a.beat()).toBe(false);
    expect(changes).toEqual(['a gained', 'a lost']);
    expect(warnings).toEqual(['could not renew a lease; acting as if lost until the database answers']);
    await a.stop();
  });
});
