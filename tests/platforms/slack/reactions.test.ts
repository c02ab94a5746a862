/**
 * Votes by reaction on a threaded digest through the real Bolt App and the fake Slack: each
 * paper is its own reply in the digest's thread, and :+1: / :-1: on one (any skin tone) is the
 * member's vote on that paper for the channel.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRegistry } from '../../../commands/index.js';
import { ActionCodec } from '../../../src/core/actions.js';
import { Bot } from '../../../src/core/bot.js';
import type { Platform } from '../../../src/core/command.js';
import type { Poster } from '../../../src/core/poster.js';
import { startSlack, type SlackHandle } from '../../../src/platforms/slack/app.js';
import { createStrictClient, SlackPoster } from '../../../src/platforms/slack/poster.js';
import { createScheduler, type Scheduler } from '../../../src/scheduler/scheduler.js';
import { openSqliteStore, type SqliteStore } from '../../../src/store/sqlite.js';
import { SlackRequestSender, startFakeSlack, type FakeSlack } from '../../fakes/slack/index.js';
import { FakeClock, realLibrary, subInput, tempDir } from '../../scheduler/helpers.js';

const SECRET = 'test-signing-secret';

describe('GIVEN a digest posted as a thread in a Slack channel', () => {
  const dir = tempDir();
  const clock = FakeClock.at('2026-03-02T08:00:00Z');
  const channel = { platform: 'slack', channelId: 'C0TEAM' };
  let store: SqliteStore;
  let fake: FakeSlack;
  let slack: SlackHandle;
  let scheduler: Scheduler;
  let sender: SlackRequestSender;

  beforeAll(async () => {
    store = openSqliteStore(dir.path('reactions.db'));
    fake = await startFakeSlack();
    const codec = new ActionCodec();
    const poster = new SlackPoster(createStrictClient('xoxb-test', { apiUrl: fake.apiUrl }), { encode: codec.encode.bind(codec) });
    scheduler = createScheduler({ store, library: realLibrary, posters: new Map<Platform, Poster>([['slack', poster]]), clock, sleep: async () => undefined, schedule: () => ({ stop() {} }) });
    const bot = new Bot({ registry: createRegistry(), library: realLibrary, userData: store, now: clock.now });
    slack = await startSlack({ botToken: 'xoxb-test', mode: 'http', signingSecret: SECRET, port: 0, host: '127.0.0.1', apiUrl: fake.apiUrl, managePolicy: 'admins', managers: [] }, bot);
    sender = new SlackRequestSender(`http://127.0.0.1:${slack.port}/slack/events`, SECRET);
  });
  afterAll(async () => {
    await scheduler?.stop();
    await slack?.stop();
    await fake?.stop();
    await store?.close();
    dir.cleanup();
  });

  const react = (type: 'reaction_added' | 'reaction_removed', ts: string, reaction: string) =>
    sender.event({ type, user: 'U0ALICE', reaction, item: { type: 'message', channel: 'C0TEAM', ts }, event_ts: `${Date.now() / 1000}` }, { eventId: `Ev${randomUUID()}` });

  async function votesWhen(done: (votes: { vote: number }[]) => boolean) {
    for (let i = 0; i < 100; i++) {
      const votes = await store.feedback.channelVotes(channel);
      if (done(votes)) return votes;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return store.feedback.channelVotes(channel);
  }

  it('THEN :+1: on a paper\'s reply is a vote, :-1::skin-tone-3: changes it, taking it off clears it; the parent message is no paper', async () => {
    await store.subscriptions.upsert(subInput({ platform: 'slack', channelId: 'C0TEAM', thread: true, count: 3, timezone: 'UTC', time: '08:00' }), new Date('2026-03-01T00:00:00Z'));
    expect((await scheduler.tick()).deliveries.map((d) => d.state)).toEqual(['sent']);
    const parentTs = (await store.deliveries.latest(1))!.messageId!;
    const replies = fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0TEAM' && c.args.thread_ts === parentTs);
    expect(replies).toHaveLength(3);
    // The replies' own ts, straight from the database file: what Slack would name in a reaction event.
    const db = new Database(dir.path('reactions.db'), { readonly: true });
    const rows = db.prepare("SELECT message_id, paper_id FROM paper_messages WHERE platform = 'slack' AND channel_id = 'C0TEAM' ORDER BY message_id").all() as { message_id: string; paper_id: string }[];
    db.close();
    expect(rows).toHaveLength(3);
    const second = rows[1]!;

    expect((await react('reaction_added', parentTs, '+1')).status).toBe(200);
    expect((await react('reaction_added', second.message_id, '+1')).status).toBe(200);
    expect(await votesWhen((v) => v.length === 1)).toMatchObject([{ userId: 'U0ALICE', paperId: second.paper_id, vote: 1 }]);
    await react('reaction_added', second.message_id, '-1::skin-tone-3');
    expect(await votesWhen((v) => v[0]?.vote === -1)).toMatchObject([{ paperId: second.paper_id, vote: -1 }]);
    await react('reaction_removed', second.message_id, '-1::skin-tone-3');
    expect(await votesWhen((v) => v.length === 0)).toEqual([]);
  });
});
