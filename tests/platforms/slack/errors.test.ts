/** Failures around the bot: logged with context and a reference, never with tokens. */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Bot } from '../../../src/core/bot.js';
import type { Logger } from '../../../src/core/logger.js';
import { startSlack, type SlackHandle } from '../../../src/platforms/slack/app.js';
import { SlackRequestSender, startFakeSlack, type FakeSlack } from '../../fakes/slack/index.js';
import { fixtureBot } from './fixtures.js';

const SECRET = 'another-secret';
const TOKEN = 'xoxb-very-secret-token';

function capturingLogger(lines: { level: string; obj: object; msg?: string }[]): Logger {
  const at = (level: string) => (obj: object, msg?: string) => void lines.push({ level, obj, ...(msg ? { msg } : {}) });
  const log: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), child: () => log };
  return log;
}

describe('Slack adapter failures', () => {
  let fake: FakeSlack | undefined;
  let slack: SlackHandle | undefined;
  afterEach(async () => {
    await slack?.stop();
    await fake?.stop();
    slack = fake = undefined;
  });

  it('apologises with a reference and logs the error with context but no token', async () => {
    fake = await startFakeSlack();
    const lines: { level: string; obj: object; msg?: string }[] = [];
    const bot = fixtureBot();
    (bot as { runText: Bot['runText'] }).runText = async () => {
      throw new Error('library exploded');
    };
    slack = await startSlack(
      { botToken: TOKEN, mode: 'http', signingSecret: SECRET, port: 0, host: '127.0.0.1', apiUrl: fake.apiUrl, managePolicy: 'everyone', managers: [], logger: capturingLogger(lines) },
      bot,
    );
    const id = randomUUID();
    const sender = new SlackRequestSender(`http://127.0.0.1:${slack.port}/slack/events`, SECRET);
    expect((await sender.slashCommand('/papers', 'search x', { responseUrl: fake.responseUrl(id), userId: 'U42' })).status).toBe(200);
    const [message] = await fake.waitForResponses(id);
    const ref = /reference (E-[0-9A-F]{6})/.exec(String(message?.text))?.[1];
    expect(ref).toBeDefined();
    expect(message).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    const logged = lines.find((l) => l.level === 'error');
    expect(logged?.obj).toMatchObject({ ref, kind: 'command', userId: 'U42', channelId: 'C0FAKE' });
    expect(JSON.stringify(lines, (_k, v: unknown) => (v instanceof Error ? v.message : v))).not.toContain(TOKEN);
  });

  it('fails to start when auth.test rejects the token', async () => {
    fake = await startFakeSlack({ tokens: ['xoxb-other'] });
    await expect(
      startSlack({ botToken: TOKEN, mode: 'http', signingSecret: SECRET, port: 0, host: '127.0.0.1', apiUrl: fake.apiUrl, managePolicy: 'everyone', managers: [] }, fixtureBot()),
    ).rejects.toThrow(/invalid_auth/);
    expect(fake.callsTo('auth.test')[0]?.outcome).toBe('invalid_auth');
  });

  it('fails start-up within seconds, without the token, when the Web API cannot be reached', async () => {
    const closed = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    const started = Date.now();
    const failure = await startSlack(
      { botToken: TOKEN, mode: 'http', signingSecret: SECRET, port: 0, host: '127.0.0.1', apiUrl: `http://127.0.0.1:${closed}/api`, managePolicy: 'everyone', managers: [] },
      fixtureBot(),
    ).then(
      () => undefined,
      (error: unknown) => error as Error,
    );
    expect(failure?.message).toMatch(/^slack: could not reach the Web API at http:\/\/127\.0\.0\.1:\d+\/api\/ \(.*ECONNREFUSED.*\); check the network or SLACK_API_URL$/);
    expect(failure?.message).not.toContain(TOKEN);
    expect(Date.now() - started).toBeLessThan(8000);
  }, 15_000);

  it('stops cleanly: the port is released and isReady turns false', async () => {
    fake = await startFakeSlack();
    slack = await startSlack(
      { botToken: TOKEN, mode: 'http', signingSecret: SECRET, port: 0, host: '127.0.0.1', apiUrl: fake.apiUrl, managePolicy: 'everyone', managers: [] },
      fixtureBot(),
    );
    const port = slack.port;
    await slack.stop();
    expect(slack.isReady()).toBe(false);
    await expect(fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST' })).rejects.toThrow();
    await slack.stop(); // idempotent
  });
});
