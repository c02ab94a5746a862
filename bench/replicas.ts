/**
 * `npm run bench:replicas`: what scaling out costs and brings.
 *
 * 1. Digests: 10,000 subscriptions due in the same minute, claimed and posted by 1 and by 3
 *    replica processes on one Postgres database (and by one process on SQLite, for reference).
 *    Each replica is a real scheduler with its own connection pool, posting through a poster that
 *    only counts (bench/replica-child.ts). Every round checks that each subscription was posted
 *    exactly once, from the posters' counts and from the ledger, and fails loudly otherwise.
 * 2. Commands: the same commands through `Bot` with a SQLite store and with a Postgres store,
 *    interleaved command by command in the same rounds: p50/p95/p99 per command and engine, and
 *    the median of the paired per-round ratios.
 *
 * Postgres is a throwaway cluster started for the run (bench/lib/postgres-cluster.ts), with
 * Postgres' stock settings unless `--fast-postgres`; or the server `PAPERBOT_BENCH_DATABASE_URL`
 * points at (its user must be allowed to create databases). Everything the run creates is removed
 * at the end, failed or not. Markdown on stdout, progress on stderr.
 *
 *   --quick               1,000 slots, 50 command rounds (for trying it out)
 *   --slots N             subscriptions due at the minute (default 10,000)
 *   --rounds N            rounds of each digest setup (default 3)
 *   --command-rounds N    rounds of the commands (default 200)
 *   --fast-postgres       the throwaway cluster without fsync or synchronous commit, as the tests run it
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { createRegistry } from '../commands/index.js';
import { Bot } from '../src/core/bot.js';
import type { RequestInfo } from '../src/core/command.js';
import type { PaperLibrary } from '../src/core/library.js';
import { silentLogger } from '../src/core/logger.js';
import type { SubscriptionInput } from '../src/core/subscription.js';
import { loadLibrary } from '../src/load-library.js';
import { DEFAULT_DATA_DIR } from '../src/paths.js';
import { sharedRateLimit } from '../src/replicas/shared-rate-limit.js';
import { createScheduler, createSubscriptionService } from '../src/scheduler/index.js';
import { openPostgresStore } from '../src/store/postgres.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import type { Store } from '../src/store/types.js';
import { allExactlyOnce, describeTally, tallyPosts } from './lib/exactly-once.js';
import { describeLoad, isNoisy, readLoad, type LoadReading } from './lib/load.js';
import { FAST_SETTINGS, startCluster, type Cluster } from './lib/postgres-cluster.js';
import { fmt, log, median, summarize, type Summary } from './lib/stats.js';
import type { FromReplica, ToReplica } from './replica-child.js';

const CHILD = fileURLToPath(new URL('./replica-child.js', import.meta.url));

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    slots: { type: 'string' },
    rounds: { type: 'string' },
    'command-rounds': { type: 'string' },
    'fast-postgres': { type: 'boolean', default: false },
  },
});
const whole = (text: string | undefined, fallback: number, min: number): number => {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) throw new Error(`expected a whole number of at least ${min}, got ${text}`);
  return n;
};
const SLOTS = whole(flags.slots, flags.quick ? 1000 : 10_000, 1);
const ROUNDS = whole(flags.rounds, 3, 1);
const COMMAND_ROUNDS = whole(flags['command-rounds'], flags.quick ? 50 : 200, 1);
const WARMUP_ROUNDS = 20;
const REPLICA_COUNTS = [1, 3] as const;

// A Monday: 09:00 in Berlin is 08:00 UTC. The subscriptions exist since the day before.
const CREATED = new Date('2026-03-01T12:00:00Z');
const DUE = new Date('2026-03-02T08:00:00Z');
const SLOT_DATE = '2026-03-02';
/**
 * Replicas start (and find nothing due) just before the slots: their presence, taken then, must
 * still be current when the slots fall due, or they would take each other for dead.
 */
const START_AT = new Date(DUE.getTime() - 1000);
const TOPICS = ['diffusion', 'vae', 'llm', 'gan', '3d', 'contrastive', 'time-series', 'daily'];
const REPLICA_TIMEOUT_MS = 10 * 60_000;

// ---------------------------------------------------------------------------------------------
// Everything the run creates, undone at the end whatever happens.

const children = new Set<ChildProcess>();
let cluster: Cluster | undefined;
let workDir: string | undefined;
let admin: pg.Pool | undefined;
const databases: string[] = [];

/** What can be undone synchronously: also run on exit and on a signal. */
function cleanupNow(): void {
  for (const child of children) child.kill('SIGKILL');
  children.clear();
  cluster?.stop();
  cluster = undefined;
  if (workDir) rmSync(workDir, { recursive: true, force: true });
  workDir = undefined;
}

async function cleanup(): Promise<void> {
  for (const child of children) child.kill('SIGKILL');
  children.clear();
  // Databases on a server of the caller's are dropped; a throwaway cluster goes as a whole.
  if (admin && !cluster) {
    for (const name of databases.splice(0)) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch((error: unknown) => log(`could not drop ${name}: ${String(error)}`));
  }
  await admin?.end().catch(() => undefined);
  admin = undefined;
  cleanupNow();
}

process.on('exit', cleanupNow);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    log(`${signal}: cleaning up`);
    cleanupNow();
    process.exit(130);
  });
}

// ---------------------------------------------------------------------------------------------
// Databases.

interface Postgres {
  adminUrl: string;
  /** How the server came to be, for the report. */
  origin: string;
  version: string;
  settings: string;
}

async function startPostgres(): Promise<Postgres> {
  const given = process.env.PAPERBOT_BENCH_DATABASE_URL?.trim();
  let adminUrl: string;
  let origin: string;
  if (given) {
    adminUrl = given;
    origin = 'the server in PAPERBOT_BENCH_DATABASE_URL';
  } else {
    // Stock settings (fsync and synchronous commit on), as a production server has them.
    cluster = await startCluster({ settings: flags['fast-postgres'] ? FAST_SETTINGS : { max_connections: 100 }, hint: 'or set PAPERBOT_BENCH_DATABASE_URL' });
    adminUrl = cluster.url;
    origin = flags['fast-postgres'] ? 'a throwaway local cluster without fsync or synchronous commit' : 'a throwaway local cluster with stock settings';
  }
  admin = new pg.Pool({ connectionString: adminUrl, max: 2 });
  const show = async (name: string) => String((await admin!.query(`SHOW ${name}`)).rows[0]?.[name]);
  const version = (await show('server_version')).split(' ')[0]!;
  const settings = `fsync ${await show('fsync')}, synchronous_commit ${await show('synchronous_commit')}, shared_buffers ${await show('shared_buffers')}`;
  return { adminUrl, origin, version, settings };
}

const urlOf = (pgInfo: Postgres, name: string) => {
  const url = new URL(pgInfo.adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

async function createDatabase(pgInfo: Postgres, template?: string): Promise<string> {
  const name = `paperbot_bench_${randomBytes(5).toString('hex')}`;
  await admin!.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  databases.push(name);
  return name;
}

async function dropDatabase(name: string): Promise<void> {
  await admin!.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  databases.splice(databases.indexOf(name), 1);
}

function subscription(i: number): SubscriptionInput {
  const topic = TOPICS[i % TOPICS.length]!;
  return {
    platform: 'slack',
    channelId: `C${String(i).padStart(6, '0')}`,
    workspaceId: 'T-BENCH',
    kind: topic === 'daily' ? 'daily' : 'topic',
    topic,
    time: '09:00',
    timezone: 'Europe/Berlin',
    days: [1, 2, 3, 4, 5, 6, 7],
    count: 3,
    mode: 'best',
    createdBy: 'U-BENCH',
  };
}

/** Creates the subscriptions, a few at a time; the channel of each. */
async function seed(store: Store, count: number): Promise<string[]> {
  const channels: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const input = subscription(next++);
      await store.subscriptions.upsert(input, CREATED);
      channels.push(input.channelId);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return channels;
}

/** Slots of the due date in the ledger: state and owner → count. */
async function ledger(engine: Engine, location: string): Promise<Map<string, number>> {
  const sql = 'SELECT state, owner, COUNT(*) AS n FROM deliveries WHERE slot_date = $1 GROUP BY state, owner';
  let rows: { state: string; owner: string | null; n: number | string }[];
  if (engine === 'sqlite') {
    const db = new Database(location, { readonly: true });
    try {
      rows = db.prepare(sql.replace('$1', '?')).all(SLOT_DATE) as typeof rows;
    } finally {
      db.close();
    }
  } else {
    const client = new pg.Client({ connectionString: location });
    await client.connect();
    try {
      rows = (await client.query(sql, [SLOT_DATE])).rows as typeof rows;
    } finally {
      await client.end();
    }
  }
  return new Map(rows.map((row) => [`${row.state} ${row.owner ?? '(none)'}`, Number(row.n)]));
}

// ---------------------------------------------------------------------------------------------
// Digest rounds.

type Engine = 'sqlite' | 'postgres';

interface Setup {
  label: string;
  engine: Engine;
  replicas: number;
}

const SETUPS: Setup[] = [
  { label: 'SQLite, 1 process', engine: 'sqlite', replicas: 1 },
  ...REPLICA_COUNTS.map((n): Setup => ({ label: `Postgres, ${n} ${n === 1 ? 'replica' : 'replicas'}`, engine: 'postgres', replicas: n })),
];

interface RoundResult {
  setup: string;
  round: number;
  wallMs: number;
  /** The slowest replica's own tick time. */
  slowestTickMs: number;
  /** When the last replica's last claim attempt answered: each replica walks every due slot in turn. */
  claimsDoneMs: number;
  /** Claim attempts by all replicas (each tries every slot; one wins it). */
  claimsTried: number;
  byReplica: number[];
  /** Slots whose ledger owner is not the replica that posted them (adopted while being posted). */
  adopted: number;
  load1: number;
}

class Replica {
  private readonly child: ChildProcess;
  private readonly waiting = new Map<FromReplica['type'], (message: FromReplica) => void>();
  private failure: Error | undefined;
  private readonly failed: Promise<never>;

  constructor(engine: Engine, location: string, readonly id: string) {
    this.child = fork(CHILD, [engine, location, id, START_AT.toISOString()], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    children.add(this.child);
    let reject: (error: Error) => void = () => {};
    this.failed = new Promise<never>((_, r) => (reject = r));
    this.failed.catch(() => undefined);
    const fail = (error: Error) => {
      this.failure ??= error;
      reject(this.failure);
    };
    this.child.on('message', (message: FromReplica) => {
      if (message.type === 'failed') fail(new Error(`replica ${id} failed: ${message.error}`));
      else this.waiting.get(message.type)?.(message);
    });
    this.child.on('exit', (code, signal) => {
      children.delete(this.child);
      if (code !== 0) fail(new Error(`replica ${id} exited with ${signal ?? `code ${code}`}`));
    });
    this.child.on('error', fail);
  }

  /** The next message of this type, or the replica's failure, or a timeout. */
  next<T extends FromReplica['type']>(type: T): Promise<Extract<FromReplica, { type: T }>> {
    const answer = new Promise<Extract<FromReplica, { type: T }>>((resolve) => this.waiting.set(type, resolve as (message: FromReplica) => void));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`replica ${this.id}: no ${type} within ${REPLICA_TIMEOUT_MS / 1000} s`)), REPLICA_TIMEOUT_MS);
    });
    return Promise.race([answer, this.failed, timeout]).finally(() => clearTimeout(timer));
  }

  send(message: ToReplica): void {
    this.child.send(message);
  }

  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    const stopped = this.next('stopped');
    this.send({ type: 'stop' });
    await stopped;
    await exited;
  }
}

async function digestRound(setup: Setup, round: number, seeded: { sqliteFile: string; pgTemplate: string; pg: Postgres; channels: string[] }): Promise<RoundResult> {
  // A fresh copy of the seeded database for every round.
  let location: string;
  let database: string | undefined;
  if (setup.engine === 'sqlite') {
    location = join(workDir!, `round-${round}.db`);
    copyFileSync(seeded.sqliteFile, location);
  } else {
    database = await createDatabase(seeded.pg, seeded.pgTemplate);
    location = urlOf(seeded.pg, database);
  }
  try {
    const replicas = Array.from({ length: setup.replicas }, (_, i) => new Replica(setup.engine, location, `bench-replica-${i + 1}`));
    await Promise.all(replicas.map((r) => r.next('ready')));
    const load1 = readLoad().load1;
    const ticked = replicas.map((r) => r.next('ticked'));
    const started = performance.now();
    for (const r of replicas) r.send({ type: 'tick', at: DUE.toISOString() });
    const reports = await Promise.all(ticked);
    const wallMs = performance.now() - started;
    await Promise.all(replicas.map((r) => r.stop()));

    // Exactly once: from what each replica's poster saw, and from the ledger.
    const tally = tallyPosts(seeded.channels, reports.map((r) => r.channels));
    const slots = await ledger(setup.engine, location);
    const sentByOwner = replicas.map((r) => slots.get(`sent ${r.id}`) ?? 0);
    const inLedger = [...slots.values()].reduce((a, b) => a + b, 0);
    // One row per subscription, every one sent by one of the replicas.
    const ledgerAgrees = inLedger === seeded.channels.length && sentByOwner.reduce((a, b) => a + b, 0) === inLedger;
    const claimed = reports.reduce((sum, r) => sum + r.claimed, 0);
    const sentReported = reports.reduce((sum, r) => sum + (r.states.sent ?? 0), 0);
    const problems = reports.flatMap((r) => r.problems);
    const verdict = `${setup.label}, round ${round + 1}: ${describeTally(tally)}; ledger: ${[...slots].map(([k, n]) => `${k} ${n}`).join(', ')}`;
    if (!allExactlyOnce(tally) || !ledgerAgrees || claimed !== seeded.channels.length || sentReported !== claimed) {
      throw new Error(`NOT EXACTLY ONCE. ${verdict}; claimed ${claimed}, reported sent ${sentReported}${problems.length ? `; logged: ${problems.slice(0, 5).join(' | ')}` : ''}`);
    }
    // A replica taken for dead has its claimed slots adopted by another; whoever moves a slot to
    // `sending` first posts it, so the ledger's owner can differ from the poster. Not a duplicate.
    const adopted = sentByOwner.reduce((sum, n, i) => sum + Math.max(0, n - tally.byReplica[i]!), 0);
    log(`${verdict}${adopted ? ` (${adopted} adopted by another replica, posted once all the same)` : ''} — ${fmt(wallMs)} ms`);
    return {
      setup: setup.label,
      round,
      wallMs,
      slowestTickMs: Math.max(...reports.map((r) => r.tickMs)),
      claimsDoneMs: Math.max(...reports.map((r) => r.claimsDoneMs)),
      claimsTried: reports.reduce((sum, r) => sum + r.claimsTried, 0),
      byReplica: tally.byReplica,
      adopted,
      load1,
    };
  } finally {
    if (database) await dropDatabase(database);
    else rmSync(location, { force: true });
  }
}

async function benchDigests(pgInfo: Postgres): Promise<RoundResult[]> {
  log(`seeding ${SLOTS} subscriptions on SQLite and Postgres`);
  const sqliteFile = join(workDir!, 'seed.db');
  const sqlite = openSqliteStore(sqliteFile);
  const channels = await seed(sqlite, SLOTS);
  await sqlite.close();
  const pgTemplate = await createDatabase(pgInfo);
  const pgStore = await openPostgresStore(urlOf(pgInfo, pgTemplate));
  const pgChannels = await seed(pgStore, SLOTS);
  await pgStore.close();
  if (new Set(pgChannels).size !== new Set(channels).size) throw new Error('the two seeded databases differ');
  const seeded = { sqliteFile, pgTemplate, pg: pgInfo, channels };

  const results: RoundResult[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // The setups take turns going first, so a slow spell of the machine is shared out.
    const order = SETUPS.map((_, i) => SETUPS[(i + round) % SETUPS.length]!);
    for (const setup of order) results.push(await digestRound(setup, round, seeded));
  }
  await dropDatabase(pgTemplate);
  return results;
}

function digestTable(results: RoundResult[]): string {
  const lines = [
    '| setup | rounds | wall time, median (min–max) | slots/s | claiming done at (median) | claim attempts | posts per replica (median round) | 1-min load at each round |',
    '|---|---:|---:|---:|---:|---:|---|---|',
  ];
  for (const setup of SETUPS) {
    const rows = results.filter((r) => r.setup === setup.label);
    const walls = rows.map((r) => r.wallMs);
    const mid = median(walls);
    const middle = rows.find((r) => r.wallMs === mid)!;
    const loads = rows.map((r) => r.load1.toFixed(1)).join(', ');
    lines.push(
      `| ${setup.label} | ${rows.length} | ${(mid / 1000).toFixed(2)} s (${(Math.min(...walls) / 1000).toFixed(2)}–${(Math.max(...walls) / 1000).toFixed(2)}) | ${Math.round(SLOTS / (mid / 1000))} | ` +
        `${(median(rows.map((r) => r.claimsDoneMs)) / 1000).toFixed(2)} s | ${middle.claimsTried} | ${middle.byReplica.join(' + ')} | ${loads} |`,
    );
  }
  const adoptions = results.filter((r) => r.adopted > 0);
  if (adoptions.length) {
    lines.push('', `In ${adoptions.length} round(s) a replica was taken for dead and ${adoptions.reduce((sum, r) => sum + r.adopted, 0)} of its slots adopted by another while it was posting them; each was still posted once.`);
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Command round trips.

interface CommandCase {
  label: string;
  text: (round: number) => string;
  /** Through the per-user rate limit kept in the store, as Slack and Discord commands are. */
  limited?: boolean;
  user?: (round: number) => string;
}

interface EngineBots {
  engine: Engine;
  store: Store;
  plain: Bot;
  limited: Bot;
}

function botsFor(engine: Engine, store: Store, library: PaperLibrary): EngineBots {
  const scheduler = createScheduler({ store, library: () => library, posters: new Map(), schedule: () => ({ stop() {} }) });
  const subscriptions = createSubscriptionService({ store, postNow: scheduler.postNow, defaultTimezone: 'Europe/Berlin' });
  const options = { registry: createRegistry(), library: () => library, random: () => 0.42, subscriptions, userData: store };
  // The default limits (5 at once, 20 a minute); every round is a new user, so none is refused.
  const limiter = sharedRateLimit(store.rateLimits, { burst: 5, perMinute: 20 }, silentLogger);
  return { engine, store, plain: new Bot(options), limited: new Bot({ ...options, limiter }) };
}

interface CommandRow {
  label: string;
  sqlite: Summary;
  postgres: Summary;
  /** Median over rounds of Postgres ÷ SQLite for the same command in the same round. */
  ratio: number;
}

async function benchCommands(pgInfo: Postgres, library: PaperLibrary): Promise<{ rows: CommandRow[]; roundRatio: number; roundTotals: { sqlite: number; postgres: number } }> {
  const id = library.search('diffusion', { limit: 1 }).hits[0]?.paper.id ?? library.papers[0]!.id;
  const user = (round: number) => `U${round}`;
  const cases: CommandCase[] = [
    { label: 'subscriptions', text: () => 'subscriptions' },
    { label: 'subscribe diffusion 09:00 (upsert)', text: () => 'subscribe diffusion 09:00' },
    { label: `save ID`, text: () => `save ${id}`, user },
    { label: 'saved', text: () => 'saved', user },
    { label: 'search diffusion models (no store)', text: () => 'search diffusion models' },
    { label: 'search, with the rate limit in the store', text: () => 'search diffusion models', limited: true, user },
  ];
  const database = await createDatabase(pgInfo);
  const sqliteFile = join(workDir!, 'commands.db');
  const engines = [botsFor('sqlite', openSqliteStore(sqliteFile), library), botsFor('postgres', await openPostgresStore(urlOf(pgInfo, database)), library)];
  const samples = new Map<string, { sqlite: number[]; postgres: number[] }>(cases.map((c) => [c.label, { sqlite: [], postgres: [] }]));
  const totals = { sqlite: [] as number[], postgres: [] as number[] };
  try {
    for (let round = -WARMUP_ROUNDS; round < COMMAND_ROUNDS; round++) {
      const roundTotal = { sqlite: 0, postgres: 0 };
      for (const [i, c] of cases.entries()) {
        // Which engine goes first alternates, command by command and round by round.
        const order = (round + i) % 2 === 0 ? engines : [...engines].reverse();
        for (const bots of order) {
          const request: RequestInfo = {
            platform: 'slack',
            userId: c.user ? `${round < 0 ? 'W' : ''}${c.user(Math.abs(round))}` : 'U-ADMIN',
            channelId: 'C-BENCH',
            workspaceId: 'T-BENCH',
            canManageChannel: true,
          };
          const bot = c.limited ? bots.limited : bots.plain;
          const started = performance.now();
          const reply = await bot.runText(c.text(round), request);
          const ms = performance.now() - started;
          if (reply.error) throw new Error(`${bots.engine}: \`${c.text(round)}\` failed: ${reply.text}`);
          if (round < 0) continue;
          samples.get(c.label)![bots.engine].push(ms);
          roundTotal[bots.engine] += ms;
        }
      }
      if (round >= 0) {
        totals.sqlite.push(roundTotal.sqlite);
        totals.postgres.push(roundTotal.postgres);
      }
    }
  } finally {
    for (const bots of engines) await bots.store.close();
    await dropDatabase(database);
  }
  const ratios = (a: number[], b: number[]) => median(a.map((x, i) => x / b[i]!));
  const rows = cases.map((c): CommandRow => {
    const s = samples.get(c.label)!;
    return { label: c.label, sqlite: summarize(s.sqlite), postgres: summarize(s.postgres), ratio: ratios(s.postgres, s.sqlite) };
  });
  return { rows, roundRatio: ratios(totals.postgres, totals.sqlite), roundTotals: { sqlite: median(totals.sqlite), postgres: median(totals.postgres) } };
}

function commandTable(result: Awaited<ReturnType<typeof benchCommands>>): string {
  const cell = (s: Summary) => `${fmt(s.p50)} / ${fmt(s.p95)} / ${fmt(s.p99)}`;
  const lines = ['| command | SQLite p50 / p95 / p99 (ms) | Postgres p50 / p95 / p99 (ms) | Postgres ÷ SQLite (median of paired rounds) |', '|---|---:|---:|---:|'];
  for (const row of result.rows) lines.push(`| ${row.label} | ${cell(row.sqlite)} | ${cell(row.postgres)} | ${row.ratio.toFixed(2)}× |`);
  lines.push(`| all six, one round (median) | ${fmt(result.roundTotals.sqlite)} | ${fmt(result.roundTotals.postgres)} | ${result.roundRatio.toFixed(2)}× |`);
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const before: LoadReading = readLoad();
  log(`before: ${describeLoad(before)}`);
  const began = performance.now();
  workDir = mkdtempSync(join(tmpdir(), 'paperbot-bench-replicas-'));
  const pgInfo = await startPostgres();
  log(`Postgres ${pgInfo.version} (${pgInfo.origin}; ${pgInfo.settings})`);
  const digests = await benchDigests(pgInfo);
  log(`command round trips: ${WARMUP_ROUNDS} warm-up rounds, then ${COMMAND_ROUNDS}`);
  const { library } = loadLibrary(DEFAULT_DATA_DIR, undefined, { cacheDir: false });
  const commands = await benchCommands(pgInfo, library);
  const after = readLoad();
  log(`after: ${describeLoad(after)}`);
  const noisy = isNoisy(before) || isNoisy(after) || digests.some((r) => isNoisy({ load1: r.load1, cores: before.cores }));

  const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}`;
  const out = [
    '',
    `${machine}; Postgres ${pgInfo.version}, ${pgInfo.origin} (${pgInfo.settings}), on this machine over 127.0.0.1; ${((performance.now() - began) / 1000).toFixed(0)} s in all.`,
    `Load before: ${describeLoad(before)}. After: ${describeLoad(after)}.`,
    noisy ? '**NOISY: taken under load (1-minute load above three quarters of the cores); compare with care.**' : 'Taken on a quiet machine.',
    '',
    `### ${SLOTS.toLocaleString('en')} digests due in the same minute`,
    '',
    `Each replica is its own process with its own store (a Postgres pool of 10 connections, or the SQLite file), all ticking at the same moment. ` +
      `Posts go through a poster that only counts (no network), to Slack channels with Slack's pacing (1 post per second per channel): ` +
      `each of the ${SLOTS.toLocaleString('en')} channels gets one digest, so no post waits for the rate limit. ` +
      `Wall time runs from the tick sent to every replica to the last replica's report that all its slots are settled; "claiming done at" is when the last claim attempt answered (each replica walks every due slot in turn and tries to claim it, posting what it won meanwhile). ` +
      `Every round was checked: each subscription posted exactly once (the posters' counts), and the ledger holds one sent slot per subscription, owned by a replica of the round.`,
    '',
    digestTable(digests),
    '',
    `### Command round trips, SQLite and Postgres interleaved`,
    '',
    `\`Bot.runText\` with the real commands and corpus, to the reply (no rendering); ${COMMAND_ROUNDS} rounds after ${WARMUP_ROUNDS} of warm-up, the two engines alternating which goes first. ` +
      `Each round is a new user, so \`save\` adds to an empty list and \`saved\` shows one paper; \`subscribe\` updates the channel's one subscription.`,
    '',
    commandTable(commands),
    '',
  ];
  process.stdout.write(out.join('\n'));
}

try {
  await main();
} catch (error) {
  process.exitCode = 1;
  process.stderr.write(`\nbench:replicas FAILED: ${error instanceof Error ? error.message : String(error)}\n`);
} finally {
  await cleanup();
}
