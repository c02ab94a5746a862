import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { migrate, migrations } from '../../src/store/migrations.js';
import { subInput, tempDir } from '../scheduler/helpers.js';

const dir = tempDir();
afterAll(() => dir.cleanup());
const t0 = new Date('2026-03-02T08:00:00Z');
const later = new Date('2026-03-02T09:00:00Z');

describe('openSqliteStore', () => {
  it('GIVEN a new file THEN it applies the migrations with WAL, foreign keys and a busy timeout', async () => {
    const store = openSqliteStore(dir.path('fresh/sub/dir.db'));
    expect(store.schemaVersion).toBe(migrations.at(-1)!.version);
    await store.close();
    // WAL is a property of the file, so a second connection sees it.
    const raw = new Database(dir.path('fresh/sub/dir.db'));
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
    // Reopening does not re-run migrations (they would fail on existing tables).
    const again = openSqliteStore(dir.path('fresh/sub/dir.db'));
    expect(again.schemaVersion).toBe(migrations.at(-1)!.version);
    again.close();
  });

  it('ping answers true while open and false once closed', async () => {
    const store = openSqliteStore(dir.path('ping.db'));
    expect(await store.ping()).toBe(true);
    store.close();
    expect(await store.ping()).toBe(false);
    // Closing twice stays harmless.
    store.close();
    expect(await store.ping()).toBe(false);
  });

  it('refuses a database written by a newer schema', async () => {
    const file = dir.path('newer.db');
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();
    expect(() => openSqliteStore(file)).toThrow(/schema version 99 is newer/);
  });

  it('GIVEN a subscription THEN it survives close and reopen', async () => {
    const file = dir.path('persist.db');
    const store = openSqliteStore(file);
    const { subscription, created } = (await store.subscriptions.upsert(subInput({ workspaceId: 'g1', days: [5, 1, 3] }), t0));
    expect(created).toBe(true);
    store.close();
    const reopened = openSqliteStore(file);
    const back = (await reopened.subscriptions.get(subscription.id))!;
    expect(back).toMatchObject({ channelId: 'chan-1', workspaceId: 'g1', topic: 'diffusion', days: [1, 3, 5], count: 3, timezone: 'Europe/Berlin' });
    expect(back.scheduleFrom.toISOString()).toBe(t0.toISOString());
    expect(back.pausedReason).toBeUndefined();
    reopened.close();
  });

  it('GIVEN the same channel and topic (any case) THEN subscribe updates the row and lifts a pause', async () => {
    const store = openSqliteStore(dir.path('upsert.db'));
    const first = (await store.subscriptions.upsert(subInput(), t0)).subscription;
    (await store.subscriptions.pause(first.id, 'Posting failed: Unknown Channel', t0));
    const second = (await store.subscriptions.upsert(subInput({ topic: 'Diffusion ', time: '07:15', count: 7 }), later));
    expect(second.created).toBe(false);
    expect(second.wasPaused).toBe(true);
    expect(second.subscription).toMatchObject({ id: first.id, time: '07:15', count: 7 });
    expect(second.subscription.pausedReason).toBeUndefined();
    expect(second.subscription.scheduleFrom.toISOString()).toBe(later.toISOString());
    expect(await store.subscriptions.listChannel({ platform: 'discord', channelId: 'chan-1' })).toHaveLength(1);
    // Another platform with the same channel ID is another channel.
    expect((await store.subscriptions.upsert(subInput({ platform: 'slack' }), t0)).created).toBe(true);
    store.close();
  });

  it('claims a slot once, moves it only by compare-and-set, and records history with `sent`', async () => {
    const store = openSqliteStore(dir.path('ledger.db'));
    const sub = (await store.subscriptions.upsert(subInput(), t0)).subscription;
    const slot = { subscriptionId: sub.id, slotDate: '2026-03-02' };
    expect(await store.deliveries.claim(slot, later, later)).toBe(true);
    expect(await store.deliveries.claim(slot, later, later)).toBe(false);
    expect(await store.deliveries.skip(slot, later, 'late', later)).toBe(false);
    expect(await store.deliveries.complete(slot, sub, ['p1'], later)).toBe(false); // not `sending` yet
    expect(await store.deliveries.transition(slot, ['claimed'], 'sending', later, { attempt: true })).toBe(true);
    expect(await store.deliveries.transition(slot, ['claimed'], 'sending', later, { attempt: true })).toBe(false);
    expect(await store.deliveries.complete(slot, sub, ['p1', 'p2'], later, 'msg-9')).toBe(true);
    expect(await store.deliveries.get(slot)).toMatchObject({ state: 'sent', attempts: 1, messageId: 'msg-9' });
    expect([...(await store.history.postedIds(sub))].sort()).toEqual(['p1', 'p2']);
    expect((await store.history.postedIds({ platform: 'discord', channelId: 'other' })).size).toBe(0);
    expect(await store.deliveries.keysSince('2026-03-01')).toEqual(new Set([`${sub.id}|2026-03-02`]));
    expect((await store.deliveries.keysSince('2026-03-03')).size).toBe(0);
    expect(await store.deliveries.open()).toEqual([]);
    store.close();
  });

  it('GIVEN a file from before replicas (version 6) THEN its open slots have no owner and its papers are no news', async () => {
    const file = dir.path('v6.db');
    const old = new Database(file);
    migrate(old, migrations.filter((m) => m.version <= 6));
    old.prepare(`INSERT INTO subscriptions (platform, channel_id, kind, topic, topic_key, time, timezone, days, count, created_by, created_at, updated_at, schedule_from)
      VALUES ('discord', 'chan-1', 'topic', 'diffusion', 'diffusion', '09:00', 'UTC', '1,2,3,4,5,6,7', 3, 'u1', 0, 0, 0)`).run();
    old.prepare("INSERT INTO deliveries (subscription_id, slot_date, due_at, state, updated_at) VALUES (1, '2026-03-02', 0, 'claimed', 0)").run();
    old.prepare(`INSERT INTO papers (id, title_key, record, first_seen, updated_at) VALUES ('pold', 'old', '{"id":"pold","title":"Old"}', 0, 0)`).run();
    old.close();
    const store = openSqliteStore(file);
    expect(store.schemaVersion).toBe(migrations.at(-1)!.version);
    const slot = { subscriptionId: 1, slotDate: '2026-03-02' };
    expect((await store.deliveries.get(slot))?.owner).toBeUndefined();
    // Whoever starts first after the upgrade may take it over.
    expect(await store.deliveries.adopt(slot, undefined, 'replica-a', later)).toBe(true);
    expect((await store.papers.all()).map((p) => p.id)).toEqual(['pold']);
    expect(await store.papers.lastChange()).toBe(0);
    expect((await store.papers.changedSince(0)).papers).toEqual([]);
    store.close();
  });

  it('two connections to one file: exactly one wins each claim', async () => {
    const file = dir.path('two.db');
    const a = openSqliteStore(file);
    const b = openSqliteStore(file);
    const sub = (await a.subscriptions.upsert(subInput(), t0)).subscription;
    const wins = await Promise.all([0, 1, 2, 3].map((i) => (i % 2 ? a : b).deliveries.claim({ subscriptionId: sub.id, slotDate: '2026-03-02' }, later, later)));
    expect(wins.filter(Boolean)).toHaveLength(1);
    a.close();
    b.close();
  });

  it('removing subscriptions removes their ledger rows (foreign key cascade) but keeps channel history', async () => {
    const store = openSqliteStore(dir.path('cascade.db'));
    const a = (await store.subscriptions.upsert(subInput(), t0)).subscription;
    (await store.subscriptions.upsert(subInput({ topic: 'vae' }), t0));
    (await store.deliveries.claim({ subscriptionId: a.id, slotDate: '2026-03-02' }, later, later));
    (await store.history.record(a, ['p1'], later));
    expect(await store.subscriptions.remove(a.id)).toBe(true);
    expect(await store.subscriptions.remove(a.id)).toBe(false);
    expect(await store.deliveries.get({ subscriptionId: a.id, slotDate: '2026-03-02' })).toBeUndefined();
    expect(await store.subscriptions.removeChannel({ platform: 'discord', channelId: 'chan-1' })).toBe(1);
    expect((await store.history.postedIds(a)).has('p1')).toBe(true);
    store.close();
  });

  it('pause hides a subscription from the active list; resume restarts its schedule from now', async () => {
    const store = openSqliteStore(dir.path('pause.db'));
    const sub = (await store.subscriptions.upsert(subInput(), t0)).subscription;
    (await store.subscriptions.pause(sub.id, 'Posting failed: Missing Access', later));
    expect(await store.subscriptions.listActive()).toEqual([]);
    expect(await store.subscriptions.get(sub.id)).toMatchObject({ pausedReason: 'Posting failed: Missing Access' });
    expect(await store.subscriptions.resume(sub.id, later)).toBe(true);
    expect(await store.subscriptions.resume(sub.id, later)).toBe(false);
    expect((await store.subscriptions.listActive()).map((s) => s.id)).toEqual([sub.id]);
    expect((await store.subscriptions.get(sub.id))!.scheduleFrom.toISOString()).toBe(later.toISOString());
    store.close();
  });
});
