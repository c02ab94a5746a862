/**
 * Two whole apps on one Postgres, as two replicas behind a load balancer: one runs the paper
 * sources and the other serves what it stored within seconds; rate limits and Slack retries are
 * shared; readiness follows the database; the sources move when their holder stops.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import type { Logger } from '../../src/core/logger.js';
import { hfItem } from '../fakes/hf/fixtures.js';
import { FakeHf } from '../fakes/hf/server.js';
import { SlackRequestSender, startFakeSlack, type FakeSlack } from '../fakes/slack/index.js';
import { testDatabases } from '../support/postgres.js';

const databases = testDatabases();
const SIGNING_SECRET = '0123456789abcdef0123456789abcdef';
const TODAY = new Date().toISOString().slice(0, 10);
const ARXIV_ID = '2612.00042';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function memoryLogger(lines: string[]): Logger {
  const at = (_obj: object, msg?: string) => void lines.push(msg ?? '');
  const logger: Logger = { debug: at, info: at, warn: at, error: at, child: () => logger };
  return logger;
}

interface Replica {
  app: App;
  hf: FakeHf;
  sender: SlackRequestSender;
  opsPort: number;
  logs: string[];
}

let databaseUrl: string;
let slack: FakeSlack;
const replicas: Replica[] = [];
const closeFakes: (() => Promise<void>)[] = [];
const dirs: string[] = [];

async function startReplica(): Promise<Replica> {
  // Each replica reaches Hugging Face through its own fake, so the requests tell who polled.
  const hf = new FakeHf({ days: { [TODAY]: [hfItem({ id: ARXIV_ID, title: 'Tidal Attention for Ocean Current Forecasting', listedAt: `${TODAY}T08:00:00.000Z` })] } });
  const { url, close } = await hf.start();
  closeFakes.push(close);
  const stateDir = mkdtempSync(join(tmpdir(), 'paperbot-replica-'));
  dirs.push(stateDir);
  const [slackPort, opsPort] = [await freePort(), await freePort()];
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    PAPERBOT_FAILOVER_AFTER: '3s',
    SLACK_BOT_TOKEN: 'xoxb-local-test',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_MODE: 'http',
    PORT: String(slackPort),
    SLACK_API_URL: slack.apiUrl,
    OPS_PORT: String(opsPort),
    PAPERBOT_STATE_DIR: stateDir,
    PAPERBOT_CACHE_DIR: 'off',
    PAPERBOT_SOURCES: 'files,hf',
    HF_API_URL: url,
    PAPERBOT_RATE_LIMIT_BURST: '2',
    PAPERBOT_RATE_LIMIT_PER_MINUTE: '1',
  });
  const logs: string[] = [];
  const app = await startApp(config, memoryLogger(logs), { input: new PassThrough(), output: new PassThrough() });
  const replica = { app, hf, opsPort, logs, sender: new SlackRequestSender(`http://127.0.0.1:${slackPort}/slack/events`, SIGNING_SECRET) };
  replicas.push(replica);
  return replica;
}

async function admin(sql: string): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  const client = new pg.Client({ connectionString: databaseUrl.replace(`/${name}`, '/postgres') });
  await client.connect();
  try {
    await client.query(sql.replaceAll('$db', name));
  } finally {
    await client.end();
  }
}

const readiness = async (r: Replica) => {
  const res = await fetch(`http://127.0.0.1:${r.opsPort}/readyz`);
  return { status: res.status, body: (await res.json()) as { checks: Record<string, { ok: boolean }> } };
};

let a: Replica;
let b: Replica;

beforeAll(async () => {
  databaseUrl = await databases.fresh();
  slack = await startFakeSlack();
  a = await startReplica();
  b = await startReplica();
}, 30_000);

afterAll(async () => {
  for (const r of replicas) await r.app.shutdown.shutdown({ timeoutMs: 5000 });
  for (const close of closeFakes) await close();
  await slack?.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('two replicas on one Postgres', { shuffle: false }, () => {
  it('one runs the paper sources; the other serves the paper it stored within seconds', async () => {
    await waitFor(() => a.app.holder.current().byArxivId(ARXIV_ID));
    expect(a.hf.requests.length).toBeGreaterThan(0);
    expect(b.hf.requests).toEqual([]);
    const served = await waitFor(() => b.app.holder.current().byArxivId(ARXIV_ID));
    expect(served.title).toBe('Tidal Attention for Ocean Current Forecasting');
    expect((await readiness(b)).body.checks.sources).toMatchObject({ ok: true, sources: 'run by another replica' });
  });

  it('a user gets one budget of commands, whichever replica answers', async () => {
    const request = { platform: 'slack', userId: 'U-RATE', channelId: 'C1' };
    expect((await a.app.bot.run('topics', {}, request)).error).toBeUndefined();
    expect((await b.app.bot.run('topics', {}, request)).error).toBeUndefined();
    expect(await a.app.bot.run('topics', {}, request)).toMatchObject({ error: true, text: expect.stringMatching(/sending commands a bit fast/) });
    expect((await b.app.bot.run('topics', {}, { ...request, userId: 'U-OTHER' })).error).toBeUndefined();
  });

  it('a Slack event retried to the other replica is handled once', async () => {
    const event = {
      type: 'link_shared',
      channel: 'C0FAKE',
      user: 'U0USER',
      message_ts: '1700000000.000300',
      unfurl_id: 'unfurl-replicas',
      source: 'conversations_history',
      links: [{ url: `https://arxiv.org/abs/${ARXIV_ID}`, domain: 'arxiv.org' }],
    };
    expect((await a.sender.event(event, { eventId: 'EvReplicas1' })).status).toBe(200);
    await waitFor(() => slack.callsTo('chat.unfurl').length === 1);
    const retry = await b.sender.event(event, { eventId: 'EvReplicas1', headers: { 'X-Slack-Retry-Num': '1', 'X-Slack-Retry-Reason': 'http_timeout' } });
    expect(retry.status).toBe(200);
    await waitFor(() => b.logs.includes('slack event already handled; retry dropped'));
    expect(slack.callsTo('chat.unfurl')).toHaveLength(1);
    // Another event is no retry: it runs.
    await b.sender.event(event, { eventId: 'EvReplicas2' });
    await waitFor(() => slack.callsTo('chat.unfurl').length === 2);
  });

  it('readiness fails while the database refuses connections, and recovers with it', async () => {
    expect(await readiness(a)).toMatchObject({ status: 200, body: { checks: { database: { ok: true } } } });
    await admin('ALTER DATABASE $db ALLOW_CONNECTIONS false');
    try {
      await admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '$db'");
      expect(await readiness(a)).toMatchObject({ status: 503, body: { checks: { database: { ok: false } } } });
    } finally {
      await admin('ALTER DATABASE $db ALLOW_CONNECTIONS true');
    }
    await waitFor(async () => (await readiness(a)).status === 200);
  });

  it('when the sources holder stops, the other replica takes them over', async () => {
    const before = b.hf.requests.length;
    await a.app.shutdown.shutdown({ timeoutMs: 5000 });
    await waitFor(() => b.hf.requests.length > before);
    await waitFor(() => b.logs.includes('this replica runs the paper sources'));
  });
});
