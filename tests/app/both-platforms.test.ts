/**
 * The whole app from one validated configuration: Discord and Slack at once from one process,
 * each against its local fake, with the operations server reporting both.
 */
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { silentLogger } from '../../src/core/logger.js';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord/index.js';
import { SlackRequestSender, startFakeSlack, type FakeSlack } from '../fakes/slack/index.js';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const SIGNING_SECRET = '0123456789abcdef0123456789abcdef'; // shaped like Slack's hex signing secrets
let discordFake: FakeDiscord;
let slackFake: FakeSlack;
let app: App;
let slackPort: number;

beforeAll(async () => {
  discordFake = await startFakeDiscord();
  slackFake = await startFakeSlack();
  slackPort = await freePort();
  const config = loadConfig({
    DISCORD_TOKEN: discordFake.token,
    DISCORD_APPLICATION_ID: discordFake.applicationId,
    DISCORD_API_URL: discordFake.apiUrl,
    SLACK_BOT_TOKEN: 'xoxb-local-test',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_MODE: 'http',
    PORT: String(slackPort),
    SLACK_API_URL: slackFake.apiUrl,
    OPS_PORT: String(await freePort()),
    PAPERBOT_STATE_DIR: mkdtempSync(join(tmpdir(), 'paperbot-app-')),
    LOG_LEVEL: 'silent',
  });
  expect(config.platforms).toEqual(['discord', 'slack']);
  app = await startApp(config, silentLogger, { input: new PassThrough(), output: new PassThrough() });
});

afterAll(async () => {
  await app?.shutdown.shutdown({ timeoutMs: 5000 });
  await discordFake?.stop();
  await slackFake?.stop();
});

describe('GIVEN Discord and Slack credentials together', () => {
  it('THEN a Discord slash command is answered through the gateway and REST', async () => {
    const { id } = discordFake.interactions.slashCommand({ root: 'papers', subcommand: 'search', options: { query: 'equivariance' } });
    const response = (await discordFake.interactions.response(id)) as { type: number; data: { embeds: { title?: string }[] } };
    expect(response.type).toBe(4);
    expect(response.data.embeds[0]!.title).toBe('Papers matching “equivariance”');
  });

  it('THEN a signed Slack slash command is acked and answered via response_url', async () => {
    const sender = new SlackRequestSender(`http://127.0.0.1:${slackPort}/slack/events`, SIGNING_SECRET);
    const ack = await sender.slashCommand('/papers', 'digest vae 2', { responseUrl: slackFake.responseUrl('both-1') });
    expect(ack.status).toBe(200);
    const [message] = (await slackFake.waitForResponses('both-1')) as { blocks: { type: string; text?: { text: string } }[] }[];
    expect(message!.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Digest: Variational autoencoders' } });
  });

  it('THEN /healthz reports both platforms and /metrics counts commands per platform', async () => {
    const health = await fetch(`http://127.0.0.1:${app.opsPort}/healthz`);
    expect(health.status).toBe(200);
    const body = (await health.json()) as { status: string; checks: Record<string, { ok: boolean }> };
    expect(body.status).toBe('ok');
    for (const check of ['corpus', 'database', 'discord', 'slack']) expect(body.checks[check]?.ok).toBe(true);

    const metrics = await (await fetch(`http://127.0.0.1:${app.opsPort}/metrics`)).text();
    expect(metrics).toContain('paperbot_commands_total{command="search",platform="discord",outcome="ok"} 1');
    expect(metrics).toContain('paperbot_commands_total{command="digest",platform="slack",outcome="ok"} 1');
    expect(metrics).toContain('paperbot_corpus_papers 488');
  });
});
