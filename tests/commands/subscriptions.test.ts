import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createRegistry } from '../../commands/index.js';
import { Bot } from '../../src/core/bot.js';
import type { RequestInfo } from '../../src/core/command.js';
import { runCommand } from '../../src/core/dispatch.js';
import { createScheduler } from '../../src/scheduler/scheduler.js';
import { createSubscriptionService } from '../../src/scheduler/service.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite.js';
import { FakeClock, realLibrary, ScriptedPoster, tempDir } from '../scheduler/helpers.js';

const dir = tempDir();
afterAll(() => dir.cleanup());
const MANAGER: RequestInfo = { platform: 'slack', userId: 'U1', channelId: 'C1', workspaceId: 'T1', canManageChannel: true };
const MEMBER: RequestInfo = { ...MANAGER, userId: 'U2', canManageChannel: false };

let n = 0;
let store: SqliteStore;
let bot: Bot;
let poster: ScriptedPoster;
let clock: FakeClock;

beforeEach(async () => {
  store = openSqliteStore(dir.path(`commands-${++n}.db`));
  // Monday 2026-03-02 10:00 Paris.
  clock = FakeClock.at('2026-03-02T09:00:00Z');
  poster = new ScriptedPoster('slack');
  const scheduler = createScheduler({
    store,
    library: realLibrary,
    posters: new Map([['slack', poster]]),
    clock,
    sleep: async () => {},
    pacing: {},
  });
  const subscriptions = createSubscriptionService({ store, postNow: scheduler.postNow, defaultTimezone: 'Europe/Paris', clock });
  bot = new Bot({ registry: createRegistry(), library: realLibrary, subscriptions, now: clock.now });
  return () => store.close();
});

describe('subscribe … new', () => {
  it('asks for only new arrivals, says so, and switches back with best', async () => {
    const reply = await bot.runText('subscribe diffusion 08:30 weekdays 3 new', MANAGER);
    expect(reply.text).toBe(
      'Subscribed this channel to Diffusion models (#1): up to 3 new papers at 08:30 (Europe/Paris), weekdays. ' +
        'Only papers that arrived since the previous digest are posted; on a day with none, nothing is posted. Next digest: Tue 3 Mar, 08:30 GMT+1.',
    );
    expect((await store.subscriptions.get(1))?.mode).toBe('new');
    expect((await bot.runText('subscriptions', MANAGER)).text).toContain('#1 “diffusion”: up to 3 new papers at 08:30 (Europe/Paris), weekdays');
    // The seed corpus has no new arrivals: digest-now says so and posts nothing.
    expect((await bot.runText('digest-now 1', MANAGER)).text).toBe('Nothing new on Diffusion models since the last digest, so nothing was posted.');
    expect(poster.calls).toHaveLength(0);
    expect((await bot.runText('subscribe diffusion best', MANAGER)).text).toMatch(/^This channel was already subscribed to Diffusion models, so I updated subscription #1: 5 papers/);
    expect((await store.subscriptions.get(1))?.mode).toBe('best');
    expect((await bot.run('subscribe', { topic: 'vae', mode: 'all' }, MANAGER)).text).toMatch(/^“all” is not a digest mode\./);
  });

  it('thread: the confirmation says so, the listing shows it, and the digest is posted as a thread', async () => {
    const reply = await bot.runText('subscribe diffusion 8am thread', MANAGER);
    expect(reply.text).toContain('5 papers, in a thread at 08:00 (Europe/Paris), every day.');
    expect(reply.text).toContain('Each digest is one message, with its papers as replies in a thread under it.');
    expect((await store.subscriptions.get(1))).toMatchObject({ topic: 'diffusion', thread: true });
    expect((await bot.runText('subscriptions', MANAGER)).text).toContain('in a thread');
    await bot.runText('digest-now 1', MANAGER);
    expect(poster.posted.at(-1)).toMatchObject({ thread: true });
    expect((await bot.run('subscribe', { topic: 'vae', post: 'threads' }, MANAGER)).text).toMatch(/^“threads” is not a way to post a digest\./);
    // Discord's typed option says the same.
    await bot.run('subscribe', { topic: 'diffusion', post: 'message' }, MANAGER);
    expect((await store.subscriptions.get(1))?.thread).toBeUndefined();
  });

  it('filters: read anywhere after the topic, shown in the listing, edited by subscribing again, explained when wrong', async () => {
    const reply = await bot.runText('subscribe diffusion +has:code 8am -gan +category:cs.cv -"point cloud"', MANAGER);
    expect(reply.text).toContain('5 papers at 08:00 (Europe/Paris), every day; filters +has:code -gan +category:cs.CV -"point cloud".');
    expect(await store.subscriptions.get(1)).toMatchObject({ topic: 'diffusion', filters: ['+has:code', '-gan', '+category:cs.CV', '-"point cloud"'] });
    expect((await bot.runText('subscriptions', MANAGER)).text).toContain('filters +has:code -gan +category:cs.CV -"point cloud"');
    // The same topic with other filters is the same subscription, edited.
    expect((await bot.runText('subscribe diffusion +min-upvotes:20', MANAGER)).text).toMatch(/^This channel was already subscribed to Diffusion models, so I updated subscription #1: .*filters \+min-upvotes:20\./);
    expect((await store.subscriptions.get(1))?.filters).toEqual(['+min-upvotes:20']);
    expect((await bot.runText('subscribe diffusion', MANAGER)).text).not.toContain('filters');
    expect((await store.subscriptions.get(1))?.filters).toBeUndefined();
    expect((await bot.runText('subscribe diffusion +stars:5', MANAGER)).text).toMatch(/^I don't know the filter “\+stars:5”\./);
    expect((await bot.runText('subscribe diffusion +min-upvotes:many', MANAGER)).text).toMatch(/^`\+min-upvotes` takes a number, not “many”\./);
    // Discord's typed option says the same.
    expect((await bot.run('subscribe', { topic: 'diffusion', filters: '+has:code -gan' }, MANAGER)).text).toContain('filters +has:code -gan.');
  });

  it('an author is followed for new papers, even with none yet', async () => {
    const reply = await bot.runText('subscribe author:"Ada Lovelace" 8am', MANAGER);
    expect(reply.text).toMatch(/^Subscribed this channel to new papers by Ada Lovelace \(#1\): up to 5 new papers at 08:00/);
    expect(await store.subscriptions.get(1)).toMatchObject({ topic: 'author:"Ada Lovelace"', mode: 'new' });
  });

  it('new-notify posts a short line on a day with nothing new', async () => {
    const reply = await bot.runText('subscribe vae new-notify', MANAGER);
    expect(reply.text).toContain('up to 5 new papers at 09:00 (Europe/Paris), every day, and a line on days with none.');
    expect(reply.text).toContain('on a day with none, a short line says so.');
    expect((await store.subscriptions.get(1))).toMatchObject({ mode: 'new', emptyNote: true });
    expect((await bot.runText('digest-now 1', MANAGER)).text).toMatch(/^Posted the digest for “vae” \(0 papers\)/);
    expect(poster.posted.at(-1)!.reply.text).toContain('Nothing new on Variational autoencoders since the last digest.');
  });
});

describe('subscribe', () => {
  it('parses the Slack/console text form and confirms with the next posting time', async () => {
    const reply = await bot.runText('subscribe diffusion 08:30 Europe/Berlin weekdays 3', MANAGER);
    expect(reply.error).toBeUndefined();
    expect(reply.text).toBe(
      'Subscribed this channel to Diffusion models (#1): 3 papers at 08:30 (Europe/Berlin), weekdays. Next digest: Tue 3 Mar, 08:30 GMT+1.',
    );
    expect(await store.subscriptions.listChannel({ platform: 'slack', channelId: 'C1' })).toMatchObject([
      { id: 1, kind: 'topic', topic: 'diffusion', time: '08:30', timezone: 'Europe/Berlin', days: [1, 2, 3, 4, 5], count: 3, workspaceId: 'T1', createdBy: 'U1' },
    ]);
  });

  it('uses the defaults: 09:00, the configured timezone, every day, 5 papers', async () => {
    const reply = await bot.runText('subscribe contrastive learning', MANAGER);
    expect(reply.text).toContain('5 papers at 09:00 (Europe/Paris), every day');
    expect(reply.text).toContain('Next digest: Tue 3 Mar, 09:00');
    expect((await store.subscriptions.listChannel({ platform: 'slack', channelId: 'C1' }))[0]).toMatchObject({ topic: 'contrastive learning', kind: 'topic' });
  });

  it('uses the configured default time when none is given, and an explicit time still wins', async () => {
    const configured = createSubscriptionService({ store, postNow: async () => ({ status: 'not_found' }), defaultTimezone: 'UTC', defaultTime: '7:15', clock });
    const other = new Bot({ registry: createRegistry(), library: realLibrary, subscriptions: configured, now: clock.now });
    expect((await other.runText('subscribe diffusion', MANAGER)).text).toContain('5 papers at 07:15 (UTC)');
    expect((await other.runText('subscribe vae 18:00', MANAGER)).text).toContain('at 18:00 (UTC)');
    expect((await store.subscriptions.listChannel({ platform: 'slack', channelId: 'C1' })).map((s) => s.time)).toEqual(['07:15', '18:00']);
  });

  it('accepts Discord-style typed options', async () => {
    const reply = await bot.run('subscribe', { topic: 'daily', time: '7:05', timezone: 'america/new_york', days: 'mon,wed,fri', count: 2 }, { ...MANAGER, platform: 'discord' });
    expect(reply.text).toContain('the daily theme (#1): 2 papers at 07:05 (America/New_York), Mon, Wed, Fri');
    expect(await store.subscriptions.get(1)).toMatchObject({ kind: 'daily', topic: 'daily', platform: 'discord' });
  });

  it('a duplicate subscribe updates the existing subscription and says so', async () => {
    await bot.runText('subscribe vae 08:00', MANAGER);
    const again = await bot.runText('subscribe VAE 18:45 weekends 4', MANAGER);
    expect(again.text).toMatch(/^This channel was already subscribed to Variational autoencoders, so I updated subscription #1: 4 papers at 18:45/);
    expect(await store.subscriptions.listChannel({ platform: 'slack', channelId: 'C1' })).toHaveLength(1);
  });

  it('friendly errors for a bad time, timezone, days or count, and for a topic with no papers', async () => {
    const cases: [string, RegExp][] = [
      ['subscribe diffusion 25:99', /“25:99” is not a time I understand/],
      ['subscribe diffusion Mars/Base', /I don't know the timezone “Mars\/Base”/],
      ['subscribe diffusion mon,funday', /“mon,funday” is not a list of days/],
      ['subscribe diffusion 11', /between 1 and 10, not 11/],
      ['subscribe qqzzxv', /I found no papers about “qqzzxv”/],
    ];
    for (const [text, message] of cases) {
      const reply = await bot.runText(text, MANAGER);
      expect(reply.error, text).toBe(true);
      expect(reply.text, text).toMatch(message);
    }
    const bad = await bot.run('subscribe', { topic: 'diffusion', days: 'someday' }, MANAGER);
    expect(bad.text).toMatch(/“someday” is not a list of days/);
    expect(await store.subscriptions.listChannel({ platform: 'slack', channelId: 'C1' })).toEqual([]);
  });

  it('is refused to someone who cannot manage the channel, through the Bot and runCommand', async () => {
    const reply = await bot.runText('subscribe diffusion', MEMBER);
    expect(reply.error).toBe(true);
    expect(reply.text).toMatch(/Only people who can manage this channel may use `subscribe`/);
    const direct = await runCommand(createRegistry(), 'unsubscribe', { id: 'all' }, { library: realLibrary(), request: MEMBER, random: Math.random, now: clock.now, commands: [] });
    expect(direct.text).toMatch(/Only people who can manage this channel may use `unsubscribe`/);
    expect((await bot.runText('digest-now', MEMBER)).text).toMatch(/may use `digest-now`/);
    expect(await store.subscriptions.listChannel({ platform: 'slack', channelId: 'C1' })).toEqual([]);
    // Listing is open to everyone.
    expect((await bot.runText('subscriptions', MEMBER)).text).toMatch(/no scheduled digests/);
  });

  it('says so when the bot runs without subscriptions', async () => {
    const plain = new Bot({ registry: createRegistry(), library: realLibrary });
    expect((await plain.runText('subscribe diffusion', MANAGER)).text).toMatch(/Subscriptions are not available here/);
  });
});

describe('subscriptions, unsubscribe, digest-now', () => {
  it('lists this channel’s subscriptions with the next posting time and any pause reason', async () => {
    await bot.runText('subscribe diffusion 08:30 Europe/Berlin weekdays 3', MANAGER);
    await bot.runText('subscribe daily 18:00 UTC', MANAGER);
    await bot.runText('subscribe vae', { ...MANAGER, channelId: 'C2' });
    (await store.subscriptions.pause(2, 'Posting failed: channel_not_found', clock.now()));
    const reply = await bot.runText('subscriptions', MEMBER);
    expect(reply.ephemeral).toBe(true);
    expect(reply.text).toBe(
      [
        'Scheduled digests in this channel:',
        '#1 “diffusion”: 3 papers at 08:30 (Europe/Berlin), weekdays; Next: Tue 3 Mar, 08:30 GMT+1',
        '#2 the daily theme: 5 papers at 18:00 (UTC), every day; Paused: Posting failed: channel_not_found. Run `subscribe` again or `digest-now 2` to resume.',
      ].join('\n'),
    );
  });

  it('unsubscribes one by ID (only in its own channel) or all of them', async () => {
    await bot.runText('subscribe diffusion', MANAGER);
    await bot.runText('subscribe vae', MANAGER);
    await bot.runText('subscribe gan', { ...MANAGER, channelId: 'C2' });
    expect((await bot.runText('unsubscribe 3', MANAGER)).text).toBe('This channel has no subscription #3. Run `subscriptions` to see the IDs in this channel.');
    expect((await bot.runText('unsubscribe abc', MANAGER)).text).toMatch(/“abc” is not a subscription ID/);
    expect((await bot.runText('unsubscribe #1', MANAGER)).text).toBe('Removed subscription #1 (“diffusion”). No more digests from it.');
    expect((await bot.runText('unsubscribe all', MANAGER)).text).toBe('Removed all 1 subscription of this channel.');
    expect(await store.subscriptions.get(3)).toBeDefined();
  });

  it('digest-now posts through the poster, records history and resumes a paused subscription', async () => {
    await bot.runText('subscribe vae 3', MANAGER);
    (await store.subscriptions.pause(1, 'Posting failed: not_in_channel', clock.now()));
    const reply = await bot.runText('digest-now', MANAGER);
    expect(reply.text).toBe('Posted the digest for “vae” (3 papers). The subscription was paused; it is active again.');
    expect(poster.posted).toHaveLength(1);
    expect(poster.posted[0]!.channelId).toBe('C1');
    expect((await store.subscriptions.get(1))!.pausedReason).toBeUndefined();
    expect((await store.history.postedIds({ platform: 'slack', channelId: 'C1' })).size).toBe(3);
    // A scheduled digest later does not repeat those papers.
    await bot.runText('digest-now 1', MANAGER);
    const ids = poster.posted.map((p) => p.reply.blocks.flatMap((b) => (b.type === 'paper' ? [b.paper.id] : [])));
    expect(ids[1]!.some((id) => ids[0]!.includes(id))).toBe(false);
  });

  it('digest-now reports a permanent failure and pauses', async () => {
    await bot.runText('subscribe vae', MANAGER);
    poster.script('C1', { ok: false, kind: 'permanent', message: 'channel_not_found' });
    const reply = await bot.runText('digest-now 1', MANAGER);
    expect(reply.error).toBe(true);
    expect(reply.text).toMatch(/couldn't post the digest for “vae”: the bot cannot post in this channel \(channel_not_found\)\. I paused the subscription/);
    expect((await store.subscriptions.get(1))!.pausedReason).toBe('Posting failed: channel_not_found');
  });

  it('digest-now without a poster (console) returns the digest as the reply', async () => {
    const console: RequestInfo = { platform: 'console', userId: 'me', channelId: 'term', canManageChannel: true };
    await bot.runText('subscribe daily', console);
    const reply = await bot.runText('digest-now', console);
    expect(reply.text).toMatch(/^Daily theme: /);
    expect(reply.blocks.filter((b) => b.type === 'paper')).toHaveLength(5);
  });

  it('digest-now asks which one when the channel has several', async () => {
    await bot.runText('subscribe vae', MANAGER);
    await bot.runText('subscribe gan', MANAGER);
    expect((await bot.runText('digest-now', MANAGER)).text).toMatch(/Which subscription\?/);
    expect((await bot.runText('digest-now 9', MANAGER)).text).toMatch(/no subscription #9/);
  });
});
