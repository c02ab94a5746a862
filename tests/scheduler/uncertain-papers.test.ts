/**
 * A digest that may have been posted (timeout after sending, or a crash while sending) is never
 * resent, and its papers count as seen: the next digest does not repeat them, and `subscriptions`
 * tells the channel the digest may be missing.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createRegistry } from '../../commands/index.js';
import { Bot } from '../../src/core/bot.js';
import { createSubscriptionService } from '../../src/scheduler/service.js';
import { FakeClock, harness, realLibrary, ScriptedPoster, subInput, tempDir } from './helpers.js';

const dir = tempDir();
afterAll(() => dir.cleanup());
let n = 0;
const file = () => dir.path(`uncertain-${++n}.db`);
const created = new Date('2026-11-29T12:00:00Z');
const paperIds = (poster: ScriptedPoster, i: number) =>
  poster.calls[i]!.reply.blocks.flatMap((b) => (b.type === 'paper' ? [b.paper.id] : []));

describe('an uncertain digest', () => {
  it('counts its papers as seen: the next day brings other papers, and subscriptions says it may be missing', async () => {
    const poster = new ScriptedPoster('discord').script('c1', { ok: false, kind: 'uncertain', message: 'timeout of 10000ms exceeded' });
    // 09:00 Berlin on Mon 30 Nov is 08:00 UTC.
    const h = harness(file(), FakeClock.at('2026-11-30T08:00:00Z'), { poster });
    const sub = (await h.store.subscriptions.upsert(subInput({ channelId: 'c1', topic: 'diffusion', count: 3 }), created)).subscription;
    expect((await h.scheduler.tick()).deliveries).toMatchObject([{ state: 'uncertain' }]);
    const first = paperIds(poster, 0);
    expect(first).toHaveLength(3);
    expect([...(await h.store.history.postedIds(sub))].sort()).toEqual([...first].sort());

    const service = createSubscriptionService({ store: h.store, postNow: h.scheduler.postNow, clock: h.clock, defaultTimezone: 'Europe/Berlin' });
    const bot = new Bot({ registry: createRegistry(), library: realLibrary, subscriptions: service, now: h.clock.now });
    const listing = await bot.runText('subscriptions', { platform: 'discord', userId: 'u', channelId: 'c1' });
    expect(listing.text).toContain('The digest of Mon 30 Nov may not have been delivered; it was not resent.');

    h.clock.set('2026-12-01T08:00:00Z');
    expect((await h.scheduler.tick()).deliveries).toMatchObject([{ state: 'sent' }]);
    const second = paperIds(poster, 1);
    expect(second).toHaveLength(3);
    expect(second.filter((id) => first.includes(id))).toEqual([]);
    expect((await bot.runText('subscriptions', { platform: 'discord', userId: 'u', channelId: 'c1' })).text).not.toContain('may not have been delivered');
    await h.store.close();
  });

  it('left "sending" by a crash: the restart marks it uncertain and its papers as seen', async () => {
    const path = file();
    const crashed = harness(path, FakeClock.at('2026-11-30T08:00:00Z'));
    const sub = (await crashed.store.subscriptions.upsert(subInput({ channelId: 'c1', count: 2 }), created)).subscription;
    const slot = { subscriptionId: sub.id, slotDate: '2026-11-30' };
    // What a tick does right before the network call, then the process dies.
    await crashed.store.deliveries.claim(slot, new Date('2026-11-30T08:00:00Z'), new Date('2026-11-30T08:00:00Z'));
    await crashed.store.deliveries.transition(slot, ['claimed'], 'sending', new Date('2026-11-30T08:00:01Z'), { attempt: true, paperIds: ['pskim5ab', 'pulpqdl2'] });
    await crashed.store.close();

    const restarted = harness(path, FakeClock.at('2026-11-30T08:05:00Z'));
    expect((await restarted.scheduler.catchUp()).uncertain).toBe(1);
    expect(restarted.poster.calls).toHaveLength(0);
    expect([...(await restarted.store.history.postedIds(sub))].sort()).toEqual(['pskim5ab', 'pulpqdl2']);
    await restarted.store.close();
  });

  it('digest-now that may have been posted says so in plain words, and its papers count as seen', async () => {
    const poster = new ScriptedPoster('discord').script('c1', { ok: false, kind: 'uncertain', message: 'A request error occurred: timeout of 10000ms exceeded' });
    const h = harness(file(), FakeClock.at('2026-11-30T10:00:00Z'), { poster });
    const sub = (await h.store.subscriptions.upsert(subInput({ channelId: 'c1', count: 2 }), created)).subscription;
    const service = createSubscriptionService({ store: h.store, postNow: h.scheduler.postNow, clock: h.clock });
    const bot = new Bot({ registry: createRegistry(), library: realLibrary, subscriptions: service, now: h.clock.now });
    const reply = await bot.runText('digest-now', { platform: 'discord', userId: 'u', channelId: 'c1', canManageChannel: true });
    expect(reply.text).toBe("I couldn't post the digest for “diffusion”: the platform did not confirm the post in time, so it may have been posted; check the channel before trying again.");
    expect(reply.text).not.toContain('timeout of');
    expect((await h.store.history.postedIds(sub)).size).toBe(2);
    await h.store.close();
  });
});
