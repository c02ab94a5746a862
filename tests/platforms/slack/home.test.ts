/** The App Home tab: a search, what is new this week, and the workspace's subscriptions. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRegistry } from '../../../commands/index.js';
import { Bot } from '../../../src/core/bot.js';
import type { Paper } from '../../../src/corpus/paper.js';
import { combinePapers } from '../../../src/load-papers.js';
import { startSlack, type SlackHandle } from '../../../src/platforms/slack/app.js';
import { HOME_SEARCH_ACTION, SEARCH_VIEW } from '../../../src/platforms/slack/home.js';
import { createScheduler } from '../../../src/scheduler/scheduler.js';
import { createSubscriptionService } from '../../../src/scheduler/service.js';
import { createLibrary } from '../../../src/search/library.js';
import { openSqliteStore, type SqliteStore } from '../../../src/store/sqlite.js';
import { waitFor } from './wait.js';
import { SlackRequestSender, startFakeSlack, type FakeSlack } from '../../fakes/slack/index.js';
import { realLibrary, subInput, tempDir } from '../../scheduler/helpers.js';

const SECRET = 'test-signing-secret';
const dir = tempDir();
const fresh: Paper = {
  id: 'pquokka1',
  title: 'Quokka Transformers for Burrow Mapping',
  titleDerived: false,
  abstract: 'We map quokka burrows with transformers.',
  arxivId: '2611.00001',
  links: [],
  sources: ['hf'],
  firstSeen: new Date(Date.now() - 3_600_000).toISOString(),
  upvotes: 9,
};
let store: SqliteStore;
let fake: FakeSlack;
let slack: SlackHandle;
let sender: SlackRequestSender;

beforeAll(async () => {
  store = openSqliteStore(dir.path('home.db'));
  await store.subscriptions.upsert(subInput({ platform: 'slack', workspaceId: 'T0FAKE', channelId: 'C0PAPERS', topic: 'diffusion', createdBy: 'U0USER' }), new Date());
  await store.subscriptions.upsert(subInput({ platform: 'slack', workspaceId: 'T0FAKE', channelId: 'G0SECRET', topic: 'layoffs', createdBy: 'U0OTHER' }), new Date());
  await store.subscriptions.upsert(subInput({ platform: 'slack', workspaceId: 'T0OTHER', channelId: 'C0ELSE', topic: 'vae' }), new Date());
  const library = createLibrary(combinePapers(realLibrary().papers, [fresh]));
  const scheduler = createScheduler({ store, library: () => library, posters: new Map(), schedule: () => ({ stop() {} }) });
  const bot = new Bot({ registry: createRegistry(), library: () => library, subscriptions: createSubscriptionService({ store, postNow: scheduler.postNow }) });
  fake = await startFakeSlack();
  slack = await startSlack({ botToken: 'xoxb-test', mode: 'http', signingSecret: SECRET, port: 0, host: '127.0.0.1', apiUrl: fake.apiUrl, managePolicy: 'everyone', managers: [] }, bot);
  sender = new SlackRequestSender(`http://127.0.0.1:${slack.port}/slack/events`, SECRET);
});
afterAll(async () => {
  await slack?.stop();
  await fake?.stop();
  await store.close();
  dir.cleanup();
});

describe('the App Home tab', () => {
  it('shows a search button, this week\'s papers and the viewer\'s own subscriptions; others are only counted', async () => {
    expect((await sender.event({ type: 'app_home_opened', user: 'U0USER', channel: 'D0HOME', tab: 'home', event_ts: '1700000000.1' })).status).toBe(200);
    const call = await waitFor(() => fake.callsTo('views.publish').at(-1));
    expect(call.args.user_id).toBe('U0USER');
    const text = JSON.stringify(call.args.view);
    expect(text).toContain(HOME_SEARCH_ACTION);
    expect(text).toContain('<https://arxiv.org/abs/2611.00001|Quokka Transformers for Burrow Mapping>');
    expect(text).toContain('<#C0PAPERS> · “diffusion” · 3 papers at 09:00 (Europe/Berlin), every day');
    expect(text).not.toContain('C0ELSE');
    // Someone else's subscription, perhaps in a private channel: neither its channel nor its topic.
    expect(text).not.toContain('G0SECRET');
    expect(text).not.toContain('layoffs');
    expect(text).toContain('1 more in this workspace, set up by others.');
  });

  it('searches in a form, with the results in the form: private to whoever searched', async () => {
    await sender.blockAction({ action_id: HOME_SEARCH_ACTION, text: { text: 'Search papers' } }, { userId: 'U0USER', responseUrl: fake.responseUrl('home-search') });
    const opened = await waitFor(() => fake.callsTo('views.open').at(-1));
    expect((opened.args.view as { callback_id: string }).callback_id).toBe(SEARCH_VIEW);
    const results = await sender.viewSubmission({ callback_id: SEARCH_VIEW }, { query: { value: { type: 'plain_text_input', value: 'quokka burrows' } } }, { userId: 'U0USER' });
    const body = JSON.parse(results.body) as { response_action: string; view: { blocks: { type: string }[] } };
    expect(body.response_action).toBe('update');
    expect(JSON.stringify(body.view.blocks)).toContain('Quokka Transformers for Burrow Mapping');
    expect(body.view.blocks.some((b) => b.type === 'actions')).toBe(false);
    const bad = await sender.viewSubmission({ callback_id: SEARCH_VIEW }, { query: { value: { type: 'plain_text_input', value: '-only' } } }, { userId: 'U0USER' });
    expect(JSON.parse(bad.body)).toMatchObject({ response_action: 'errors', errors: { query: expect.stringMatching(/^Your search only says what to leave out/) } });
  });
});
