/** arXiv and Hugging Face links posted in a channel get the paper's card as their preview. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRegistry } from '../../../commands/index.js';
import { Bot } from '../../../src/core/bot.js';
import type { Paper } from '../../../src/corpus/paper.js';
import { combinePapers } from '../../../src/load-papers.js';
import { startSlack, type SlackHandle } from '../../../src/platforms/slack/app.js';
import { createLibrary } from '../../../src/search/library.js';
import { waitFor } from './wait.js';
import { SlackRequestSender, startFakeSlack, type FakeSlack } from '../../fakes/slack/index.js';
import { realLibrary } from '../../commands/helpers.js';

const SECRET = 'test-signing-secret';
const quokka: Paper = {
  id: 'pquokka1',
  title: 'Quokka Transformers for Burrow Mapping',
  titleDerived: false,
  abstract: 'We map quokka burrows with transformers.',
  arxivId: '2611.00001',
  authorNames: ['Ada Lovelace'],
  links: [],
  sources: ['hf'],
};

let fake: FakeSlack;
let slack: SlackHandle;
let sender: SlackRequestSender;

beforeAll(async () => {
  fake = await startFakeSlack();
  const library = createLibrary(combinePapers(realLibrary().library.papers, [quokka]));
  const bot = new Bot({ registry: createRegistry(), library: () => library });
  slack = await startSlack({ botToken: 'xoxb-test', mode: 'http', signingSecret: SECRET, port: 0, host: '127.0.0.1', apiUrl: fake.apiUrl, managePolicy: 'everyone', managers: [] }, bot);
  sender = new SlackRequestSender(`http://127.0.0.1:${slack.port}/slack/events`, SECRET);
});
afterAll(async () => {
  await slack?.stop();
  await fake?.stop();
});

const unfurlCall = () => waitFor(() => fake.callsTo('chat.unfurl').at(-1)?.args);

describe('GIVEN a message with paper links in a channel', () => {
  it('THEN the arXiv link gets the paper card, and other links are left alone', async () => {
    const ack = await sender.event({
      type: 'link_shared',
      channel: 'C0FAKE',
      user: 'U0USER',
      message_ts: '1700000000.000200',
      unfurl_id: 'unfurl-1',
      source: 'conversations_history',
      links: [
        { url: 'https://arxiv.org/abs/2611.00001v2', domain: 'arxiv.org' },
        { url: 'https://huggingface.co/papers/2699.99999', domain: 'huggingface.co' },
      ],
    });
    expect(ack.status).toBe(200);
    const args = await unfurlCall();
    expect(args).toMatchObject({ channel: 'C0FAKE', ts: '1700000000.000200' });
    const unfurls = (typeof args.unfurls === 'string' ? JSON.parse(args.unfurls) : args.unfurls) as Record<string, { blocks: unknown[] }>;
    // The unknown paper has no card (no network source in this test), the known one has.
    expect(Object.keys(unfurls)).toEqual(['https://arxiv.org/abs/2611.00001v2']);
    const text = JSON.stringify(unfurls['https://arxiv.org/abs/2611.00001v2']!.blocks);
    expect(text).toContain('<https://arxiv.org/abs/2611.00001|Quokka Transformers for Burrow Mapping>');
    expect(text).toContain('A. Lovelace');
  });

  it('THEN a link typed in the message box, not sent yet, is previewed through its unfurl id', async () => {
    const before = fake.callsTo('chat.unfurl').length;
    await sender.event({
      type: 'link_shared',
      channel: 'COMPOSER',
      user: 'U0USER',
      message_ts: 'U0USER-draft',
      unfurl_id: 'unfurl-draft-1',
      source: 'composer',
      links: [{ url: 'https://huggingface.co/papers/2611.00001', domain: 'huggingface.co' }],
    });
    const args = await waitFor(() => (fake.callsTo('chat.unfurl').length > before ? fake.callsTo('chat.unfurl').at(-1)!.args : undefined));
    expect(args).toMatchObject({ unfurl_id: 'unfurl-draft-1', source: 'composer' });
    expect(args.channel).toBeUndefined();
    expect(fake.callsTo('chat.unfurl').at(-1)!.outcome).toBe('ok');
  });
});
