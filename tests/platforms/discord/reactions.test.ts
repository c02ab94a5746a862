/**
 * Votes by reaction on a threaded digest, through the real discord.js client and the fake
 * Discord: the scheduler posts each paper as its own reply in a thread, and a member's 👍 on one
 * of them, sent over the gateway, is their vote on that paper for the subscribed channel.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRegistry } from '../../../commands/index.js';
import { ActionCodec } from '../../../src/core/actions.js';
import { Bot } from '../../../src/core/bot.js';
import type { Platform } from '../../../src/core/command.js';
import type { Poster } from '../../../src/core/poster.js';
import { DiscordPoster, startDiscord, type DiscordHandle } from '../../../src/platforms/discord/index.js';
import { createScheduler, type Scheduler } from '../../../src/scheduler/scheduler.js';
import { openSqliteStore, type SqliteStore } from '../../../src/store/sqlite.js';
import { snowflake, startFakeDiscord, type FakeDiscord } from '../../fakes/discord/index.js';
import { FakeClock, realLibrary, subInput, tempDir } from '../../scheduler/helpers.js';

describe('GIVEN a digest posted as a thread in a Discord channel', () => {
  const dir = tempDir();
  const clock = FakeClock.at('2026-03-02T08:00:00Z');
  const member = snowflake();
  let store: SqliteStore;
  let fake: FakeDiscord;
  let discord: DiscordHandle;
  let scheduler: Scheduler;
  let poster: DiscordPoster;

  beforeAll(async () => {
    store = openSqliteStore(dir.path('reactions.db'));
    fake = await startFakeDiscord();
    const codec = new ActionCodec();
    poster = new DiscordPoster({ token: fake.token, apiUrl: fake.apiUrl, encodeAction: (a, max) => codec.encode(a, max) });
    scheduler = createScheduler({ store, library: realLibrary, posters: new Map<Platform, Poster>([['discord', poster]]), clock, sleep: async () => undefined, schedule: () => ({ stop() {} }) });
    discord = await startDiscord({ token: fake.token, apiUrl: fake.apiUrl, rootName: 'papers' }, new Bot({ registry: createRegistry(), library: realLibrary, userData: store, now: clock.now }));
  });
  afterAll(async () => {
    await scheduler?.stop();
    poster?.close();
    await discord?.stop();
    await fake?.stop();
    await store?.close();
    dir.cleanup();
  });

  const react = (type: 'MESSAGE_REACTION_ADD' | 'MESSAGE_REACTION_REMOVE', channelId: string, messageId: string, name: string) =>
    fake.gateway.dispatch(type, { user_id: member, channel_id: channelId, message_id: messageId, guild_id: fake.guildId, emoji: { id: null, name }, burst: false, type: 0 });

  /** The channel's votes once `done` holds of them (the gateway delivers reactions asynchronously). */
  async function waitForVotes(done: (votes: { vote: number }[]) => boolean) {
    const channel = { platform: 'discord', channelId: fake.channelIds[0]! };
    for (let i = 0; i < 100; i++) {
      const votes = await store.feedback.channelVotes(channel);
      if (done(votes)) return votes;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return store.feedback.channelVotes(channel);
  }

  it('THEN 👍 on a paper\'s reply is a vote for the channel, 👎 changes it, taking it off clears it, and other emoji do nothing', async () => {
    const channelId = fake.channelIds[0]!;
    await store.subscriptions.upsert(subInput({ channelId, thread: true, count: 3, timezone: 'UTC', time: '08:00' }), new Date('2026-03-01T00:00:00Z'));
    expect((await scheduler.tick()).deliveries.map((d) => d.state)).toEqual(['sent']);
    const [threadId] = [...fake.threads.keys()];
    const replies = [...fake.messages.values()].filter((m) => m.channel_id === threadId);
    expect(replies).toHaveLength(3);
    const slot = await store.deliveries.latest(1);
    const second = { message: replies[1]!, paperId: (await store.paperMessages.paperOf('discord', threadId!, replies[1]!.id))!.paperId };

    react('MESSAGE_REACTION_ADD', threadId!, replies[1]!.id, '🎉');
    react('MESSAGE_REACTION_ADD', threadId!, replies[1]!.id, '👍');
    expect(await waitForVotes((v) => v.length === 1)).toMatchObject([{ userId: member, paperId: second.paperId, vote: 1 }]);
    react('MESSAGE_REACTION_ADD', threadId!, replies[1]!.id, '👎');
    expect(await waitForVotes((v) => v[0]?.vote === -1)).toMatchObject([{ paperId: second.paperId, vote: -1 }]);
    react('MESSAGE_REACTION_REMOVE', threadId!, replies[1]!.id, '👎');
    expect(await waitForVotes((v) => v.length === 0)).toEqual([]);
    expect(slot?.state).toBe('sent');
  });
});
