/**
 * Personal digests through the real Bolt App and the fake Slack: anyone subscribes themselves,
 * the digest arrives as a direct message from the app, and unsubscribing or `forget me` stops it
 * at once.
 */
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
import { createSubscriptionService } from '../../../src/scheduler/service.js';
import { openSqliteStore, type SqliteStore } from '../../../src/store/sqlite.js';
import { SlackRequestSender, startFakeSlack, type FakeSlack } from '../../fakes/slack/index.js';
import { FakeClock, realLibrary, tempDir } from '../../scheduler/helpers.js';

const SECRET = 'test-signing-secret';

describe('GIVEN a Slack member who subscribes themselves', () => {
  const dir = tempDir();
  const clock = FakeClock.at('2026-03-02T07:00:00Z');
  let store: SqliteStore;
  let fake: FakeSlack;
  let slack: SlackHandle;
  let scheduler: Scheduler;
  let sender: SlackRequestSender;

  beforeAll(async () => {
    store = openSqliteStore(dir.path('personal.db'));
    fake = await startFakeSlack();
    const codec = new ActionCodec();
    scheduler = createScheduler({
      store,
      library: realLibrary,
      posters: new Map<Platform, Poster>([['slack', new SlackPoster(createStrictClient('xoxb-test', { apiUrl: fake.apiUrl }), { encode: codec.encode.bind(codec) })]]),
      clock,
      sleep: async () => undefined,
      schedule: () => ({ stop() {} }),
    });
    const subscriptions = createSubscriptionService({ store, postNow: scheduler.postNow, clock });
    const bot = new Bot({ registry: createRegistry(), library: realLibrary, subscriptions, userData: store, now: clock.now });
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

  async function command(text: string): Promise<{ text?: string; response_type?: string }> {
    const id = randomUUID();
    await sender.slashCommand('/papers', text, { responseUrl: fake.responseUrl(id), userId: 'U0ALICE', channelId: 'C0TEAM' });
    return (await fake.waitForResponses(id))[0] as { text?: string };
  }
  const dms = () => fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'DU0ALICE');

  it('THEN she needs no channel rights, and her digest arrives by direct message at her time', async () => {
    const answer = await command('subscribe-me diffusion 9am Europe/Berlin 3');
    expect(answer.response_type).toBe('ephemeral');
    expect(answer.text).toMatch(/^Subscribed you to Diffusion models \(#1\): 3 papers at 09:00 \(Europe\/Berlin\), every day\. Digests come to you in a direct message; stop them with `unsubscribe-me 1`\./);
    expect((await command('subscriptions me')).text).toMatch(/^Your personal digests:\n#1 “diffusion”: 3 papers at 09:00/);
    // The channel's own list does not show it.
    expect((await command('subscriptions')).text).toBe('This channel has no scheduled digests. Start one with `subscribe diffusion 09:00` or `subscribe daily`.');

    clock.set('2026-03-02T08:00:00Z');
    expect((await scheduler.tick()).deliveries.map((d) => d.state)).toEqual(['sent']);
    expect(dms()).toHaveLength(1);
    expect(String(dms()[0]!.args.text)).toMatch(/^Digest: Diffusion models\n1\. /);
    expect(JSON.stringify(dms()[0]!.args.blocks)).toContain('stop it with `unsubscribe-me 1`');
  });

  it('THEN `forget me` stops it at once: no more digests', async () => {
    const forgot = await command('forget me');
    expect(forgot.text).toContain('I stopped your 1 personal digest.');
    expect(await store.subscriptions.listActive()).toEqual([]);
    clock.set('2026-03-03T08:00:00Z');
    expect((await scheduler.tick()).deliveries).toEqual([]);
    expect(dms()).toHaveLength(1);
  });
});
