/**
 * How the scheduler treats each failure kind: `uncertain` is never resent, `fatal` (bad
 * credentials) pauses nothing and halts the platform for the run, `rejected` fails one slot.
 * Also: platforms without a poster are left unclaimed, and `start` does not wait for the catch-up.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../src/core/command.js';
import type { Logger } from '../../src/core/logger.js';
import type { Poster } from '../../src/core/poster.js';
import type { Subscription } from '../../src/core/subscription.js';
import type { DeliveryHooks } from '../../src/scheduler/delivery.js';
import { FakeClock, harness, ScriptedPoster, subInput, tempDir } from './helpers.js';

const dir = tempDir();
afterAll(() => dir.cleanup());
let n = 0;
const file = () => dir.path(`outcomes-${++n}.db`);
const created = new Date('2026-03-01T12:00:00Z');
// 09:00 Europe/Berlin on Monday 2 March 2026.
const due = '2026-03-02T08:00:00Z';
const slotDate = '2026-03-02';

type Line = { level: string; obj: Record<string, unknown>; msg?: string };
function capture(): { lines: Line[]; logger: Logger } {
  const lines: Line[] = [];
  const at = (level: string) => (obj: object, msg?: string) => void lines.push({ level, obj: obj as Record<string, unknown>, ...(msg ? { msg } : {}) });
  const logger: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), child: () => logger };
  return { lines, logger };
}

function recorder(): { events: string[]; hooks: DeliveryHooks } {
  const events: string[] = [];
  return { events, hooks: { posted: (p) => events.push(`posted ${p}`), failed: (p, kind) => events.push(`failed ${p} ${kind}`) } };
}

describe('uncertain: the post may have gone out', () => {
  it('is not retried: the slot is marked uncertain and logged, and the subscription stays active', async () => {
    const { lines, logger } = capture();
    const r = recorder();
    const poster = new ScriptedPoster('slack').script('C1', { ok: false, kind: 'uncertain', message: 'HTTP 503' });
    const h = harness(file(), FakeClock.at(due), { poster, logger, hooks: r.hooks });
    const sub = (await h.store.subscriptions.upsert(subInput({ platform: 'slack', channelId: 'C1' }), created)).subscription;
    expect((await h.scheduler.tick()).deliveries).toMatchObject([{ state: 'uncertain', attempts: 1, error: 'uncertain: HTTP 503' }]);
    expect(poster.calls).toHaveLength(1);
    expect(h.sleeps).toEqual([]);
    expect(await h.store.deliveries.get({ subscriptionId: sub.id, slotDate })).toMatchObject({ state: 'uncertain', attempts: 1 });
    expect((await h.store.subscriptions.get(sub.id))!.pausedReason).toBeUndefined();
    expect(lines.find((l) => l.msg?.includes('may have been posted'))).toMatchObject({ level: 'warn', obj: { subscriptionId: sub.id } });
    expect(r.events).toEqual(['failed slack uncertain']);
    // Neither a restart nor a later tick the same day resends it; the next day posts normally.
    expect((await h.scheduler.catchUp(h.clock.set('2026-03-02T08:10:00Z'))).deliveries).toEqual([]);
    expect((await h.scheduler.tick(h.clock.set('2026-03-03T08:00:00Z'))).deliveries).toMatchObject([{ state: 'sent' }]);
    expect(poster.calls).toHaveLength(2);
    h.store.close();
  });

  it('postNow says it may have been posted and does not pause', async () => {
    const poster = new ScriptedPoster('slack').script('C1', { ok: false, kind: 'uncertain', message: 'timeout' });
    const h = harness(file(), FakeClock.at(due), { poster });
    const sub = (await h.store.subscriptions.upsert(subInput({ platform: 'slack', channelId: 'C1' }), created)).subscription;
    expect(await h.scheduler.postNow(sub.id)).toEqual({ status: 'failed', paused: false, retryable: false, error: expect.stringContaining('may have been posted') });
    expect(poster.calls).toHaveLength(1);
    h.store.close();
  });
});

describe('fatal after a transient failure', () => {
  it('the slot is uncertain, not owed: the first attempt may have gone out, so a restart must not resend it', async () => {
    const poster = new ScriptedPoster('discord').script(
      'c1',
      { ok: false, kind: 'transient', message: '502 after sending' },
      { ok: false, kind: 'fatal', message: 'Discord rejected the bot token (401)' },
    );
    const h = harness(file(), FakeClock.at(due), { poster, retry: { maxAttempts: 3 } });
    const sub = (await h.store.subscriptions.upsert(subInput({ channelId: 'c1' }), created)).subscription;
    expect((await h.scheduler.tick()).deliveries).toMatchObject([{ state: 'uncertain', attempts: 2 }]);
    expect(await h.store.deliveries.open()).toEqual([]);
    expect((await h.store.history.postedIds(sub)).size).toBeGreaterThan(0);
    h.store.close();
  });
});

describe('fatal: our credentials are refused', () => {
  it('fails the slot with the reason, pauses nothing, stops posting to that platform for the tick, and other platforms go on', async () => {
    const { lines, logger } = capture();
    const r = recorder();
    const slack = new ScriptedPoster('slack').script('C1', { ok: false, kind: 'fatal', message: 'invalid_auth' });
    const discord = new ScriptedPoster('discord');
    const posters = new Map<Platform, Poster>([
      ['slack', slack],
      ['discord', discord],
    ]);
    // One request in flight at a time, so the order is fixed (with more, those already sent cannot be recalled).
    const h = harness(file(), FakeClock.at(due), { poster: slack, posters, logger, hooks: r.hooks, maxConcurrentPosts: 1 });
    const subs: Subscription[] = [];
    for (const channelId of ['C1', 'C2', 'C3']) subs.push((await h.store.subscriptions.upsert(subInput({ platform: 'slack', channelId }), created)).subscription);
    const other = (await h.store.subscriptions.upsert(subInput({ platform: 'discord', channelId: 'd1' }), created)).subscription;

    const report = await h.scheduler.tick();
    // One request to Slack only: the others were not sent (Discord blocks bots that keep sending invalid requests).
    expect(slack.calls.map((c) => c.channelId)).toEqual(['C1']);
    expect(discord.posted.map((c) => c.channelId)).toEqual(['d1']);
    // Refused credentials post nothing: the tried slot stays owed too, with the reason recorded.
    expect(await h.store.deliveries.get({ subscriptionId: subs[0]!.id, slotDate })).toMatchObject({ state: 'claimed', error: 'fatal: invalid_auth' });
    // Nothing was sent for the rest: they stay claimed, so a restart with a fixed token posts them within grace.
    for (const sub of subs.slice(1)) expect((await h.store.deliveries.get({ subscriptionId: sub.id, slotDate }))!.state).toBe('claimed');
    expect(report.deliveries.find((d) => d.subscriptionId === subs[1]!.id)).toMatchObject({ state: 'claimed', error: expect.stringContaining('invalid_auth') });
    expect((await h.store.deliveries.get({ subscriptionId: other.id, slotDate }))!.state).toBe('sent');
    for (const sub of subs) expect((await h.store.subscriptions.get(sub.id))!.pausedReason).toBeUndefined();
    expect(lines.filter((l) => l.level === 'error' && l.msg?.includes('refused our credentials'))).toHaveLength(1);
    expect(lines.some((l) => l.msg === 'subscription paused')).toBe(false);
    expect(r.events.sort()).toEqual(['failed slack fatal', 'posted discord']);

    // After the token is fixed and the bot restarted, every owed slot is posted, the one that met the refusal too.
    const restarted = harness(dir.path(`outcomes-${n}.db`), FakeClock.at('2026-03-02T08:30:00Z'), { poster: new ScriptedPoster('slack') });
    expect((await restarted.scheduler.catchUp()).deliveries.map((d) => d.state)).toEqual(['sent', 'sent', 'sent']);
    h.store.close();
    restarted.store.close();
  });

  it('a halt lasts one run: the next tick tries the platform again', async () => {
    const poster = new ScriptedPoster('slack').script('C1', { ok: false, kind: 'fatal', message: 'token_revoked' });
    const h = harness(file(), FakeClock.at(due), { poster });
    (await h.store.subscriptions.upsert(subInput({ platform: 'slack', channelId: 'C1' }), created));
    await h.scheduler.tick();
    (await h.store.subscriptions.upsert(subInput({ platform: 'slack', channelId: 'C2', time: '09:30' }), created));
    expect((await h.scheduler.tick(h.clock.set('2026-03-02T08:30:00Z'))).deliveries).toMatchObject([{ state: 'sent' }]);
    h.store.close();
  });

  it('postNow reports the failure without pausing', async () => {
    const poster = new ScriptedPoster('discord').script('c1', { ok: false, kind: 'fatal', message: 'Discord rejected the bot token (401)' });
    const h = harness(file(), FakeClock.at(due), { poster });
    const sub = (await h.store.subscriptions.upsert(subInput({ channelId: 'c1' }), created)).subscription;
    expect(await h.scheduler.postNow(sub.id)).toMatchObject({ status: 'failed', paused: false, error: "the platform refused the bot's credentials" });
    expect((await h.store.subscriptions.get(sub.id))!.pausedReason).toBeUndefined();
    h.store.close();
  });
});

describe('rejected: the platform refused this message', () => {
  it('fails that slot once, without retry or pause, and the other channels of the platform are still posted', async () => {
    const { lines, logger } = capture();
    const r = recorder();
    const poster = new ScriptedPoster('discord').script('bad', { ok: false, kind: 'rejected', message: '400 50035: Invalid Form Body' });
    const h = harness(file(), FakeClock.at(due), { poster, logger, hooks: r.hooks });
    const bad = (await h.store.subscriptions.upsert(subInput({ channelId: 'bad' }), created)).subscription;
    (await h.store.subscriptions.upsert(subInput({ channelId: 'good' }), created));
    await h.scheduler.tick();
    expect(poster.calls.filter((c) => c.channelId === 'bad')).toHaveLength(1);
    expect(poster.posted.map((c) => c.channelId)).toEqual(['good']);
    expect(await h.store.deliveries.get({ subscriptionId: bad.id, slotDate })).toMatchObject({ state: 'failed', error: 'rejected: 400 50035: Invalid Form Body' });
    expect((await h.store.subscriptions.get(bad.id))!.pausedReason).toBeUndefined();
    expect(lines.find((l) => l.msg?.includes('rejected the digest'))).toMatchObject({ level: 'error' });
    expect(r.events.sort()).toEqual(['failed discord rejected', 'posted discord']);
    h.store.close();
  });
});

describe('a platform without a poster', () => {
  it('leaves its slots unclaimed, logs once, and posts them when the platform is back within grace', async () => {
    const { lines, logger } = capture();
    const r = recorder();
    const discord = new ScriptedPoster('discord');
    const posters = new Map<Platform, Poster>([['discord', discord]]);
    const h = harness(file(), FakeClock.at(due), { poster: discord, posters, logger, hooks: r.hooks });
    const sub = (await h.store.subscriptions.upsert(subInput({ platform: 'slack', channelId: 'C1' }), created)).subscription;
    expect(await h.scheduler.catchUp()).toMatchObject({ claimed: 0, deliveries: [] });
    expect((await h.scheduler.tick(h.clock.set('2026-03-02T08:01:00Z'))).claimed).toBe(0);
    expect(await h.store.deliveries.get({ subscriptionId: sub.id, slotDate })).toBeUndefined();
    expect(lines.filter((l) => l.obj.platform === 'slack' && l.msg?.includes('no poster'))).toHaveLength(1);
    expect(r.events).toEqual([]);

    const slack = new ScriptedPoster('slack');
    posters.set('slack', slack);
    expect((await h.scheduler.tick(h.clock.set('2026-03-02T08:30:00Z'))).deliveries).toMatchObject([{ subscriptionId: sub.id, state: 'sent' }]);
    expect(slack.posted).toHaveLength(1);
    h.store.close();
  });
});

describe('start', () => {
  it('returns once the catch-up is claimed, without waiting for the posts; idle() waits for them', async () => {
    const path = file();
    const setup = harness(path, FakeClock.at('2026-03-01T12:00:00Z'));
    (await setup.store.subscriptions.upsert(subInput({ channelId: 'slow' }), created));
    setup.store.close();
    let release!: () => void;
    const poster = new ScriptedPoster('discord');
    poster.gates.set('slow', new Promise<void>((resolve) => (release = resolve)));
    const h = harness(path, FakeClock.at('2026-03-02T08:10:00Z'), { poster });
    const started = await Promise.race([h.scheduler.start(), new Promise<'blocked'>((resolve) => setTimeout(() => resolve('blocked'), 500))]);
    expect(started).toEqual({ claimed: 1, skipped: 0, uncertain: 0 });
    expect(poster.posted).toHaveLength(0);
    let idle = false;
    const waiting = h.scheduler.idle().then(() => (idle = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(idle).toBe(false);
    release();
    await waiting;
    expect(poster.posted.map((p) => p.channelId)).toEqual(['slow']);
    await h.scheduler.stop();
    h.store.close();
  });

  it('stop() stops the minute timer before waiting for posts in flight', async () => {
    const events: string[] = [];
    const poster = new ScriptedPoster('discord');
    poster.gates.set('c1', new Promise<void>(() => {}));
    const h = harness(file(), FakeClock.at(due), { poster, stopTimeoutMs: 50, schedule: () => ({ stop: () => void events.push('timer stopped') }) });
    (await h.store.subscriptions.upsert(subInput({ channelId: 'c1' }), created));
    await h.scheduler.start();
    const stopping = h.scheduler.stop();
    events.push('stop() returned its promise');
    await stopping;
    expect(events).toEqual(['timer stopped', 'stop() returned its promise']);
    h.store.close();
  });
});

describe('GIVEN a 429 after a Discord timeout', () => {
  it('THEN the slot stays "sending" during the wait, so a crash then is never resent', async () => {
    const poster = new ScriptedPoster('discord').script(
      'c1',
      { ok: false, kind: 'transient', message: 'timeout: the first request may have been posted' },
      { ok: false, kind: 'rate_limited', retryAfterMs: 5000, message: '429' },
    );
    const statesDuringWaits: string[] = [];
    const h = harness(file(), FakeClock.at(due), {
      poster,
      sleep: async () => {
        statesDuringWaits.push((await h.store.deliveries.get({ subscriptionId: 1, slotDate }))!.state);
      },
    });
    (await h.store.subscriptions.upsert(subInput({ channelId: 'c1' }), created));
    await h.scheduler.tick();
    // Backoff after the timeout, then the 429 wait: neither may claim "nothing was sent".
    expect(statesDuringWaits).toEqual(['sending', 'sending']);
    expect((await h.store.deliveries.get({ subscriptionId: 1, slotDate }))!.state).toBe('sent');
    h.store.close();
  });
});
