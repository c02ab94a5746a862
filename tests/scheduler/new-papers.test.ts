/**
 * A new-papers subscription end to end through the real Discord and Slack posters and their local
 * fakes: each digest holds what arrived since the last one, links to arXiv, never repeats, and a
 * day with nothing new posts nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActionCodec } from '../../src/core/actions.js';
import type { Platform } from '../../src/core/command.js';
import type { PaperLibrary } from '../../src/core/library.js';
import type { Poster } from '../../src/core/poster.js';
import type { Paper } from '../../src/corpus/paper.js';
import { combinePapers } from '../../src/load-papers.js';
import { DiscordPoster } from '../../src/platforms/discord/index.js';
import { createStrictClient, SlackPoster } from '../../src/platforms/slack/poster.js';
import { createScheduler } from '../../src/scheduler/scheduler.js';
import { createSubscriptionService } from '../../src/scheduler/service.js';
import { createRegistry } from '../../commands/index.js';
import { Bot } from '../../src/core/bot.js';
import { createLibrary } from '../../src/search/library.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { snowflake, startFakeDiscord, type FakeDiscord } from '../fakes/discord/index.js';
import { startFakeSlack, type FakeSlack } from '../fakes/slack/index.js';
import { FakeClock, realLibrary, subInput, tempDir } from './helpers.js';

const dir = tempDir();
const channel = snowflake();
let discord: FakeDiscord;
let slack: FakeSlack;

beforeAll(async () => {
  discord = await startFakeDiscord({ channelIds: [channel] });
  slack = await startFakeSlack({ tokens: ['xoxb-good'] });
});
afterAll(async () => {
  await discord.stop();
  await slack.stop();
  dir.cleanup();
});

function arrival(arxivId: string, title: string, firstSeen: string, upvotes: number, authorNames = ['Ada Lovelace', 'Alan Turing']): Paper {
  return {
    id: `p${arxivId.replace('.', '').slice(-7)}`,
    title,
    titleDerived: false,
    abstract: `${title}. We study diffusion models for this problem and improve sample quality.`,
    authorNames,
    arxivId,
    published: firstSeen.slice(0, 10),
    upvotes,
    links: [],
    sources: ['hf'],
    firstSeen,
  };
}

describe('GIVEN a channel subscribed to new diffusion papers on Discord and on Slack', () => {
  it('THEN each day posts what arrived since the last digest, with arXiv links, and nothing on a quiet day', async () => {
    // 09:00 Europe/Berlin is 08:00 UTC in March.
    const clock = FakeClock.at('2026-03-02T08:00:00Z');
    let papers = combinePapers(realLibrary().papers, [
      arrival('2603.00001', 'Diffusion Sampling in Four Steps', '2026-03-01T20:00:00.000Z', 40),
      arrival('2603.00002', 'Guided Diffusion for Molecules', '2026-03-02T06:00:00.000Z', 90),
      // Arrived before the subscription began: not news for this channel.
      arrival('2602.00009', 'Diffusion Priors Revisited', '2026-02-20T06:00:00.000Z', 300),
    ]);
    let library: PaperLibrary = createLibrary(papers);
    const store = openSqliteStore(dir.path('new-papers.db'));
    const codec = new ActionCodec();
    const encode = codec.encode.bind(codec);
    const discordPoster = new DiscordPoster({ token: discord.token, apiUrl: discord.apiUrl, encodeAction: encode });
    const scheduler = createScheduler({
      store,
      library: () => library,
      posters: new Map<Platform, Poster>([
        ['discord', discordPoster],
        ['slack', new SlackPoster(createStrictClient('xoxb-good', { apiUrl: slack.apiUrl }), { encode })],
      ]),
      clock,
      sleep: async () => undefined,
      schedule: () => ({ stop() {} }),
    });
    try {
      const created = new Date('2026-03-01T12:00:00Z');
      await store.subscriptions.upsert(subInput({ channelId: channel, mode: 'new', count: 5 }), created);
      await store.subscriptions.upsert(subInput({ platform: 'slack', channelId: 'CNEW', mode: 'new', count: 5 }), created);

      const first = await scheduler.tick();
      expect(first.deliveries.map((d) => d.state)).toEqual(['sent', 'sent']);
      const [message] = [...discord.messages.values()].filter((m) => m.channel_id === channel);
      const fields = (message!.embeds as { fields?: { name: string; value: string }[] }[]).flatMap((e) => e.fields ?? []);
      // Most upvoted first; the old arrival is not news.
      expect(fields.map((f) => [f.name, /\[arXiv\]\(([^)]+)\)/.exec(f.value)?.[1]])).toEqual([
        ['1. Guided Diffusion for Molecules', 'https://arxiv.org/abs/2603.00002'],
        ['2. Diffusion Sampling in Four Steps', 'https://arxiv.org/abs/2603.00001'],
      ]);
      const slackPost = slack.calls.find((c) => c.method === 'chat.postMessage' && c.args.channel === 'CNEW')!;
      expect(JSON.stringify(slackPost.args.blocks)).toContain('<https://arxiv.org/pdf/2603.00002|PDF>');

      // A quiet day: nothing arrived, so nothing is posted and the slot says why.
      clock.set('2026-03-03T08:00:00Z');
      const quiet = await scheduler.tick();
      expect(quiet.deliveries.map((d) => [d.state, d.error])).toEqual([
        ['skipped', 'nothing new since the last digest'],
        ['skipped', 'nothing new since the last digest'],
      ]);

      // One more arrives: only it is posted the next day.
      papers = combinePapers(papers, [arrival('2603.00003', 'Diffusion Transformers for Weather', '2026-03-03T12:00:00.000Z', 5)]);
      library = createLibrary(papers);
      clock.set('2026-03-04T08:00:00Z');
      expect((await scheduler.tick()).deliveries.map((d) => d.state)).toEqual(['sent', 'sent']);
      const latest = [...discord.messages.values()].filter((m) => m.channel_id === channel).at(-1)!;
      expect((latest.embeds as { url?: string }[]).filter((e) => e.url).map((e) => e.url)).toEqual(['https://arxiv.org/abs/2603.00003']);
      expect(slack.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === 'CNEW')).toHaveLength(2);
    } finally {
      await scheduler.stop();
      discordPoster.close();
      await store.close();
    }
  });
});

describe('GIVEN a Slack channel that follows an author, with a filter', () => {
  it('THEN each new paper by that author, however the name is written, is posted once it arrives, and only those that pass the filter', async () => {
    const clock = FakeClock.at('2026-03-02T08:00:00Z');
    let papers = combinePapers(realLibrary().papers, [
      arrival('2603.00011', 'Engines of Analysis', '2026-03-01T20:00:00.000Z', 40, ['A. Lovelace', 'Charles Babbage']),
      arrival('2603.00012', 'Notes on the Engine', '2026-03-02T06:00:00.000Z', 3, ['Ada Lovelace']),
      arrival('2603.00013', 'Compilers Without Tears', '2026-03-02T06:00:00.000Z', 90, ['Grace Hopper']),
    ]);
    let library: PaperLibrary = createLibrary(papers);
    const store = openSqliteStore(dir.path('author.db'));
    const codec = new ActionCodec();
    const scheduler = createScheduler({
      store,
      library: () => library,
      posters: new Map<Platform, Poster>([['slack', new SlackPoster(createStrictClient('xoxb-good', { apiUrl: slack.apiUrl }), { encode: codec.encode.bind(codec) })]]),
      clock,
      sleep: async () => undefined,
      schedule: () => ({ stop() {} }),
    });
    const bot = new Bot({ registry: createRegistry(), library: () => library, subscriptions: createSubscriptionService({ store, postNow: scheduler.postNow, clock }), now: clock.now });
    const posts = () => slack.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === 'CAUTHOR');
    try {
      clock.set('2026-03-01T12:00:00Z');
      const confirmed = await bot.runText('subscribe author:"Lovelace, Ada" 9am Europe/Berlin +min-upvotes:10', { platform: 'slack', userId: 'U1', channelId: 'CAUTHOR', canManageChannel: true });
      expect(confirmed.text).toMatch(/^Subscribed this channel to new papers by Lovelace, Ada \(#1\): up to 5 new papers at 09:00 \(Europe\/Berlin\), every day; filters \+min-upvotes:10\./);

      clock.set('2026-03-02T08:00:00Z');
      expect((await scheduler.tick()).deliveries.map((d) => d.state)).toEqual(['sent']);
      const first = JSON.stringify(posts()[0]!.args.blocks);
      expect(first).toContain('New papers by Lovelace, Ada');
      expect(first).toContain('Engines of Analysis');
      expect(first).not.toContain('Notes on the Engine'); // 3 upvotes: filtered out
      expect(first).not.toContain('Compilers Without Tears'); // another author

      // Her next paper arrives (ingested into the library): it is the next day's digest.
      papers = combinePapers(papers, [arrival('2603.00014', 'The Analytical Engine, Revisited', '2026-03-02T12:00:00.000Z', 25, ['Augusta Ada Lovelace'])]);
      library = createLibrary(papers);
      clock.set('2026-03-03T08:00:00Z');
      expect((await scheduler.tick()).deliveries.map((d) => d.state)).toEqual(['sent']);
      const second = JSON.stringify(posts()[1]!.args.blocks);
      expect(second).toContain('The Analytical Engine, Revisited');
      expect(second).not.toContain('Engines of Analysis');
    } finally {
      await scheduler.stop();
      await store.close();
    }
  });
});
