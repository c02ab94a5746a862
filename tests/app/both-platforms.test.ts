/**
 * The whole app from one validated configuration: Discord and Slack at once from one process,
 * each against its local fake, with the operations server reporting both.
 */
import { mkdtempSync, rmSync } from 'node:fs';
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
let stateDir: string;

beforeAll(async () => {
  discordFake = await startFakeDiscord();
  slackFake = await startFakeSlack();
  slackPort = await freePort();
  stateDir = mkdtempSync(join(tmpdir(), 'paperbot-app-'));
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
    PAPERBOT_STATE_DIR: stateDir,
    PAPERBOT_SOURCES: 'files', // no network sources in tests
    LOG_LEVEL: 'silent',
  });
  expect(config.platforms).toEqual(['discord', 'slack']);
  app = await startApp(config, silentLogger, { input: new PassThrough(), output: new PassThrough() });
});

afterAll(async () => {
  await app?.shutdown.shutdown({ timeoutMs: 5000 });
  await discordFake?.stop();
  await slackFake?.stop();
  if (stateDir) rmSync(stateDir, { recursive: true, force: true });
});

/** A `/papers search` through the Discord gateway; resolves with the interaction response. */
async function discordSearch() {
  const { id } = discordFake.interactions.slashCommand({ root: 'papers', subcommand: 'search', options: { query: 'equivariance' } });
  return (await discordFake.interactions.response(id)) as { type: number; data: { embeds: { title?: string }[] } };
}

let slackReplies = 0;
/** A signed Slack `/papers digest`; resolves with the ack and the message posted to response_url. */
async function slackDigest() {
  const sender = new SlackRequestSender(`http://127.0.0.1:${slackPort}/slack/events`, SIGNING_SECRET);
  const replyId = `both-${++slackReplies}`;
  const ack = await sender.slashCommand('/papers', 'digest vae 2', { responseUrl: slackFake.responseUrl(replyId) });
  const [message] = (await slackFake.waitForResponses(replyId)) as { blocks: { type: string; text?: { text: string } }[] }[];
  return { ack, message };
}

async function metrics(): Promise<string> {
  return (await fetch(`http://127.0.0.1:${app.opsPort}/metrics`)).text();
}

/** A counter's value in the Prometheus text, 0 when the series is not there yet. */
function counter(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.slice(series.length + 1));
}

describe('GIVEN Discord and Slack credentials together', () => {
  it('THEN a Discord slash command is answered through the gateway and REST', async () => {
    const response = await discordSearch();
    expect(response.type).toBe(4);
    expect(response.data.embeds[0]!.title).toBe('Papers matching “equivariance”');
  });

  it('THEN a signed Slack slash command is acked and answered via response_url', async () => {
    const { ack, message } = await slackDigest();
    expect(ack.status).toBe(200);
    expect(message!.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Digest: Variational autoencoders' } });
  });

  it('THEN /healthz reports both platforms and /metrics counts commands per platform', async () => {
    const health = await fetch(`http://127.0.0.1:${app.opsPort}/healthz`);
    expect(health.status).toBe(200);
    const body = (await health.json()) as { status: string; checks: Record<string, { ok: boolean }> };
    expect(body.status).toBe('ok');
    for (const check of ['corpus', 'database', 'discord', 'slack']) expect(body.checks[check]?.ok).toBe(true);

    // This test sends its own commands and checks the counters went up by one each, so it does
    // not depend on the tests above having run first (alone with -t, or shuffled).
    const search = 'paperbot_commands_total{command="search",platform="discord",outcome="ok"}';
    const digest = 'paperbot_commands_total{command="digest",platform="slack",outcome="ok"}';
    const before = await metrics();
    await discordSearch();
    await slackDigest();
    const after = await metrics();
    expect(counter(after, search)).toBe(counter(before, search) + 1);
    expect(counter(after, digest)).toBe(counter(before, digest) + 1);
    expect(after).toContain('paperbot_corpus_papers 488');
  });
});
