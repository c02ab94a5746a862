import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { migrations } from '../../src/store/migrations.js';
import { subInput, tempDir } from '../scheduler/helpers.js';

const dir = tempDir();
afterAll(() => dir.cleanup());
const t0 = new Date('2026-03-02T08:00:00Z');
const later = new Date('2026-03-02T09:00:00Z');

describe('openSqliteStore', () => {
  it('GIVEN a new file THEN it applies the migrations with WAL, foreign keys and a busy timeout', () => {
    const store = openSqliteStore(dir.path('fresh/sub/dir.db'));
    expect(store.schemaVersion).toBe(migrations.at(-1)!.version);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.db.pragma('busy_timeout', { simple: true })).toBe(5000);
    store.close();
    // Reopening does not re-run migrations (they would fail on existing tables).
    const again = openSqliteStore(dir.path('fresh/sub/dir.db'));
    expect(again.schemaVersion).toBe(1);
    again.close();
  });

  it('ping answers true while open and false once closed', () => {
    const store = openSqliteStore(dir.path('ping.db'));
    expect(store.ping()).toBe(true);
    store.close();
    expect(store.ping()).toBe(false);
    // Closing twice stays harmless.
    store.close();
    expect(store.ping()).toBe(false);
  });

  it('refuses a database written by a newer schema', () => {
    const file = dir.path('newer.db');
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();
    expect(() => openSqliteStore(file)).toThrow(/schema version 99 is newer/);
  });

  it('GIVEN a subscription THEN it survives close and reopen', () => {
    const file = dir.path('persist.db');
    const store = openSqliteStore(file);
    const { subscription, created } = store.upsertSubscription(subInput({ workspaceId: 'g1', days: [5, 1, 3] }), t0);
    expect(created).toBe(true);
    store.close();
    const reopened = openSqliteStore(file);
    const back = reopened.getSubscription(subscription.id)!;
    expect(back).toMatchObject({ channelId: 'chan-1', workspaceId: 'g1', topic: 'diffusion', days: [1, 3, 5], count: 3, timezone: 'Europe/Berlin' });
    expect(back.scheduleFrom.toISOString()).toBe(t0.toISOString());
    expect(back.pausedReason).toBeUndefined();
    reopened.close();
  });

  it('GIVEN the same channel and topic (any case) THEN subscribe updates the row and lifts a pause', () => {
    const store = openSqliteStore(dir.path('upsert.db'));
    const first = store.upsertSubscription(subInput(), t0).subscription;
    store.pause(first.id, 'Posting failed: Unknown Channel', t0);
    const second = store.upsertSubscription(subInput({ topic: 'Diffusion ', time: '07:15', count: 7 }), later);
    expect(second.created).toBe(false);
    expect(second.wasPaused).toBe(true);
    expect(second.subscription).toMatchObject({ id: first.id, time: '07:15', count: 7 });
    expect(second.subscription.pausedReason).toBeUndefined();
    expect(second.subscription.scheduleFrom.toISOString()).toBe(later.toISOString());
    expect(store.listChannel({ platform: 'discord', channelId: 'chan-1' })).toHaveLength(1);
    // Another platform with the same channel ID is another channel.
    expect(store.upsertSubscription(subInput({ platform: 'slack' }), t0).created).toBe(true);
    store.close();
  });

  it('claims a slot once, moves it only by compare-and-set, and records history with `sent`', () => {
    const store = openSqliteStore(dir.path('ledger.db'));
    const sub = store.upsertSubscription(subInput(), t0).subscription;
    const slot = { subscriptionId: sub.id, slotDate: '2026-03-02' };
    expect(store.claimSlot(slot, later, later)).toBe(true);
    expect(store.claimSlot(slot, later, later)).toBe(false);
    expect(store.skipSlot(slot, later, 'late', later)).toBe(false);
    expect(store.completeSlot(slot, sub, ['p1'], later)).toBe(false); // not `sending` yet
    expect(store.transition(slot, ['claimed'], 'sending', later, { attempt: true })).toBe(true);
    expect(store.transition(slot, ['claimed'], 'sending', later, { attempt: true })).toBe(false);
    expect(store.completeSlot(slot, sub, ['p1', 'p2'], later, 'msg-9')).toBe(true);
    expect(store.getDelivery(slot)).toMatchObject({ state: 'sent', attempts: 1, messageId: 'msg-9' });
    expect([...store.postedIds(sub)].sort()).toEqual(['p1', 'p2']);
    expect(store.postedIds({ platform: 'discord', channelId: 'other' }).size).toBe(0);
    expect(store.slotKeysSince('2026-03-01')).toEqual(new Set([`${sub.id}|2026-03-02`]));
    expect(store.slotKeysSince('2026-03-03').size).toBe(0);
    expect(store.openDeliveries()).toEqual([]);
    store.close();
  });

  it('two connections to one file: exactly one wins each claim', () => {
    const file = dir.path('two.db');
    const a = openSqliteStore(file);
    const b = openSqliteStore(file);
    const sub = a.upsertSubscription(subInput(), t0).subscription;
    const wins = [0, 1, 2, 3].map((i) => (i % 2 ? a : b).claimSlot({ subscriptionId: sub.id, slotDate: '2026-03-02' }, later, later));
    expect(wins.filter(Boolean)).toHaveLength(1);
    a.close();
    b.close();
  });

  it('removing subscriptions removes their ledger rows (foreign key cascade) but keeps channel history', () => {
    const store = openSqliteStore(dir.path('cascade.db'));
    const a = store.upsertSubscription(subInput(), t0).subscription;
    store.upsertSubscription(subInput({ topic: 'vae' }), t0);
    store.claimSlot({ subscriptionId: a.id, slotDate: '2026-03-02' }, later, later);
    store.recordPosted(a, ['p1'], later);
    expect(store.removeSubscription(a.id)).toBe(true);
    expect(store.removeSubscription(a.id)).toBe(false);
    expect(store.getDelivery({ subscriptionId: a.id, slotDate: '2026-03-02' })).toBeUndefined();
    expect(store.removeChannel({ platform: 'discord', channelId: 'chan-1' })).toBe(1);
    expect(store.postedIds(a).has('p1')).toBe(true);
    store.close();
  });

  it('pause hides a subscription from the active list; resume restarts its schedule from now', () => {
    const store = openSqliteStore(dir.path('pause.db'));
    const sub = store.upsertSubscription(subInput(), t0).subscription;
    store.pause(sub.id, 'Posting failed: Missing Access', later);
    expect(store.listActive()).toEqual([]);
    expect(store.getSubscription(sub.id)).toMatchObject({ pausedReason: 'Posting failed: Missing Access' });
    expect(store.resume(sub.id, later)).toBe(true);
    expect(store.resume(sub.id, later)).toBe(false);
    expect(store.listActive().map((s) => s.id)).toEqual([sub.id]);
    expect(store.getSubscription(sub.id)!.scheduleFrom.toISOString()).toBe(later.toISOString());
    store.close();
  });
});
