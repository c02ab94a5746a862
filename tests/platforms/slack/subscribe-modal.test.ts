/**
 * `/papers subscribe` alone, or the "Subscribe this channel" button, opens a form; submitting it
 * subscribes the channel, and a mistake is shown on its field. Real Bolt App, fake Slack.
 */
import type { ModalView } from '@slack/types';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRegistry } from '../../../commands/index.js';
import { Bot } from '../../../src/core/bot.js';
import { startSlack, type SlackHandle } from '../../../src/platforms/slack/app.js';
import { SUBSCRIBE_VIEW, subscribeView } from '../../../src/platforms/slack/subscribe-modal.js';
import { createScheduler } from '../../../src/scheduler/scheduler.js';
import { createSubscriptionService } from '../../../src/scheduler/service.js';
import { openSqliteStore, type SqliteStore } from '../../../src/store/sqlite.js';
import { waitFor } from './wait.js';
import { findButton, SlackRequestSender, startFakeSlack, type FakeSlack } from '../../fakes/slack/index.js';
import { FakeClock, realLibrary, tempDir } from '../../scheduler/helpers.js';

const SECRET = 'test-signing-secret';
const dir = tempDir();
let store: SqliteStore;
let fake: FakeSlack;
let slack: SlackHandle;
let sender: SlackRequestSender;

beforeAll(async () => {
  store = openSqliteStore(dir.path('modal.db'));
  const clock = FakeClock.at('2026-11-30T12:00:00Z');
  const scheduler = createScheduler({ store, library: realLibrary, posters: new Map(), clock, schedule: () => ({ stop() {} }) });
  const subscriptions = createSubscriptionService({ store, postNow: scheduler.postNow, clock, defaultTimezone: 'Europe/Berlin', defaultTime: '09:00' });
  const bot = new Bot({ registry: createRegistry(), library: realLibrary, subscriptions, now: clock.now });
  fake = await startFakeSlack({ users: [{ id: 'UADMIN', is_admin: true }, { id: 'U0USER' }] });
  slack = await startSlack({ botToken: 'xoxb-test', mode: 'http', signingSecret: SECRET, port: 0, host: '127.0.0.1', apiUrl: fake.apiUrl, managePolicy: 'admins', managers: [] }, bot);
  sender = new SlackRequestSender(`http://127.0.0.1:${slack.port}/slack/events`, SECRET);
});
afterAll(async () => {
  await slack?.stop();
  await fake?.stop();
  await store.close();
  dir.cleanup();
});

type View = { callback_id: string; private_metadata: string; title: { text: string }; blocks: { block_id: string; element: Record<string, unknown> }[] };
const lastView = () => fake.callsTo('views.open').at(-1)?.args.view as View | undefined;

const values = (fields: { topic: string; time?: string; timezone?: string; days?: string[]; count?: string; mode?: string; post?: string }) => ({
  topic: { value: { type: 'plain_text_input', value: fields.topic } },
  time: { value: { type: 'timepicker', selected_time: fields.time ?? '09:00' } },
  timezone: { value: { type: 'plain_text_input', value: fields.timezone ?? 'Europe/Berlin' } },
  days: { value: { type: 'checkboxes', selected_options: (fields.days ?? ['1', '2', '3', '4', '5', '6', '7']).map((value) => ({ value })) } },
  count: { value: { type: 'static_select', selected_option: { value: fields.count ?? '5' } } },
  mode: { value: { type: 'radio_buttons', selected_option: { value: fields.mode ?? 'best' } } },
  post: { value: { type: 'radio_buttons', selected_option: { value: fields.post ?? 'message' } } },
});

describe('the subscribe form', () => {
  it('opens on `/papers subscribe` for a channel manager, with the defaults filled in', async () => {
    const before = fake.callsTo('views.open').length;
    expect((await sender.slashCommand('/papers', 'subscribe', { responseUrl: fake.responseUrl(randomUUID()), userId: 'UADMIN', channelId: 'C0TEAM' })).status).toBe(200);
    const view = await waitFor(() => (fake.callsTo('views.open').length > before ? lastView() : undefined));
    expect(view.callback_id).toBe(SUBSCRIBE_VIEW);
    expect(JSON.parse(view.private_metadata)).toEqual({ channelId: 'C0TEAM' });
    expect(view.blocks.map((b) => b.block_id)).toEqual(['topic', 'time', 'timezone', 'days', 'count', 'mode', 'post']);
    expect(view.blocks[1]!.element).toMatchObject({ type: 'timepicker', initial_time: '09:00' });
    expect(view.blocks[2]!.element).toMatchObject({ initial_value: 'Europe/Berlin' });
  });

  it('is one of Slack\'s own modal views (checked by the compiler against @slack/types)', () => {
    const view: ModalView = subscribeView('C0TEAM', { time: '09:00', timezone: 'UTC' });
    expect(view.blocks).toHaveLength(7);
  });

  it('subscribes the channel on submit and tells the channel', async () => {
    const reply = await sender.viewSubmission(
      { callback_id: SUBSCRIBE_VIEW, private_metadata: JSON.stringify({ channelId: 'C0TEAM' }) },
      values({ topic: 'diffusion', time: '08:30', timezone: 'Paris', days: ['1', '3', '5'], count: '3', mode: 'new', post: 'thread' }),
      { userId: 'UADMIN' },
    );
    expect(reply.status).toBe(200);
    expect(reply.body).toBe('');
    expect((await store.subscriptions.listChannel({ platform: 'slack', channelId: 'C0TEAM' }))[0]).toMatchObject({
      topic: 'diffusion',
      time: '08:30',
      timezone: 'Europe/Paris',
      days: [1, 3, 5],
      count: 3,
      mode: 'new',
      thread: true,
      createdBy: 'UADMIN',
    });
    const posted = await waitFor(() => fake.callsTo('chat.postMessage').find((c) => c.args.channel === 'C0TEAM'));
    expect(String(posted.args.text)).toMatch(/^Subscribed this channel to Diffusion models \(#1\): up to 3 new papers, in a thread at 08:30 \(Europe\/Paris\), Mon, Wed, Fri\./);
  });

  it('keeps the form open with the problem on its field', async () => {
    const reply = await sender.viewSubmission(
      { callback_id: SUBSCRIBE_VIEW, private_metadata: JSON.stringify({ channelId: 'C0TEAM' }) },
      values({ topic: 'vae', timezone: 'Pariss' }),
      { userId: 'UADMIN' },
    );
    expect(JSON.parse(reply.body)).toEqual({ response_action: 'errors', errors: { timezone: "I don't know the timezone “Pariss”. Did you mean `Europe/Paris`?" } });
    const noDays = await sender.viewSubmission({ callback_id: SUBSCRIBE_VIEW, private_metadata: JSON.stringify({ channelId: 'C0TEAM' }) }, values({ topic: 'vae', days: [] }), { userId: 'UADMIN' });
    expect(Object.keys((JSON.parse(noDays.body) as { errors: object }).errors)).toEqual(['days']);
  });

  it('is offered as a button on help, which opens the same form', async () => {
    const id = randomUUID();
    await sender.slashCommand('/papers', 'help', { responseUrl: fake.responseUrl(id), userId: 'UADMIN', channelId: 'C0TEAM' });
    const [help] = await fake.waitForResponses(id);
    const button = findButton(help as Record<string, unknown>, 'Subscribe this channel');
    expect(button).toBeDefined();
    const before = fake.callsTo('views.open').length;
    await sender.blockAction(button!, { responseUrl: fake.responseUrl(randomUUID()), userId: 'UADMIN', channelId: 'C0TEAM', ephemeral: true });
    expect((await waitFor(() => (fake.callsTo('views.open').length > before ? lastView() : undefined))).callback_id).toBe(SUBSCRIBE_VIEW);
  });

  it('is not opened for someone who may not change the channel: they get the usual answer', async () => {
    const before = fake.callsTo('views.open').length;
    const id = randomUUID();
    await sender.slashCommand('/papers', 'subscribe', { responseUrl: fake.responseUrl(id), userId: 'U0USER', channelId: 'C0TEAM' });
    const [answer] = await fake.waitForResponses(id);
    expect(JSON.stringify(answer)).toContain('Only people who can manage this channel may use');
    expect(fake.callsTo('views.open').length).toBe(before);
  });
});
