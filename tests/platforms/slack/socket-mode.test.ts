/** Socket Mode end to end: the real Bolt App connects to the fake's WebSocket and acks envelopes. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlack, type SlackHandle } from '../../../src/platforms/slack/app.js';
import { blockActionPayload, findButton, slashCommandPayload, startFakeSlack, type FakeSlack } from '../../fakes/slack/index.js';
import { fixtureBot } from './fixtures.js';

describe('Slack adapter in Socket Mode', () => {
  let fake: FakeSlack;
  let slack: SlackHandle;

  beforeAll(async () => {
    fake = await startFakeSlack();
    slack = await startSlack(
      { botToken: 'xoxb-test', mode: 'socket', appToken: 'xapp-test', apiUrl: fake.apiUrl, managePolicy: 'everyone', managers: [] },
      fixtureBot(),
    );
  });
  afterAll(async () => {
    await slack?.stop();
    await fake?.stop();
  });

  it('opens a connection with the app token and starts without an HTTP port', () => {
    expect(fake.callsTo('apps.connections.open')[0]).toMatchObject({ authorized: true, outcome: 'ok' });
    expect(fake.socketMode.connected).toBe(true);
    expect(slack.port).toBeUndefined();
    expect(slack.isReady()).toBe(true);
  });

  it('acks a slash command envelope and responds through the response URL', async () => {
    const id = randomUUID();
    const ack = await fake.socketMode.send('slash_commands', slashCommandPayload('/papers', 'search diffusion', { responseUrl: fake.responseUrl(id) }));
    expect(ack.envelope_id).toBeDefined();
    const [message] = await fake.waitForResponses(id);
    expect(message).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('Papers matching “diffusion”') });

    const next = findButton(message!, 'Next ▶')!;
    const pressId = randomUUID();
    await fake.socketMode.send('interactive', blockActionPayload(next, { responseUrl: fake.responseUrl(pressId) }));
    const [page2] = await fake.waitForResponses(pressId);
    expect(page2).toMatchObject({ replace_original: true, text: expect.stringContaining('(6–6 of 6)') });
  });
});
