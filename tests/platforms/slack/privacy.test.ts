/**
 * Privacy of button answers through the real Bolt App and the fake Slack: a private reply's
 * buttons answer privately; a shared message moves only for the person who ran it.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandList } from '../../../commands/index.js';
import { startSlack, type SlackHandle } from '../../../src/platforms/slack/app.js';
import { findButton, SlackRequestSender, startFakeSlack, type FakeSlack } from '../../fakes/slack/index.js';
import { fixtureBot } from './fixtures.js';

const SECRET = 'test-signing-secret';
type Message = Record<string, unknown> & { response_type?: string; replace_original?: boolean; blocks: unknown[] };

let fake: FakeSlack;
let slack: SlackHandle;
let sender: SlackRequestSender;

beforeAll(async () => {
  fake = await startFakeSlack({ users: [{ id: 'U0ALICE' }, { id: 'U0BOB' }] });
  slack = await startSlack(
    { botToken: 'xoxb-test', mode: 'http', signingSecret: SECRET, port: 0, host: '127.0.0.1', apiUrl: fake.apiUrl, managePolicy: 'everyone', managers: [] },
    fixtureBot([...commandList]),
  );
  sender = new SlackRequestSender(`http://127.0.0.1:${slack.port}/slack/events`, SECRET);
});
afterAll(async () => {
  await slack?.stop();
  await fake?.stop();
});

async function command(text: string, userId: string): Promise<Message> {
  const id = randomUUID();
  expect((await sender.slashCommand('/papers', text, { responseUrl: fake.responseUrl(id), userId })).status).toBe(200);
  return (await fake.waitForResponses(id))[0] as Message;
}

/** Presses a button as `userId`; Slack marks presses on ephemeral messages with `container.is_ephemeral`. */
async function press(message: Message, label: string, userId: string): Promise<Message> {
  const button = findButton(message, label);
  expect(button, `button ${label}`).toBeDefined();
  const id = randomUUID();
  const ack = await sender.blockAction(button!, { responseUrl: fake.responseUrl(id), userId, ephemeral: message.response_type === 'ephemeral' });
  expect(ack.status).toBe(200);
  return (await fake.waitForResponses(id))[0] as Message;
}

describe('GIVEN a private search result', () => {
  it('THEN "Details" answers privately instead of posting to the channel', async () => {
    const results = await command('search diffusion', 'U0ALICE');
    expect(results.response_type).toBe('ephemeral');
    const details = await press(results, 'Details', 'U0ALICE');
    expect(details).toMatchObject({ response_type: 'ephemeral', replace_original: false });
  });
});

describe('GIVEN a message shared in the channel', () => {
  it('THEN only the person who ran it moves it; anyone else gets a private copy', async () => {
    const shared = await command('random', 'U0ALICE');
    expect(shared.response_type).toBe('in_channel');
    expect(await press(shared, 'Another one', 'U0BOB')).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(await press(shared, 'Details', 'U0BOB')).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(await press(shared, 'Another one', 'U0ALICE')).toMatchObject({ response_type: 'in_channel', replace_original: true });
  });
});

describe('GIVEN help on Slack', () => {
  it('THEN its examples start with the slash command', async () => {
    const text = JSON.stringify(await command('help', 'U0ALICE'));
    expect(text).toContain('/papers search diffusion models since:2024');
    expect(text).toContain('/papers subscribe diffusion 08:30');
  });
});
