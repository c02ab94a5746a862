/**
 * Scheduler faults through the real platform posters against the local Discord and Slack fakes:
 * real HTTP, real error classification, a real SQLite file, the real corpus. Only time is fake
 * (clock and sleep are injected), so Retry-After and backoff waits are asserted, not waited out.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRegistry } from '../../commands/index.js';
import { ActionCodec } from '../../src/core/actions.js';
import { Bot } from '../../src/core/bot.js';
import type { Subscription } from '../../src/core/subscription.js';
import type { Platform } from '../../src/core/command.js';
import type { Poster } from '../../src/core/poster.js';
import { DiscordPoster } from '../../src/platforms/discord/index.js';
import { createStrictClient, SlackPoster } from '../../src/platforms/slack/poster.js';
import type { DeliveryHooks } from '../../src/scheduler/delivery.js';
import { createScheduler, type Scheduler, type SchedulerOptions } from '../../src/scheduler/scheduler.js';
import { createSubscriptionService } from '../../src/scheduler/service.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite.js';
import { faults, snowflake, startFakeDiscord, type FakeDiscord } from '../fakes/discord/index.js';
import { startFakeSlack, type FakeSlack } from '../fakes/slack/index.js';
import { FakeClock, realLibrary, subInput, tempDir } from './helpers.js';

const dir = tempDir();
let n = 0;
const file = () => dir.path(`platform-faults-${++n}.db`);
const created = new Date('2026-03-01T12:00:00Z');
// 09:00 Europe/Berlin on Monday 2 March 2026.
const due = '2026-03-02T08:00:00Z';
const slotDate = '2026-03-02';

let discord: FakeDiscord;
let slack: FakeSlack;
const closers: (() => void)[] = [];

beforeAll(async () => {
  discord = await startFakeDiscord({ channelIds: Array.from({ length: 14 }, () => snowflake()) });
  slack = await startFakeSlack({ tokens: ['xoxb-good'] });
});
afterEach(async () => {
  discord.clearFaults();
  slack.clearFaults();
  closers.splice(0).forEach((close) => close());
});
afterAll(async () => {
  await discord.stop();
  await slack.stop();
  dir.cleanup();
});

const messagePath = (channelId: string) => `/channels/${channelId}/messages`;
/** Messages the Discord fake actually created in a channel (nonce repeats are not new messages). */
const discordMessages = (channelId: string) => [...discord.messages.values()].filter((m) => m.channel_id === channelId);
const discordPosts = (channelId: string) => discord.callsTo('POST', messagePath(channelId));
const slackPosts = (channelId: string) => slack.callsTo('chat.postMessage').filter((c) => c.args.channel === channelId);
const slackDelivered = (channelId: string) => slackPosts(channelId).filter((c) => c.outcome === 'ok');

interface Rig {
  store: SqliteStore;
  scheduler: Scheduler;
  clock: FakeClock;
  sleeps: number[];
  events: string[];
  discordPoster: DiscordPoster;
}

/**
 * A scheduler over a real SQLite file with both real posters. Each rig gets a fresh Discord
 * poster: after a 429 the REST client remembers the bucket, as it should in production.
 */
function rig(path: string, clock: FakeClock, overrides: Partial<SchedulerOptions> & { discordTimeoutMs?: number; discordToken?: string } = {}): Rig {
  const store = openSqliteStore(path);
  const codec = new ActionCodec();
  const encode = codec.encode.bind(codec);
  const discordPoster = new DiscordPoster({
    token: overrides.discordToken ?? discord.token,
    apiUrl: discord.apiUrl,
    encodeAction: encode,
    ...(overrides.discordTimeoutMs ? { timeoutMs: overrides.discordTimeoutMs } : {}),
  });
  const slackPoster = new SlackPoster(createStrictClient('xoxb-good', { apiUrl: slack.apiUrl }), { encode });
  const sleeps: number[] = [];
  const events: string[] = [];
  const hooks: DeliveryHooks = {
    posted: (platform) => events.push(`posted ${platform}`),
    failed: (platform, kind) => events.push(`failed ${platform} ${kind}`),
    rateLimited: (platform, seconds) => events.push(`rateLimited ${platform} ${seconds}`),
  };
  const scheduler = createScheduler({
    store,
    library: realLibrary,
    posters: new Map<Platform, Poster>([
      ['discord', discordPoster],
      ['slack', slackPoster],
    ]),
    clock,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    pacing: {},
    retry: { maxAttempts: 3, baseDelayMs: 1000 },
    schedule: () => ({ stop() {} }),
    hooks,
    ...overrides,
  });
  closers.push(() => {
    discordPoster.close();
    store.close();
  });
  return { store, scheduler, clock, sleeps, events, discordPoster };
}

describe('429 through the real posters', () => {
  it('Discord: waits the retry_after Discord sent, then posts exactly once', async () => {
    const channel = discord.channelIds[0]!;
    discord.injectFault({ method: 'POST', path: messagePath(channel), ...faults.rateLimited(3) });
    const r = rig(file(), FakeClock.at(due));
    const sub = (await r.store.subscriptions.upsert(subInput({ channelId: channel }), created)).subscription;
    const report = await r.scheduler.tick();
    expect(report.deliveries).toMatchObject([{ state: 'sent', attempts: 2 }]);
    // @discordjs/rest reports the wait in ms, rounded up a little; never less than Discord asked.
    expect(r.sleeps).toHaveLength(1);
    expect(r.sleeps[0]).toBeGreaterThanOrEqual(3000);
    expect(r.sleeps[0]).toBeLessThan(3500);
    expect(discordPosts(channel).map((c) => c.status)).toEqual([429, 200]);
    expect(discordMessages(channel)).toHaveLength(1);
    expect(await r.store.deliveries.get({ subscriptionId: sub.id, slotDate })).toMatchObject({ state: 'sent', attempts: 2, messageId: discordMessages(channel)[0]!.id });
    expect(r.events).toEqual([`rateLimited discord ${r.sleeps[0]! / 1000}`, 'posted discord']);
  });

  it('Slack: waits the Retry-After header, then posts exactly once', async () => {
    slack.fail('chat.postMessage', { rateLimited: true, retryAfter: 7 });
    const r = rig(file(), FakeClock.at(due));
    (await r.store.subscriptions.upsert(subInput({ platform: 'slack', channelId: 'C429' }), created));
    expect((await r.scheduler.tick()).deliveries).toMatchObject([{ state: 'sent', attempts: 2 }]);
    expect(r.sleeps).toEqual([7000]);
    expect(slackPosts('C429').map((c) => c.outcome)).toEqual(['ratelimited', 'ok']);
    expect(r.events).toEqual(['rateLimited slack 7', 'posted slack']);
  });
});

describe('5xx through the real posters', () => {
  it('Discord: 500 and 502 are retried with exponential backoff, then the post succeeds', async () => {
    const channel = discord.channelIds[1]!;
    discord.injectFault({ method: 'POST', path: messagePath(channel), ...faults.serverError(500) });
    discord.injectFault({ method: 'POST', path: messagePath(channel), ...faults.serverError(502) });
    const r = rig(file(), FakeClock.at(due));
    (await r.store.subscriptions.upsert(subInput({ channelId: channel }), created));
    expect((await r.scheduler.tick()).deliveries).toMatchObject([{ state: 'sent', attempts: 3 }]);
    // random() = 0.5: half the ceiling fixed plus half the jitter → 750 ms, then 1500 ms.
    expect(r.sleeps).toEqual([750, 1500]);
    expect(discordPosts(channel).map((c) => c.status)).toEqual([500, 502, 200]);
    expect(discordMessages(channel)).toHaveLength(1);
    expect(r.events).toEqual(['posted discord']);
  });

  it('Slack: HTTP 503 or a dropped connection is not resent (Slack may have posted it): the slot is uncertain', async () => {
    slack.fail('chat.postMessage', { status: 503 });
    const r = rig(file(), FakeClock.at(due));
    const sub = (await r.store.subscriptions.upsert(subInput({ platform: 'slack', channelId: 'C503' }), created)).subscription;
    expect((await r.scheduler.tick()).deliveries).toMatchObject([{ state: 'uncertain', attempts: 1, error: 'uncertain: HTTP 503' }]);
    expect(r.sleeps).toEqual([]);
    expect(slackPosts('C503').map((c) => c.outcome)).toEqual(['http_503']);
    expect((await r.store.subscriptions.get(sub.id))!.pausedReason).toBeUndefined();
    expect(r.events).toEqual(['failed slack uncertain']);

    slack.fail('chat.postMessage', { drop: true });
    await r.scheduler.tick(r.clock.set('2026-03-03T08:00:00Z'));
    expect(slackPosts('C503').map((c) => c.outcome)).toEqual(['http_503', 'dropped']);
    expect((await r.store.deliveries.get({ subscriptionId: sub.id, slotDate: '2026-03-03' }))!.state).toBe('uncertain');
  });

  it('Discord: 5xx past the attempt limit fails the slot as transient, without pausing', async () => {
    const channel = discord.channelIds[2]!;
    discord.injectFault({ method: 'POST', path: messagePath(channel), ...faults.serverError(503), times: 3 });
    const r = rig(file(), FakeClock.at(due));
    const sub = (await r.store.subscriptions.upsert(subInput({ channelId: channel }), created)).subscription;
    expect((await r.scheduler.tick()).deliveries).toMatchObject([{ state: 'failed', attempts: 3 }]);
    expect(discordPosts(channel)).toHaveLength(3);
    expect(discordMessages(channel)).toHaveLength(0);
    expect((await r.store.subscriptions.get(sub.id))!.pausedReason).toBeUndefined();
    expect(r.events).toEqual(['failed discord transient']);
  });
});

describe('permanent refusals pause the subscription', () => {
  /** The `subscriptions` command as the channel's users see it. */
  async function listing(store: SqliteStore, clock: FakeClock, platform: Platform, channelId: string): Promise<string> {
    const service = createSubscriptionService({ store, postNow: async () => ({ status: 'not_found' }), clock });
    const bot = new Bot({ registry: createRegistry(), library: realLibrary, subscriptions: service, now: clock.now });
    return (await bot.runText('subscriptions', { platform, userId: 'U1', channelId, canManageChannel: false })).text;
  }

  it('Discord Unknown Channel (10003): paused with the reason, shown by `subscriptions`, not posted again', async () => {
    // The fake answers 10003 itself for a channel it does not know: a deleted channel.
    const deleted = snowflake();
    const r = rig(file(), FakeClock.at(due));
    const sub = (await r.store.subscriptions.upsert(subInput({ channelId: deleted }), created)).subscription;
    expect((await r.scheduler.tick()).deliveries).toMatchObject([{ state: 'paused', attempts: 1 }]);
    expect((await r.store.subscriptions.get(sub.id))!.pausedReason).toMatch(/^Posting failed: 404 10003: Unknown Channel/);
    expect(await listing(r.store, r.clock, 'discord', deleted)).toMatch(/Paused: Posting failed: 404 10003: Unknown Channel\. Run `subscribe` again/);
    expect(r.events).toEqual(['failed discord permanent']);
    // Later days are not even tried: repeated 404s would get the bot blocked.
    await r.scheduler.tick(r.clock.set('2026-03-03T08:00:00Z'));
    expect(discordPosts(deleted)).toHaveLength(1);
  });

  it('Discord Missing Access (50001) pauses too', async () => {
    const channel = discord.channelIds[3]!;
    discord.injectFault({ method: 'POST', path: messagePath(channel), ...faults.missingAccess() });
    const r = rig(file(), FakeClock.at(due));
    const sub = (await r.store.subscriptions.upsert(subInput({ channelId: channel }), created)).subscription;
    await r.scheduler.tick();
    expect((await r.store.subscriptions.get(sub.id))!.pausedReason).toMatch(/403 50001: Missing Access/);
  });

  it('Slack channel_not_found: paused with the reason, shown by `subscriptions`', async () => {
    slack.fail('chat.postMessage', { error: 'channel_not_found' });
    const r = rig(file(), FakeClock.at(due));
    const sub = (await r.store.subscriptions.upsert(subInput({ platform: 'slack', channelId: 'CGONE' }), created)).subscription;
    expect((await r.scheduler.tick()).deliveries).toMatchObject([{ state: 'paused', attempts: 1, error: 'channel_not_found' }]);
    expect((await r.store.subscriptions.get(sub.id))!.pausedReason).toBe('Posting failed: channel_not_found');
    expect(await listing(r.store, r.clock, 'slack', 'CGONE')).toContain('Paused: Posting failed: channel_not_found.');
    expect(r.events).toEqual(['failed slack permanent']);
    await r.scheduler.tick(r.clock.set('2026-03-03T08:00:00Z'));
    expect(slackPosts('CGONE')).toHaveLength(1);
  });
});

describe('refused credentials and refused payloads pause nothing', () => {
  it('Slack invalid_auth: one request, the slot fails with the reason, the other Slack slots wait, Discord still posts', async () => {
    slack.fail('chat.postMessage', { error: 'invalid_auth' }, 3);
    const channel = discord.channelIds[10]!;
    // One request in flight at a time, so the halt is seen before the next Slack request.
    const r = rig(file(), FakeClock.at(due), { maxConcurrentPosts: 1 });
    const subs: Subscription[] = [];
    for (const channelId of ['CA1', 'CA2', 'CA3']) subs.push((await r.store.subscriptions.upsert(subInput({ platform: 'slack', channelId }), created)).subscription);
    (await r.store.subscriptions.upsert(subInput({ channelId: channel }), created));
    await r.scheduler.tick();
    expect(['CA1', 'CA2', 'CA3'].flatMap((c) => slackPosts(c).map((call) => call.outcome))).toEqual(['invalid_auth']);
    expect(discordMessages(channel)).toHaveLength(1);
    const states = await Promise.all(subs.map(async (sub) => (await r.store.deliveries.get({ subscriptionId: sub.id, slotDate }))!));
    // Nothing was posted: every slot stays owed for a restart with a fixed token.
    expect(states.map((d) => d.state)).toEqual(['claimed', 'claimed', 'claimed']);
    expect(states.map((d) => d.error).filter(Boolean)).toEqual(['fatal: invalid_auth']);
    for (const sub of subs) expect((await r.store.subscriptions.get(sub.id))!.pausedReason).toBeUndefined();
    expect(r.events.sort()).toEqual(['failed slack fatal', 'posted discord']);
  });

  it('Discord 401: one request for all channels, nothing paused', async () => {
    const channels = [discord.channelIds[11]!, discord.channelIds[12]!];
    const r = rig(file(), FakeClock.at(due), { discordToken: 'not-the-token', maxConcurrentPosts: 1 });
    const subs: Subscription[] = [];
    for (const channelId of channels) subs.push((await r.store.subscriptions.upsert(subInput({ channelId }), created)).subscription);
    await r.scheduler.tick();
    expect(channels.flatMap((c) => discordPosts(c).map((call) => call.status))).toEqual([401]);
    expect(await Promise.all(subs.map(async (sub) => (await r.store.deliveries.get({ subscriptionId: sub.id, slotDate }))!.state))).toEqual(['claimed', 'claimed']);
    for (const sub of subs) expect((await r.store.subscriptions.get(sub.id))!.pausedReason).toBeUndefined();
    expect(r.events).toEqual(['failed discord fatal']);
  });

  it('Discord 400 Invalid Form Body: the slot fails once, not retried, the channel is not paused', async () => {
    const channel = discord.channelIds[13]!;
    discord.injectFault({ method: 'POST', path: messagePath(channel), status: 400, body: { message: 'Invalid Form Body', code: 50035 } });
    const r = rig(file(), FakeClock.at(due));
    const sub = (await r.store.subscriptions.upsert(subInput({ channelId: channel }), created)).subscription;
    expect((await r.scheduler.tick()).deliveries).toMatchObject([{ state: 'failed', attempts: 1, error: expect.stringContaining('rejected: 400 50035') }]);
    expect(discordPosts(channel)).toHaveLength(1);
    expect((await r.store.subscriptions.get(sub.id))!.pausedReason).toBeUndefined();
    expect(r.events).toEqual(['failed discord rejected']);
  });
});

describe('one failing channel does not delay another on the same platform', () => {
  it('Discord: a hanging channel times out while the other channels are posted', async () => {
    const [stuck, ...others] = discord.channelIds.slice(4, 8) as [string, ...string[]];
    discord.injectFault({ method: 'POST', path: messagePath(stuck), ...faults.hang(), times: Infinity });
    const r = rig(file(), FakeClock.at(due), { discordTimeoutMs: 1500, retry: { maxAttempts: 2, baseDelayMs: 1000 } });
    const stuckSub = (await r.store.subscriptions.upsert(subInput({ channelId: stuck }), created)).subscription;
    for (const channelId of others) (await r.store.subscriptions.upsert(subInput({ channelId }), created));
    const started = Date.now();
    const tick = r.scheduler.tick();
    await discord.waitForCall(() => others.every((c) => discordMessages(c).length === 1), 5000);
    // The others were delivered while the stuck channel's first request was still open.
    expect(Date.now() - started).toBeLessThan(1500);
    expect((await r.store.deliveries.get({ subscriptionId: stuckSub.id, slotDate }))!.state).toBe('sending');
    const report = await tick;
    expect(report.deliveries.find((d) => d.subscriptionId === stuckSub.id)).toMatchObject({ state: 'failed', attempts: 2 });
    expect(report.deliveries.filter((d) => d.state === 'sent')).toHaveLength(others.length);
    expect(r.events.sort()).toEqual([...others.map(() => 'posted discord'), 'failed discord transient'].sort());
  });

  it('Slack: the channel that hit a 429 waits while the others are posted', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    slack.fail('chat.postMessage', { rateLimited: true, retryAfter: 30 });
    const waits: number[] = [];
    const r = rig(file(), FakeClock.at(due), {
      sleep: (ms) => {
        waits.push(ms);
        return ms === 30_000 ? held : Promise.resolve();
      },
    });
    const channels = ['CA', 'CB', 'CC', 'CD'];
    for (const channelId of channels) (await r.store.subscriptions.upsert(subInput({ platform: 'slack', channelId }), created));
    const tick = r.scheduler.tick();
    // Whichever channel's request reached the fake first got the 429.
    await slack.waitFor(() => channels.filter((c) => slackDelivered(c).length === 1).length === channels.length - 1);
    const limited = channels.find((c) => slackPosts(c).some((call) => call.outcome === 'ratelimited'))!;
    expect(slackDelivered(limited)).toHaveLength(0);
    for (const c of channels.filter((c) => c !== limited)) expect(slackDelivered(c)).toHaveLength(1);
    release();
    expect((await tick).deliveries.every((d) => d.state === 'sent')).toBe(true);
    expect(slackDelivered(limited)).toHaveLength(1);
    expect(waits).toEqual([30_000]);
    expect(r.events.filter((e) => e.startsWith('posted'))).toHaveLength(channels.length);
    expect(r.events).toContain('rateLimited slack 30');
  });
});

describe('restart on the real file with the real Discord fake', () => {
  it('a crash after the claim, before any request: the restart posts the slot once', async () => {
    const path = file();
    const channel = discord.channelIds[8]!;
    const first = rig(path, FakeClock.at(due));
    const sub = (await first.store.subscriptions.upsert(subInput({ channelId: channel }), created)).subscription;
    // What a tick does first; then the process dies before delivering.
    expect(await first.store.deliveries.claim({ subscriptionId: sub.id, slotDate }, new Date(due), new Date(due))).toBe(true);
    await first.store.close();
    const before = discordMessages(channel).length;

    const second = rig(path, FakeClock.at('2026-03-02T08:05:00Z'));
    const report = await second.scheduler.catchUp();
    expect(report.deliveries).toMatchObject([{ subscriptionId: sub.id, slotDate, state: 'sent' }]);
    expect(discordMessages(channel).length - before).toBe(1);
    // A later tick the same day finds the slot done.
    expect((await second.scheduler.tick(second.clock.set('2026-03-02T09:00:00Z'))).deliveries).toEqual([]);
    expect(discordMessages(channel).length - before).toBe(1);
  });

  it('a crash after Discord accepted the post, before the ledger said sent: marked uncertain, never posted twice', async () => {
    const path = file();
    const channel = discord.channelIds[9]!;
    const before = discordMessages(channel).length;
    const first = rig(path, FakeClock.at(due));
    // The process "dies" the moment the real post returns: the handle closes under the scheduler,
    // so the `sent` write never happens, exactly as after a kill.
    const real = first.discordPoster;
    const crashing: Poster = {
      platform: 'discord',
      post: async (...args) => {
        const outcome = await real.post(...args);
        await first.store.close();
        return outcome;
      },
    };
    const crashed = createScheduler({ store: first.store, library: realLibrary, posters: new Map([['discord', crashing]]), clock: first.clock, pacing: {} });
    const sub = (await first.store.subscriptions.upsert(subInput({ channelId: channel }), created)).subscription;
    expect((await crashed.tick()).deliveries).toMatchObject([{ state: 'aborted' }]);
    expect(discordMessages(channel).length - before).toBe(1);

    const second = rig(path, FakeClock.at('2026-03-02T08:05:00Z'));
    expect((await second.store.deliveries.get({ subscriptionId: sub.id, slotDate }))!.state).toBe('sending');
    const report = await second.scheduler.catchUp();
    expect(report.uncertain).toBe(1);
    expect(await second.store.deliveries.get({ subscriptionId: sub.id, slotDate })).toMatchObject({ state: 'uncertain' });
    // The message went out once and was not sent again: not duplicated, not lost.
    expect(discordMessages(channel).length - before).toBe(1);
    expect(discordPosts(channel)).toHaveLength(1);
    // The next day is posted normally.
    await second.scheduler.tick(second.clock.set('2026-03-03T08:00:00Z'));
    expect(discordMessages(channel).length - before).toBe(2);
  });
});
