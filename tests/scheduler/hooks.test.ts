import { afterAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../src/core/command.js';
import { silentLogger, type Logger } from '../../src/core/logger.js';
import { createSubscriptionService } from '../../src/scheduler/service.js';
import type { DeliveryHooks } from '../../src/scheduler/delivery.js';
import { FakeClock, harness, ScriptedPoster, subInput, tempDir } from './helpers.js';

const dir = tempDir();
afterAll(() => dir.cleanup());
let n = 0;
const file = () => dir.path(`hooks-${++n}.db`);
const created = new Date('2026-03-01T12:00:00Z');
const due = '2026-03-02T08:00:00Z';

/** Hooks that record every call as a readable string. */
function recorder(): { events: string[]; hooks: DeliveryHooks } {
  const events: string[] = [];
  return {
    events,
    hooks: {
      posted: (platform: Platform) => events.push(`posted ${platform}`),
      failed: (platform, kind) => events.push(`failed ${platform} ${kind}`),
      rateLimited: (platform, seconds) => events.push(`rateLimited ${platform} ${seconds}`),
    },
  };
}

describe('scheduler hooks', () => {
  it('posted once per digest; rateLimited on every 429 wait, in seconds', async () => {
    const r = recorder();
    const limited = { ok: false as const, kind: 'rate_limited' as const, retryAfterMs: 2_500, message: '429' };
    const poster = new ScriptedPoster().script('c1', limited, { ...limited, retryAfterMs: 500 }).script('c2', { ok: false, kind: 'transient', message: '500' });
    const h = harness(file(), FakeClock.at(due), { poster, hooks: r.hooks });
    (await h.store.subscriptions.upsert(subInput({ channelId: 'c1' }), created));
    (await h.store.subscriptions.upsert(subInput({ channelId: 'c2' }), created));
    const report = await h.scheduler.tick();
    expect(report.deliveries.map((d) => d.state)).toEqual(['sent', 'sent']);
    // A transient retry is not a rate-limit wait and not a failure.
    expect(r.events.sort()).toEqual(['posted discord', 'posted discord', 'rateLimited discord 0.5', 'rateLimited discord 2.5']);
  });

  it('failed once per slot that ends failed, with the final outcome kind', async () => {
    const r = recorder();
    const transient = { ok: false as const, kind: 'transient' as const, message: 'timeout' };
    const limited = { ok: false as const, kind: 'rate_limited' as const, retryAfterMs: 1000, message: '429' };
    const poster = new ScriptedPoster()
      .script('gone', { ok: false, kind: 'permanent', message: 'Unknown Channel (10003)' })
      .script('flaky', transient, transient, transient)
      .script('busy', limited, limited, limited);
    const h = harness(file(), FakeClock.at(due), { poster, hooks: r.hooks, retry: { maxAttempts: 3, maxRateLimitWaits: 2 } });
    for (const channelId of ['gone', 'flaky', 'busy']) (await h.store.subscriptions.upsert(subInput({ channelId }), created));
    const report = await h.scheduler.tick();
    expect(report.deliveries.map((d) => d.state)).toEqual(['paused', 'failed', 'failed']);
    expect(r.events.filter((e) => e.startsWith('failed')).sort()).toEqual(['failed discord permanent', 'failed discord rate_limited', 'failed discord transient']);
    // Two waits, then the third 429 gives up without waiting.
    expect(r.events.filter((e) => e.startsWith('rateLimited'))).toEqual(['rateLimited discord 1', 'rateLimited discord 1']);
    expect(r.events.some((e) => e.startsWith('posted'))).toBe(false);
  });

  it('a platform with no poster reports nothing: its slots are not claimed, so nothing fails', async () => {
    const r = recorder();
    const h = harness(file(), FakeClock.at(due), { hooks: r.hooks });
    (await h.store.subscriptions.upsert(subInput({ platform: 'slack', channelId: 'C1' }), created));
    expect(await h.scheduler.tick()).toMatchObject({ claimed: 0, deliveries: [] });
    expect(r.events).toEqual([]);
  });

  it('postNow reports through the same hooks', async () => {
    const r = recorder();
    const poster = new ScriptedPoster().script('gone', { ok: false, kind: 'permanent', message: 'Missing Access (50001)' });
    const h = harness(file(), FakeClock.at(due), { poster, hooks: r.hooks });
    const ok = (await h.store.subscriptions.upsert(subInput({ channelId: 'c1' }), created)).subscription;
    const gone = (await h.store.subscriptions.upsert(subInput({ channelId: 'gone' }), created)).subscription;
    expect(await h.scheduler.postNow(ok.id)).toMatchObject({ status: 'posted' });
    expect(await h.scheduler.postNow(gone.id)).toMatchObject({ status: 'failed', paused: true });
    expect(r.events).toEqual(['posted discord', 'failed discord permanent']);
  });

  it('a hook that throws does not break delivery', async () => {
    const logged: string[] = [];
    const logger: Logger = { ...silentLogger, warn: (_: object, msg?: string) => void logged.push(msg ?? '') };
    const h = harness(file(), FakeClock.at(due), {
      logger,
      hooks: {
        posted: () => {
          throw new Error('metrics down');
        },
      },
    });
    const sub = (await h.store.subscriptions.upsert(subInput({ channelId: 'c1' }), created)).subscription;
    expect((await h.scheduler.tick()).deliveries).toMatchObject([{ state: 'sent' }]);
    expect((await h.store.deliveries.get({ subscriptionId: sub.id, slotDate: '2026-03-02' }))!.state).toBe('sent');
    expect(logged).toContain('delivery hook threw');
  });
});

describe('subscription service defaultTime', () => {
  const postNow = async () => ({ status: 'not_found' as const });
  it('defaults to 09:00 and normalises a configured time', async () => {
    const h = harness(file(), FakeClock.at(due));
    expect(createSubscriptionService({ store: h.store, postNow }).defaultTime).toBe('09:00');
    expect(createSubscriptionService({ store: h.store, postNow, defaultTime: '7:30' }).defaultTime).toBe('07:30');
    expect(() => createSubscriptionService({ store: h.store, postNow, defaultTime: '25:00' })).toThrow(/not a time/);
    h.store.close();
  });
});
