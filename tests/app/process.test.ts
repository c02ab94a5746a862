/**
 * The real `paperbot start` process, as a deployment runs it: configuration errors end it with
 * a clear message, and SIGTERM shuts it down cleanly after it served a Discord command.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths.js';
import { openSqliteStore } from '../../src/store/index.js';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord/index.js';

const BIN = join(PROJECT_ROOT, 'dist', 'src', 'cli', 'bin.js');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts `paperbot start` in an empty folder (no .env) with only the given settings. */
function start(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [BIN, 'start'], {
    cwd: mkdtempSync(join(tmpdir(), 'paperbot-proc-')),
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function until<T>(probe: () => Promise<T | undefined>, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

let fake: FakeDiscord;
beforeAll(async () => {
  // The process runs the build, as `npm start` does. `npm test` refreshes it first; a test never compiles.
  const check = spawnSync(process.execPath, [join(PROJECT_ROOT, 'scripts', 'build-if-stale.mjs'), '--check'], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`${check.stderr.trim()} (npm test does this for you)`);
  fake = await startFakeDiscord();
}, 60_000);
afterAll(() => fake?.stop());

describe('paperbot start', () => {
  it('exits 1 listing what is missing, without echoing secrets', async () => {
    const secret = 'xoxb-1111-2222-do-not-print-me';
    const run = start({ SLACK_BOT_TOKEN: secret, SLACK_MODE: 'http', PAPERBOT_TIMEZONE: 'Mars/Olympus' });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('SLACK_SIGNING_SECRET');
    expect(run.output()).toContain('PAPERBOT_TIMEZONE');
    expect(run.output()).not.toContain('do-not-print-me');
  });

  it('a corpus folder that is missing or empty: one clear sentence, no stack trace, exit 1', async () => {
    const missing = start({ PAPERBOT_DATA_DIR: '/nonexistent-corpus', PAPERBOT_SOURCES: 'files' });
    expect(await missing.exited).toBe(1);
    expect(missing.output()).toContain('PAPERBOT_DATA_DIR is "/nonexistent-corpus", which is not a folder that exists');
    const empty = start({ PAPERBOT_DATA_DIR: mkdtempSync(join(tmpdir(), 'paperbot-empty-')), PAPERBOT_STATE_DIR: mkdtempSync(join(tmpdir(), 'paperbot-state-')), PAPERBOT_SOURCES: 'files' });
    expect(await empty.exited).toBe(1);
    expect(empty.output()).toContain('paperbot could not start: the corpus cannot be read (the corpus has no papers)');
    expect(empty.output()).not.toMatch(/\n\s+at /);
  });

  it('a Postgres that cannot be reached: one sentence naming where, no password, no stack trace, exit 1', async () => {
    const run = start({ DATABASE_URL: 'postgres://paperbot:hunter2-secret@127.0.0.1:1/paperbot', PAPERBOT_SOURCES: 'files', LOG_FORMAT: 'json', LOG_LEVEL: 'info' });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('paperbot could not start: cannot open the Postgres database at 127.0.0.1:1/paperbot: nothing is listening there; check DATABASE_URL');
    expect(run.output()).toContain('postgres://paperbot:***@127.0.0.1:1/paperbot');
    expect(run.output()).not.toContain('hunter2');
    expect(run.output()).not.toMatch(/\n\s+at /);
  });

  it('serves Discord, reports healthy, and shuts down cleanly on SIGTERM', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'paperbot-state-'));
    const opsPort = await freePort();
    const run = start({
      DISCORD_TOKEN: fake.token,
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_API_URL: fake.apiUrl,
      OPS_PORT: String(opsPort),
      PAPERBOT_STATE_DIR: stateDir,
      PAPERBOT_SOURCES: 'files', // no network sources in tests
      LOG_FORMAT: 'json',
    });
    try {
      const health = await until(async () => {
        const res = await fetch(`http://127.0.0.1:${opsPort}/healthz`);
        return res.ok ? ((await res.json()) as { checks: Record<string, { ok: boolean }> }) : undefined;
      });
      expect(health.checks.discord?.ok).toBe(true);

      const { id } = fake.interactions.slashCommand({ root: 'papers', subcommand: 'digest', options: { topic: 'vae', count: 2 } });
      const response = (await fake.interactions.response(id)) as unknown as { data: { embeds: { title?: string }[] } };
      expect(response.data.embeds[0]!.title).toBe('Digest: Variational autoencoders');

      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
    } finally {
      run.child.kill('SIGKILL');
    }
    const lines = run.output().trim().split('\n').map((l) => JSON.parse(l) as { msg: string });
    expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['paperbot is ready', 'command handled']));
    expect(run.output()).not.toContain(fake.token);
    const store = openSqliteStore(join(stateDir, 'paperbot.db'));
    expect(await store.check()).toBe('ok');
    store.close();
  }, 30_000);
});
