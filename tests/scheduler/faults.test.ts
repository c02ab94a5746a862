import { afterAll, describe, expect, it } from 'vitest';
import { backoffMs, DEFAULT_RETRY } from '../../src/scheduler/retry.js';
import { FakeClock, harness, ScriptedPoster, subInput, tempDir } from './helpers.js';

const dir = tempDir();
afterAll(() => dir.cleanup());
let n = 0;
const file = () => dir.path(`faults-${++n}.db`);
const created = new Date('2026-03-01T12:00:00Z');
const due = '2026-03-02T08:00:00Z';

describe('posting faults', () => {
  it('429: waits the Retry-After the platform asked for, then posts once', async () => {
    const poster = new ScriptedPoster().script('c1', { ok: false, kind: 'rate_limited', retryAfterMs: 7_500, message: '429' });
    const h = harness(file(), FakeClock.at(due), { poster });
    const sub = (await h.store.subscriptions.upsert(subInput({ channelId: 'c1' }), created)).subscription;
    const report = await h.scheduler.tick();
    expect(report.deliveries).toMatchObject([{ state: 'sent', attempts: 2 }]);
    expect(h.sleeps).toEqual([7_500]);
    expect(poster.calls).toHaveLength(2);
    expect(poster.posted).toHaveLength(1);
    expect(await h.store.deliveries.get({ subscriptionId: sub.id, slotDate: '2026-03-02' })).toMatchObject({ state: 'sent', attempts: 2 });
    h.store.close();
  });

  it('500: retried with exponential backoff, then succeeds', async () => {
    const poster = new ScriptedPoster().script('c1', { ok: false, kind: 'transient', message: 'HTTP 500' }, { ok: false, kind: 'transient', message: 'HTTP 502' });
    const h = harness(file(), FakeClock.at(due), { poster, retry: { maxAttempts: 3, baseDelayMs: 1000 } });
    (await h.store.subscriptions.upsert(subInput({ channelId: 'c1' }), created));
    const report = await h.scheduler.tick();
    expect(report.deliveries).toMatchObject([{ state: 'sent', attempts: 3 }]);
    // random() = 0.5: half fixed plus half of the jitter range → 750 ms, then 1500 ms.
    expect(h.sleeps).toEqual([750, 1500]);
    expect(poster.posted).toHaveLength(1);
    h.store.close();
  });

  it('transient failures past the attempt limit fail the slot without pausing', async () => {
    const fail = { ok: false as const, kind: 'transient' as const, message: 'timeout' };
    const poster = new ScriptedPoster().script('c1', fail, fail, fail, fail);
    const h = harness(file(), FakeClock.at(due), { poster });
    const sub = (await h.store.subscriptions.upsert(subInput({ channelId: 'c1' }), created)).subscription;
    const report = await h.scheduler.tick();
    expect(report.deliveries).toMatchObject([{ state: 'failed', attempts: 3, error: 'transient: timeout' }]);
    expect(poster.calls).toHaveLength(3);
    expect((await h.store.subscriptions.get(sub.id))!.pausedReason).toBeUndefined();
    h.store.close();
  });

  it('unknown channel: pauses the subscription with the reason, and it stops being scheduled', async () => {
    const poster = new ScriptedPoster().script('gone', { ok: false, kind: 'permanent', message: 'Unknown Channel (10003)' });
    const h = harness(file(), FakeClock.at(due), { poster });
    const sub = (await h.store.subscriptions.upsert(subInput({ channelId: 'gone' }), created)).subscription;
    const report = await h.scheduler.tick();
    expect(report.deliveries).toMatchObject([{ state: 'paused', attempts: 1 }]);
    expect((await h.store.subscriptions.get(sub.id))!.pausedReason).toBe('Posting failed: Unknown Channel (10003)');
    expect((await h.scheduler.tick(h.clock.set('2026-03-03T08:00:00Z'))).claimed).toBe(0);
    expect(poster.calls).toHaveLength(1);
    // Subscribing again lifts the pause.
    (await h.store.subscriptions.upsert(subInput({ channelId: 'gone' }), h.clock.set('2026-03-03T09:00:00Z')));
    expect((await h.scheduler.tick(h.clock.set('2026-03-04T08:00:00Z'))).deliveries).toMatchObject([{ state: 'sent' }]);
    h.store.close();
  });

  it('one channel stuck waiting on a 429 does not delay the others', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const poster = new ScriptedPoster().script('slow', { ok: false, kind: 'rate_limited', retryAfterMs: 60_000, message: '429' });
    const h = harness(file(), FakeClock.at(due), {
      poster,
      sleep: (ms) => (ms === 60_000 ? held : Promise.resolve()),
    });
    (await h.store.subscriptions.upsert(subInput({ channelId: 'slow' }), created));
    for (let i = 0; i < 5; i++) (await h.store.subscriptions.upsert(subInput({ channelId: `fast${i}` }), created));
    const tick = h.scheduler.tick();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(poster.posted.map((p) => p.channelId).sort()).toEqual(['fast0', 'fast1', 'fast2', 'fast3', 'fast4']);
    release();
    const report = await tick;
    expect(report.deliveries.every((d) => d.state === 'sent')).toBe(true);
    expect(poster.posted.map((p) => p.channelId)).toContain('slow');
    h.store.close();
  });

  it('stop() cuts waits short, leaves a rate-limited slot claimed, and a restart sends it once', async () => {
    const path = file();
    const poster = new ScriptedPoster().script('c1', { ok: false, kind: 'rate_limited', retryAfterMs: 3_600_000, message: '429' });
    const h = harness(path, FakeClock.at(due), { poster, sleep: () => new Promise(() => {}), stopTimeoutMs: 2_000 });
    const sub = (await h.store.subscriptions.upsert(subInput({ channelId: 'c1' }), created)).subscription;
    const tick = h.scheduler.tick();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const started = Date.now();
    await h.scheduler.stop();
    expect(Date.now() - started).toBeLessThan(1_000);
    expect((await tick).deliveries).toMatchObject([{ state: 'aborted', error: 'stopping' }]);
    expect((await h.store.deliveries.get({ subscriptionId: sub.id, slotDate: '2026-03-02' }))!.state).toBe('claimed');
    h.store.close();
    const again = harness(path, FakeClock.at('2026-03-02T08:10:00Z'));
    expect((await again.scheduler.catchUp()).deliveries).toMatchObject([{ state: 'sent' }]);
    expect(again.poster.posted).toHaveLength(1);
    again.store.close();
  });

  it('a poster that throws is treated as transient', async () => {
    const poster = new ScriptedPoster();
    let calls = 0;
    const original = poster.post.bind(poster);
    poster.post = async (...args) => {
      if (++calls === 1) throw new Error('socket hang up');
      return original(...args);
    };
    const h = harness(file(), FakeClock.at(due), { poster });
    (await h.store.subscriptions.upsert(subInput({ channelId: 'c1' }), created));
    expect((await h.scheduler.tick()).deliveries).toMatchObject([{ state: 'sent', attempts: 2 }]);
    h.store.close();
  });

  it('backoff doubles and is capped', async () => {
    const policy = { ...DEFAULT_RETRY, baseDelayMs: 1000, maxDelayMs: 5000 };
    expect([1, 2, 3, 4].map((r) => backoffMs(policy, r, () => 1))).toEqual([1000, 2000, 4000, 5000]);
    expect(backoffMs(policy, 1, () => 0)).toBe(500);
  });
});
