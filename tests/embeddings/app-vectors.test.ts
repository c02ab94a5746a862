/**
 * Semantic search in the running bot: vectors computed when a paper is stored and kept in the
 * store, the seed corpus's cached, with the default model learnt from the corpus and with an
 * OpenAI-compatible endpoint (a local fake), which never holds up a search.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import type { Logger } from '../../src/core/logger.js';
import type { LoadedLibrary } from '../../src/load-library.js';
import { embeddingTextHash } from '../../src/search/embeddings.js';
import { hfItem } from '../fakes/hf/fixtures.js';
import { FakeHf } from '../fakes/hf/server.js';
import { hashedWords, startFakeEmbeddings, type FakeEmbeddings } from '../fakes/embeddings.js';

const TODAY = new Date().toISOString().slice(0, 10);
const hf = new FakeHf({
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
let hfUrl: string;
let closeHf: () => Promise<void>;
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'paperbot-vectors-'));
  dirs.push(dir);
  return dir;
};
/** Records every line, its fields included (as JSON): what a log would show. */
const quiet = (lines: { level: string; msg: string; fields?: string }[] = []): Logger => {
  const at = (level: string) => (obj: object, msg?: string) => void lines.push({ level, msg: msg ?? '', fields: JSON.stringify(obj) });
  const logger: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), child: () => logger };
  return logger;
};
const io = () => ({ input: new PassThrough(), output: new PassThrough() });
const request = { platform: 'console', userId: 'u', channelId: 'c' };

async function waitFor(check: () => Promise<boolean> | boolean, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const served = (app: App) => app.holder.served() as LoadedLibrary;

beforeAll(async () => {
  ({ url: hfUrl, close: closeHf } = await hf.start());
});
afterAll(async () => {
  await closeHf();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('GIVEN the bot with the default semantic model', () => {
  it('THEN a stored paper\'s vector is saved in the store, the seed corpus\'s is cached, and a restart learns nothing again', async () => {
    const stateDir = tempDir();
    const env = { PAPERBOT_SOURCES: 'files,hf', HF_API_URL: hfUrl, PAPERBOT_STATE_DIR: stateDir };
    const lines: { level: string; msg: string; fields?: string }[] = [];
    const first = await startApp(loadConfig(env), quiet(lines), io());
    let model: string;
    try {
      const semantic = served(first).semantic!;
      model = semantic.provider.model;
      expect(model).toMatch(/^lsa-100-/);
      expect(lines.some((l) => l.msg === 'semantic model learnt from the corpus')).toBe(true);
      await waitFor(async () => (await first.store.embeddings.count(model)) === 1, 'the new paper\'s vector');
      const paper = (await first.store.papers.byArxivId('2612.00042'))!;
      const [saved] = await first.store.embeddings.get(model, [paper.id]);
      expect(saved!.textHash).toBe(embeddingTextHash(paper));
      expect([...saved!.vector]).toEqual([...semantic.provider.embedPaperNow!(paper)!]);
      // Served with that vector: similar finds papers for it.
      expect(first.holder.current().similar(paper.id, 3)).toHaveLength(3);
      expect(readdirSync(join(stateDir, 'cache')).some((f) => f.startsWith('vectors-') && f.endsWith('-lsa.pbev'))).toBe(true);
    } finally {
      await first.shutdown.shutdown({ timeoutMs: 2000 });
    }

    const again: { level: string; msg: string }[] = [];
    const second = await startApp(loadConfig(env), quiet(again), io());
    try {
      expect(served(second).semantic!.provider.model).toBe(model);
      expect(again.some((l) => l.msg === 'semantic model learnt from the corpus')).toBe(false);
      const paper = second.holder.current().byArxivId('2612.00042')!;
      const doc = second.holder.current().papers.indexOf(paper);
      expect(served(second).semantic!.vectors.vector(doc)).toBeDefined();
      expect(served(second).semantic!.vectors.known).toBe(second.holder.current().papers.length);
    } finally {
      await second.shutdown.shutdown({ timeoutMs: 2000 });
    }
  });
});

describe('GIVEN the bot with an OpenAI-compatible embeddings endpoint', () => {
  let fake: FakeEmbeddings;
  beforeAll(async () => {
    fake = await startFakeEmbeddings({ key: 'sk-local-test-key' });
  });
  afterAll(() => fake.close());

  const env = (stateDir: string) => ({
    PAPERBOT_SOURCES: 'files,hf',
    HF_API_URL: hfUrl,
    PAPERBOT_STATE_DIR: stateDir,
    PAPERBOT_EMBEDDINGS_URL: fake.url,
    PAPERBOT_EMBEDDINGS_MODEL: 'text-embedding-test',
    PAPERBOT_EMBEDDINGS_KEY: 'sk-local-test-key',
  });
  const inputs = () => fake.requests.reduce((sum, r) => sum + (Array.isArray(r.body.input) ? r.body.input.length : 1), 0);

  it('THEN it starts without waiting for the endpoint, fills every vector in, and a restart asks for none again', async () => {
    const stateDir = tempDir();
    const lines: { level: string; msg: string; fields?: string }[] = [];
    const first = await startApp(loadConfig(env(stateDir)), quiet(lines), io());
    try {
      await waitFor(() => (served(first).semantic?.vectors.known ?? 0) === first.holder.current().papers.length && first.holder.current().papers.length === 489, 'every vector');
      const paper = first.holder.current().byArxivId('2612.00042')!;
      await waitFor(async () => (await first.store.embeddings.count('http:text-embedding-test')) === 1, 'the stored paper\'s vector');
      const [saved] = await first.store.embeddings.get('http:text-embedding-test', [paper.id]);
      const expected = hashedWords(`${paper.title}\n\n${paper.abstract}`);
      const norm = Math.hypot(...expected);
      expect([...saved!.vector].map((x) => x.toFixed(5))).toEqual(expected.map((x) => (x / norm).toFixed(5)));
      expect(fake.requests.every((r) => r.headers.authorization === 'Bearer sk-local-test-key')).toBe(true);
      // Search asks for the query's vector, then fuses.
      const before = fake.requests.length;
      const reply = await first.bot.run('search', { query: 'tidal attention ocean' }, request);
      expect(reply.blocks.some((b) => b.type === 'paper' && b.paper.title === 'Tidal Attention for Ocean Current Forecasting')).toBe(true);
      expect(fake.requests.slice(before).map((r) => r.body.input)).toEqual([['tidal attention ocean']]);
      await waitFor(() => existsSync(join(stateDir, 'cache')) && readdirSync(join(stateDir, 'cache')).some((f) => f.endsWith('-http-text-embedding-test.pbev')), 'the seed cache');
      expect(JSON.stringify(lines)).not.toContain('sk-local-test-key');
    } finally {
      await first.shutdown.shutdown({ timeoutMs: 2000 });
    }

    const asked = inputs();
    const second = await startApp(loadConfig(env(stateDir)), quiet(), io());
    try {
      expect(served(second).semantic?.vectors.known).toBe(second.holder.current().papers.length);
      // Seed vectors from the cache, the stored paper's from the store: no text sent again.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(inputs()).toBe(asked);
    } finally {
      await second.shutdown.shutdown({ timeoutMs: 2000 });
    }
  });

  it('THEN an endpoint that refuses leaves search lexical, answering at once, and says so in the log without the key', async () => {
    const stateDir = tempDir();
    // A wrong key or model fails at once (a 5xx or a timeout would be retried with backoff first).
    fake.fail({ kind: 'status', status: 401, body: JSON.stringify({ error: { message: 'Incorrect API key provided: sk-local-test-key' } }) }, 10_000);
    const lines: { level: string; msg: string; fields?: string }[] = [];
    const app = await startApp(loadConfig(env(stateDir)), quiet(lines), io());
    try {
      const reply = await app.bot.run('search', { query: 'contrastive learning' }, request);
      expect(reply.blocks.filter((b) => b.type === 'paper').length).toBe(5);
      expect(reply.error).toBeUndefined();
      await waitFor(() => lines.some((l) => l.level === 'warn' && /could not fetch papers' vectors/.test(l.msg)), 'the warning');
      expect(lines.find((l) => /could not fetch papers' vectors/.test(l.msg))?.fields).toContain('answered 401: Incorrect API key provided: ***');
      expect(served(app).semantic).toBeUndefined();
      expect(JSON.stringify(lines)).not.toContain('sk-local-test-key');
    } finally {
      await app.shutdown.shutdown({ timeoutMs: 2000 });
      fake.heal();
    }
  });
});
