/**
 * The bot's background ingestion against a local fake of Hugging Face: papers stored and handed
 * to the library, one warning per failure streak with backoff, and the bot answering with new
 * papers within seconds.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import type { Logger } from '../../src/core/logger.js';
import type { Paper } from '../../src/corpus/paper.js';
import { createHfSource } from '../../src/sources/hf.js';
import { hfJob } from '../../src/sources/jobs.js';
import { createPoller } from '../../src/sources/poller.js';
import { SourceHealth } from '../../src/sources/health.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/index.js';
import { hfItem, hfPaper } from '../fakes/hf/fixtures.js';
import { FakeHf } from '../fakes/hf/server.js';
import { ScriptedServer } from '../fakes/scripted-server.js';

const TODAY = new Date().toISOString().slice(0, 10);
const fake = new FakeHf({
  // Known to /api/papers/{id} but not listed on any day: only an on-demand lookup finds it.
  papers: [
    hfPaper({
      id: '2612.00777',
      title: 'Sparse Autoencoders Find Chess Concepts',
      summary: 'We train sparse autoencoders on a chess engine and find human chess concepts.',
      authors: ['Magnus Carlsen', 'Demis Hassabis'],
      upvotes: 8,
    }),
  ],
  days: {
    [TODAY]: [
      hfItem({
        id: '2612.00042',
        title: 'Tidal Attention for Ocean Current Forecasting',
        summary: 'We forecast ocean currents with tidal attention. Tidal attention aligns heads with tide cycles.',
        listedAt: `${TODAY}T08:00:00.000Z`,
        upvotes: 12,
      }),
    ],
  },
});
let url: string;
let closeFake: () => Promise<void>;
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'paperbot-poller-'));
  dirs.push(dir);
  return dir;
};

beforeAll(async () => {
  ({ url, close: closeFake } = await fake.start());
});
afterAll(async () => {
  await closeFake();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function memoryLogger(lines: { level: string; msg: string }[]): Logger {
  const at = (level: string) => (_obj: object, msg?: string) => void lines.push({ level, msg: msg ?? '' });
  const logger: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), child: () => logger };
  return logger;
}

/** A poller over one HF job, with timers recorded instead of run. */
function rig(baseUrl: string, store: SqliteStore) {
  const lines: { level: string; msg: string }[] = [];
  const timers: number[] = [];
  const stored: Paper[][] = [];
  const source = createHfSource({ baseUrl, userAgent: 'paperbot/test', maxAttempts: 1, timeoutMs: 2000 });
  const poller = createPoller({
    jobs: [hfJob(source, 1)], // yesterday too, so a run across midnight still sees TODAY's list
    repo: store.papers,
    seeds: () => new Map(),
    intervalMs: 30 * 60_000,
    retryMs: 60_000,
    logger: memoryLogger(lines),
    onStored: (papers) => stored.push(papers),
    setTimer: (_run, ms) => {
      timers.push(ms);
      return { clear: () => undefined };
    },
  });
  return { poller, lines, timers, stored };
}

describe('the source poller', () => {
  it('stores what the source lists today and hands the new papers to the library', async () => {
    const store = openSqliteStore(join(tempDir(), 'paperbot.db'));
    const r = rig(url, store);
    const [run] = await r.poller.runOnce('hf');
    expect(run).toMatchObject({ source: 'hf', ok: true, counts: { fetched: 1, added: 1, merged: 0 } });
    expect(r.stored.map((batch) => batch.map((p) => p.arxivId))).toEqual([['2612.00042']]);
    expect(r.timers).toEqual([30 * 60_000]);
    // Nothing changed on the second run: nothing to hand over.
    await r.poller.runOnce('hf');
    expect(r.stored).toHaveLength(1);
    expect((await store.papers.sourceStatus())[0]).toMatchObject({ source: 'hf', papersAdded: 1 });
    await store.close();
  });

  it('offline: one clear warning per streak, backoff doubling up to the interval, then back to normal', async () => {
    const store = openSqliteStore(join(tempDir(), 'paperbot.db'));
    // A port nothing listens on: connection refused, as on a machine without network.
    const down = new FakeHf();
    const { url: deadUrl, close } = await down.start();
    await close();
    const r = rig(deadUrl, store);
    for (let i = 0; i < 3; i++) expect((await r.poller.runOnce('hf'))[0]!.ok).toBe(false);
    expect(r.timers).toEqual([60_000, 120_000, 240_000]);
    const warnings = r.lines.filter((l) => l.level === 'warn');
    expect(warnings.map((l) => l.msg)).toEqual(['hf: could not fetch new papers; the bot keeps answering from the papers it has and retries']);
    expect((await store.papers.sourceStatus())[0]).toMatchObject({ source: 'hf', papersAdded: 0, lastError: expect.stringMatching(/^GET 127\.0\.0\.1:\d+\/api\/daily_papers/) });
    await store.close();
  });

  it('a run that fails half-way fetches the days that answered whole next time: no paper is lost', async () => {
    const store = openSqliteStore(join(tempDir(), 'paperbot.db'));
    const day = (back: number) => new Date(Date.now() - back * 86_400_000).toISOString().slice(0, 10);
    const listed = hfItem({ id: '2612.00100', title: 'Half-Way Failures in Paper Polling', listedAt: `${day(1)}T08:00:00.000Z` });
    let failToday = true;
    // ETags on, so a day that answered 200 answers 304 to the next conditional request.
    const server = new ScriptedServer((request) => {
      if (request.query.date === day(0) && failToday) {
        failToday = false;
        return { status: 500, headers: { 'content-type': 'application/json' }, body: '{"error":"boom"}' };
      }
      return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(request.query.date === day(1) ? [listed] : []) };
    }, { etag: true });
    const { url: flakyUrl, close } = await server.start();
    try {
      const r = rig(flakyUrl, store);
      expect((await r.poller.runOnce('hf'))[0]!.ok).toBe(false);
      expect(await store.papers.count()).toBe(0);
      expect((await r.poller.runOnce('hf'))[0]).toMatchObject({ ok: true, counts: { added: 1 } });
      expect((await store.papers.byArxivId('2612.00100'))?.title).toBe('Half-Way Failures in Paper Polling');
    } finally {
      await close();
      await store.close();
    }
  });

  it('health degrades only after a source has failed for longer than the limit', () => {
    let now = 0;
    const health = new SourceHealth(['hf'], 60_000, () => now, 0);
    expect(health.check()).toMatchObject({ ok: true, degraded: false });
    now = 61_000;
    expect(health.check()).toMatchObject({ ok: true, degraded: true, sources: { hf: { lastSuccess: null, failingForSeconds: 61 } } });
    health.succeeded('hf', new Date(61_000));
    expect(health.check()).toMatchObject({ degraded: false, sources: { hf: { lastSuccess: new Date(61_000).toISOString() } } });
    now = 100_000;
    health.failed('hf');
    now = 150_000;
    expect(health.check().degraded).toBe(false);
    now = 161_000;
    expect(health.check().degraded).toBe(true);
  });
});

describe('GIVEN the bot running with the hf source', () => {
  it('THEN a paper listed today is searchable and opens with its links, without a restart', async () => {
    const stateDir = tempDir();
    const config = loadConfig({ PAPERBOT_SOURCES: 'files,hf', HF_API_URL: url, PAPERBOT_RATE_LIMIT_BURST: '1000', PAPERBOT_RATE_LIMIT_PER_MINUTE: '10000', PAPERBOT_STATE_DIR: stateDir, PAPERBOT_CACHE_DIR: 'off' });
    const app = await startApp(config, memoryLogger([]), { input: new PassThrough(), output: new PassThrough() });
    try {
      const request = { platform: 'console', userId: 'u', channelId: 'c' };
      const deadline = Date.now() + 10_000;
      let found = false;
      while (!found && Date.now() < deadline) {
        const reply = await app.bot.run('search', { query: 'tidal attention ocean' }, request);
        found = reply.blocks.some((b) => b.type === 'paper' && b.paper.title === 'Tidal Attention for Ocean Current Forecasting');
        if (!found) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(found).toBe(true);
      expect(app.holder.current().papers).toHaveLength(489);
      const details = await app.bot.run('paper', { id: '2612.00042' }, request);
      expect(details.blocks.find((b) => b.type === 'paper')).toMatchObject({ paper: { links: [{ label: 'arXiv', url: 'https://arxiv.org/abs/2612.00042' }, { label: 'PDF' }, { label: 'Hugging Face' }] } });

      // A paper the bot has never seen is looked up on demand, stored, and searchable from then on.
      const lookedUp = await app.bot.run('paper', { id: 'https://huggingface.co/papers/2612.00777' }, request);
      expect(lookedUp.text).toMatch(/^Sparse Autoencoders Find Chess Concepts \(p[a-z0-9]{7}\)/);
      expect(fake.requests.some((r) => r.path === '/api/papers/2612.00777')).toBe(true);
      expect((await app.store.papers.byArxivId('2612.00777'))?.authorNames).toEqual(['Magnus Carlsen', 'Demis Hassabis']);
      const search = await app.bot.run('search', { query: 'chess concepts autoencoders' }, request);
      expect(search.blocks.some((b) => b.type === 'paper' && b.paper.title === 'Sparse Autoencoders Find Chess Concepts')).toBe(true);
      // Stored by another process (paperbot ingest) while the bot runs: served from the store, no request.
      await app.store.papers.save([{ id: 'pstored1', title: 'Stored Elsewhere', titleDerived: false, abstract: 'Stored by the CLI.', arxivId: '2612.00555', links: [], sources: ['hf'] }], new Date());
      const before = fake.requests.length;
      expect((await app.bot.run('paper', { id: '2612.00555' }, request)).text).toMatch(/^Stored Elsewhere \(pstored1\)/);
      expect(fake.requests.length).toBe(before);
      expect(app.holder.current().byArxivId('2612.00555')?.id).toBe('pstored1');
      const missing = await app.bot.run('paper', { id: '2612.99999' }, request);
      expect(missing.text).toBe('Hugging Face has no paper `2612.99999`. Check the arXiv id; new submissions can take a day to appear there.');
    } finally {
      await app.shutdown.shutdown({ timeoutMs: 2000 });
    }
  });

  it('THEN a restart serves the stored papers at once, and polling again duplicates nothing', async () => {
    const stateDir = tempDir();
    const env = { PAPERBOT_SOURCES: 'files,hf', HF_API_URL: url, PAPERBOT_STATE_DIR: stateDir, PAPERBOT_CACHE_DIR: 'off' };
    const waitFor = async (check: () => Promise<boolean>) => {
      const deadline = Date.now() + 10_000;
      while (!(await check())) {
        if (Date.now() > deadline) throw new Error('timed out');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    const first = await startApp(loadConfig(env), memoryLogger([]), { input: new PassThrough(), output: new PassThrough() });
    await waitFor(async () => (await first.store.papers.sourceStatus()).some((s) => s.lastSuccess));
    const firstRun = (await first.store.papers.sourceStatus())[0]!.lastSuccess!.getTime();
    await first.shutdown.shutdown({ timeoutMs: 2000 });

    const second = await startApp(loadConfig(env), memoryLogger([]), { input: new PassThrough(), output: new PassThrough() });
    try {
      // Served before any new fetch: the store is read at start.
      expect(second.holder.current().byArxivId('2612.00042')?.title).toBe('Tidal Attention for Ocean Current Forecasting');
      // The second process has polled the same listing again.
      await waitFor(async () => ((await second.store.papers.sourceStatus())[0]?.lastSuccess?.getTime() ?? 0) > firstRun);
      expect(await second.store.papers.count()).toBe(1);
      expect(second.holder.current().papers.filter((p) => p.arxivId === '2612.00042')).toHaveLength(1);
    } finally {
      await second.shutdown.shutdown({ timeoutMs: 2000 });
    }
  });
});
