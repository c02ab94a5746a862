/**
 * Three real `paperbot start` processes on one Postgres, with the Slack and Hugging Face fakes:
 * a few hundred digests due in the same minute are posted exactly once, and when the replica
 * holding both the digests and the ingestion lease is killed with SIGKILL mid-run, nothing is
 * posted twice, nothing owed is lost, and the survivors take its digests and its sources over.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths.js';
import { openPostgresStore } from '../../src/store/postgres.js';
import { hfItem } from '../fakes/hf/fixtures.js';
import { FakeHf } from '../fakes/hf/server.js';
import { startFakeSlack, type FakeSlack } from '../fakes/slack/index.js';
import { subInput } from '../scheduler/helpers.js';
import { testDatabases } from '../support/postgres.js';

const BIN = join(PROJECT_ROOT, 'dist', 'src', 'cli', 'bin.js');
const SUBSCRIPTIONS = 240;
/** Posts in flight per replica (the scheduler's default). */
const CONCURRENCY = 16;
const POST = 'chat.postMessage';

const databases = testDatabases();
const dirs: string[] = [];
const children: ChildProcess[] = [];
let databaseUrl: string;
let slack: FakeSlack;
let hf: FakeHf;
let hfUrl: string;
let closeHf: () => Promise<void>;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function until<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, what: string, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

interface Replica {
  child: ChildProcess;
  id: string;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts `paperbot start` as a replica; resolves once it is ready, with its replica id. */
async function startReplica(): Promise<Replica> {
  const stateDir = mkdtempSync(join(tmpdir(), 'paperbot-replica-'));
  dirs.push(stateDir);
  const child = spawn(process.execPath, [BIN, 'start'], {
    cwd: stateDir,
    env: {
      PATH: process.env.PATH ?? '',
      DATABASE_URL: databaseUrl,
      PAPERBOT_FAILOVER_AFTER: '3s',
      SLACK_BOT_TOKEN: 'xoxb-replica-test',
      SLACK_SIGNING_SECRET: '0123456789abcdef0123456789abcdef',
      SLACK_MODE: 'http',
      PORT: String(await freePort()),
      SLACK_API_URL: slack.apiUrl,
      OPS_PORT: 'off',
      PAPERBOT_STATE_DIR: stateDir,
      PAPERBOT_CACHE_DIR: 'off',
      // The one network source is the local fake: it shows which replica runs ingestion.
      PAPERBOT_SOURCES: 'files,hf',
      HF_API_URL: hfUrl,
      LOG_FORMAT: 'json',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const lines = () => output.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { msg: string; replicaId?: string });
  await Promise.race([
    until(() => lines().some((l) => l.msg === 'paperbot is ready'), 'a replica to start'),
    exited.then((code) => Promise.reject(new Error(`replica exited with ${code}:\n${output}`))),
  ]);
  const id = lines().find((l) => l.msg === 'database open')!.replicaId!;
  return { child, id, output: () => output, exited };
}

async function query<R extends pg.QueryResultRow>(sql: string): Promise<R[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<R>(sql)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  // The processes run the build, as `npm start` does. `npm test` refreshes it first; a test never compiles.
  const check = spawnSync(process.execPath, [join(PROJECT_ROOT, 'scripts', 'build-if-stale.mjs'), '--check'], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`${check.stderr.trim()} (npm test does this for you)`);
  databaseUrl = await databases.fresh();
  slack = await startFakeSlack();
  const today = new Date().toISOString().slice(0, 10);
  hf = new FakeHf({ days: { [today]: [hfItem({ id: '2612.00042', title: 'Tidal Attention for Ocean Current Forecasting', listedAt: `${today}T08:00:00.000Z` })] } });
  ({ url: hfUrl, close: closeHf } = await hf.start());
}, 30_000);

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await closeHf?.();
  await slack?.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('three replicas on one Postgres', () => {
  it('post every due digest exactly once, and survive SIGKILL of the busiest replica', async () => {
    // Subscriptions made an hour before they were due, all due three minutes ago (UTC): owed now, within the grace period.
    const due = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 3 * 60_000);
    const setup = await openPostgresStore(databaseUrl);
    for (let i = 0; i < SUBSCRIPTIONS; i++) {
      const input = subInput({ platform: 'slack', channelId: `C${String(i).padStart(4, '0')}`, time: due.toISOString().slice(11, 16), timezone: 'UTC' });
      await setup.subscriptions.upsert(input, new Date(due.getTime() - 3_600_000));
    }
    await setup.close();

    // The first replica claims every slot at start and sends as many as it may at once; Slack holds the answers.
    slack.hold(POST);
    const first = await startReplica();
    await until(() => slack.heldCount(POST) === CONCURRENCY, 'the first posts');
    const claimed = (await query<{ n: number }>(`SELECT count(*)::int AS n FROM deliveries WHERE owner = '${first.id}'`))[0]!.n;
    expect(claimed).toBe(SUBSCRIPTIONS);
    expect(hf.requests.length).toBeGreaterThan(0);

    // Two more replicas join: every slot already belongs to a live replica, so they post nothing.
    const others = await Promise.all([startReplica(), startReplica()]);
    expect(slack.callsTo(POST)).toHaveLength(CONCURRENCY);

    // Some posts get through, then the first replica dies with more in flight and most still owed.
    await until(() => {
      const answered = slack.callsTo(POST).length - slack.heldCount(POST);
      if (answered < 40) slack.release(POST, 40 - answered);
      return answered === 40 && slack.heldCount(POST) === CONCURRENCY;
    }, 'the next posts');
    first.child.kill('SIGKILL');
    await first.exited;
    const killedAt = Date.now();
    const hfBefore = hf.requests.length;
    const left = await query<{ state: string; n: number }>(`SELECT state, count(*)::int AS n FROM deliveries WHERE owner = '${first.id}' AND state IN ('claimed', 'sending') GROUP BY state ORDER BY state`);
    expect(left).toEqual([
      { state: 'claimed', n: SUBSCRIPTIONS - 40 - CONCURRENCY },
      { state: 'sending', n: CONCURRENCY },
    ]);
    // The requests it had in flight reach Slack after all: a crash cannot tell whether they did.
    slack.release(POST);

    // The survivors settle everything once the dead replica's presence lapses.
    await until(async () => (await query<{ n: number }>("SELECT count(*)::int AS n FROM deliveries WHERE state IN ('claimed', 'sending')"))[0]!.n === 0, 'the take-over');
    const settledInMs = Date.now() - killedAt;
    const states = await query<{ state: string; owner: string; n: number }>('SELECT state, owner, count(*)::int AS n FROM deliveries GROUP BY state, owner ORDER BY state, owner');
    const total = (state: string, owners: string[]) => states.filter((s) => s.state === state && owners.includes(s.owner)).reduce((sum, s) => sum + s.n, 0);
    // Sent: the 40 the first replica finished, and everything it still owed, by the survivors (both took a share or one did).
    expect(total('sent', [first.id])).toBe(40);
    expect(total('sent', others.map((o) => o.id))).toBe(SUBSCRIPTIONS - 40 - CONCURRENCY);
    // Uncertain: exactly the posts in flight when it died; never resent.
    expect(total('uncertain', [first.id])).toBe(CONCURRENCY);
    expect(states.reduce((sum, s) => sum + s.n, 0)).toBe(SUBSCRIPTIONS);

    // Exactly one post per channel: none doubled, none lost.
    const perChannel = new Map<string, number>();
    for (const call of slack.callsTo(POST)) perChannel.set(String(call.args.channel), (perChannel.get(String(call.args.channel)) ?? 0) + 1);
    expect(perChannel.size).toBe(SUBSCRIPTIONS);
    expect([...perChannel.values()].every((n) => n === 1)).toBe(true);

    // The ingestion lease moved too: a survivor polls the source.
    await until(() => hf.requests.length > hfBefore, 'another replica to poll the source');
    expect(settledInMs).toBeLessThan(60_000);

    for (const other of others) other.child.kill('SIGTERM');
    expect(await Promise.all(others.map((o) => o.exited))).toEqual([0, 0]);
  }, 60_000);
});
