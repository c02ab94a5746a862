/** Socket Mode end to end: the real Bolt App connects to the fake's WebSocket and acks envelopes. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
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

  // Last: it drops the connection. The client waits its ping timeout (5 s) before reconnecting.
  it('isReady turns false when the socket drops and true again once it has reconnected', async () => {
    const before = fake.socketMode.connections;
    // The fake keeps its sockets private; cutting them from the server side is what a network drop looks like.
    for (const ws of (fake.socketMode as unknown as { clients: Set<WebSocket> }).clients) ws.terminate();
    await until(() => !slack.isReady(), 2000);
    expect(slack.isReady()).toBe(false);
    await until(() => slack.isReady(), 12_000);
    expect(fake.socketMode.connections).toBe(before + 1);
  }, 20_000);
});

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
