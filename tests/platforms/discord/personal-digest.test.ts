/**
 * Personal digests through the real discord.js client and the fake Discord: a member subscribes
 * themselves under /papers, the bot opens a DM channel, the digest is posted there over REST,
 * and `unsubscribe-me` stops it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRegistry } from '../../../commands/index.js';
import { ActionCodec } from '../../../src/core/actions.js';
import { Bot } from '../../../src/core/bot.js';
import type { Platform } from '../../../src/core/command.js';
import type { Poster } from '../../../src/core/poster.js';
import { DiscordPoster, startDiscord, type DiscordHandle } from '../../../src/platforms/discord/index.js';
import { createScheduler, type Scheduler } from '../../../src/scheduler/scheduler.js';
import { createSubscriptionService } from '../../../src/scheduler/service.js';
import { openSqliteStore, type SqliteStore } from '../../../src/store/sqlite.js';
import { snowflake, startFakeDiscord, user, type FakeDiscord } from '../../fakes/discord/index.js';
import { FakeClock, realLibrary, tempDir } from '../../scheduler/helpers.js';

type Answer = { type: number; data: { flags?: number; embeds: { description?: string }[] } };

describe('GIVEN a Discord member who subscribes themselves', () => {
  const dir = tempDir();
  const clock = FakeClock.at('2026-03-02T07:00:00Z');
  const alice = user(snowflake(), 'alice');
  let store: SqliteStore;
  let fake: FakeDiscord;
  let discord: DiscordHandle;
  let scheduler: Scheduler;
  let poster: DiscordPoster;

  beforeAll(async () => {
    store = openSqliteStore(dir.path('personal.db'));
    fake = await startFakeDiscord();
    const codec = new ActionCodec();
    poster = new DiscordPoster({ token: fake.token, apiUrl: fake.apiUrl, encodeAction: (a, max) => codec.encode(a, max) });
    scheduler = createScheduler({ store, library: realLibrary, posters: new Map<Platform, Poster>([['discord', poster]]), clock, sleep: async () => undefined, schedule: () => ({ stop() {} }) });
    const bot = new Bot({ registry: createRegistry(), library: realLibrary, userData: store, now: clock.now, subscriptions: createSubscriptionService({ store, postNow: scheduler.postNow, clock }) });
    discord = await startDiscord({ token: fake.token, apiUrl: fake.apiUrl, rootName: 'papers' }, bot);
  });
  afterAll(async () => {
    await scheduler?.stop();
    poster?.close();
    await discord?.stop();
    await fake?.stop();
    await store?.close();
    dir.cleanup();
  });

  async function slash(subcommand: string, options: Record<string, string>): Promise<Answer> {
    // A member without Manage Channels: personal digests need no channel rights.
    const { id } = fake.interactions.slashCommand({ root: 'papers', subcommand, options, user: alice, permissions: 0n });
    return (await fake.interactions.response(id)) as Answer;
  }

  it('THEN the digest is posted to a DM channel with them, and unsubscribe-me stops it', async () => {
    const answer = await slash('subscribe-me', { topic: 'contrastive learning 9am Europe/Berlin' });
    expect(answer.data.flags! & 64).toBe(64);
    expect(answer.data.embeds.map((e) => e.description ?? '').join(' ')).toMatch(/Subscribed you to Contrastive learning \(#1\)/);
    const [dm] = [...fake.dms];
    expect(dm?.[1]).toBe(alice.id);

    clock.set('2026-03-02T08:00:00Z');
    expect((await scheduler.tick()).deliveries.map((d) => d.state)).toEqual(['sent']);
    const posted = [...fake.messages.values()].filter((m) => m.channel_id === dm![0]);
    expect(posted).toHaveLength(1);
    expect((posted[0]!.embeds[0] as { title?: string }).title).toBe('Digest: Contrastive learning');

    expect((await slash('unsubscribe-me', { id: '1' })).data.embeds[0]!.description).toBe('Stopped your personal digest #1 (“contrastive learning”).');
    clock.set('2026-03-03T08:00:00Z');
    expect((await scheduler.tick()).deliveries).toEqual([]);
  });
});
