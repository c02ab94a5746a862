/**
 * `paperbot ingest hf` against a local fake of the Hugging Face API: it stores and merges exactly
 * what the fake serves, a second run changes nothing, a seed paper is enriched in place, and the
 * bot then finds the new papers with their links.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { silentLogger } from '../../src/core/logger.js';
import { openSqliteStore } from '../../src/store/index.js';
import { hfItem } from '../fakes/hf/fixtures.js';
import { FakeHf } from '../fakes/hf/server.js';
import { runCli } from '../cli/run.js';
import { FakeArxiv } from '../fakes/arxiv/server.js';

// The seed corpus has this paper without an arXiv id; the source knows it as 2105.05233.
const SEED_TITLE = 'Diffusion Models Beat GANs on Image Synthesis';
const SEED_ID = 'pskim5ab';

const fake = new FakeHf({
  days: {
    '2026-11-27': [
      hfItem({
        id: '2611.00001',
        title: 'Sparse Mixture Routers for Protein Folding',
        summary: 'We route protein folding through sparse mixtures of experts. Routers learn residue-level specialisation.',
        authors: ['Grace Hopper', 'Barbara Liskov', 'Frances Allen', 'Edsger Dijkstra'],
        publishedAt: '2026-11-26T17:00:00.000Z',
        listedAt: '2026-11-27T09:00:00.000Z',
        upvotes: 42,
        aiSummary: 'Sparse expert routers make protein folding cheaper.',
        aiKeywords: ['mixture of experts', 'protein folding'],
        githubRepo: 'https://github.com/example/sparse-routers',
      }),
      hfItem({ id: '2611.00002', omit: ['summary'], listedAt: '2026-11-27T09:00:00.000Z' }),
    ],
    '2026-11-28': [
      hfItem({
        id: '2105.05233',
        title: SEED_TITLE,
        summary: 'We show that diffusion models can achieve image sample quality superior to GANs.',
        authors: ['Prafulla Dhariwal', 'Alex Nichol'],
        publishedAt: '2021-05-11T17:00:00.000Z',
        listedAt: '2026-11-28T09:00:00.000Z',
        upvotes: 7,
      }),
      // Listed again a day later with more upvotes: one paper, refreshed.
      hfItem({ id: '2611.00001', title: 'Sparse Mixture Routers for Protein Folding', upvotes: 50, listedAt: '2026-11-28T09:00:00.000Z',
        summary: 'We route protein folding through sparse mixtures of experts. Routers learn residue-level specialisation.',
        authors: ['Grace Hopper', 'Barbara Liskov', 'Frances Allen', 'Edsger Dijkstra'], publishedAt: '2026-11-26T17:00:00.000Z' }),
    ],
  },
});

let stateDir: string;
let env: Record<string, string>;
let closeFake: () => Promise<void>;

const cli = (argv: string[]) => runCli(argv, env);

beforeAll(async () => {
  const { url, close } = await fake.start();
  closeFake = close;
  stateDir = mkdtempSync(join(tmpdir(), 'paperbot-ingest-'));
  env = { HF_API_URL: url, PAPERBOT_STATE_DIR: stateDir, PAPERBOT_CACHE_DIR: 'off' };
});
afterAll(async () => {
  await closeFake();
  rmSync(stateDir, { recursive: true, force: true });
});

// One story over one state folder: each step builds on the ones before (the arXiv step merges into
// what Hugging Face stored), so the steps share one suite that never runs shuffled.
describe('paperbot ingest hf, then arxiv', { shuffle: false }, () => {
  it('stores and merges exactly what the source serves, with a line per day and a summary', async () => {
    const first = await cli(['ingest', 'hf', '--since', '2026-11-27', '--until', '2026-11-28']);
    expect(first.code).toBe(0);
    expect(first.out.trim().split('\n')).toEqual([
      '2026-11-27: fetched 2, new 1, merged 0, unchanged 0, skipped 1',
      '2026-11-28: fetched 2, new 0, merged 2, unchanged 0, skipped 0',
      'total: fetched 4, new 1, merged 2, unchanged 0, skipped 1 (2 papers in the store)',
    ]);
    expect(first.err).toMatch(/2026-11-27: skipped 2611\.00002: .*abstract/);
    expect(fake.requests.map((r) => r.query.date)).toEqual(['2026-11-27', '2026-11-28']);
    expect(fake.requests[0]!.headers['user-agent']).toMatch(/^paperbot\//);
  });

  it('a second run changes nothing', async () => {
    const again = await cli(['ingest', 'hf', '--since', '2026-11-27', '--until', '2026-11-28']);
    expect(again.code).toBe(0);
    expect(again.out).toContain('total: fetched 4, new 0, merged 0, unchanged 3, skipped 1 (2 papers in the store)');
    // The seed counts stay as they were; the store adds one paper and enriches one seed paper in place.
    const stats = JSON.parse((await cli(['corpus', 'stats', '--json'])).out) as Record<string, unknown>;
    expect(stats).toMatchObject({ entries: 518, papers: 488, stored: 2, served: 489 });
  });

  it('keeps the seed paper id, adds the arXiv id and authors, and refreshes upvotes', async () => {
    const store = openSqliteStore(join(stateDir, 'paperbot.db'));
    try {
      const seed = await store.papers.get(SEED_ID);
      expect(seed).toMatchObject({ id: SEED_ID, title: SEED_TITLE, arxivId: '2105.05233', authorNames: ['Prafulla Dhariwal', 'Alex Nichol'], upvotes: 7 });
      // The seed's longer abstract is kept.
      expect(seed!.abstract).toMatch(/^We show that diffusion models can achieve image sample quality superior to the current state-of-the-art/);
      const fresh = await store.papers.byArxivId('2611.00001');
      expect(fresh).toMatchObject({ upvotes: 50, published: '2026-11-26', summary: 'Sparse expert routers make protein folding cheaper.', sources: ['hf'] });
      expect(fresh!.links).toEqual([{ url: 'https://github.com/example/sparse-routers', kind: 'code' }]);
      expect(await store.papers.count()).toBe(2);
      expect(await store.papers.sourceStatus()).toMatchObject([{ source: 'hf', papersAdded: 1 }]);
    } finally {
      await store.close();
    }
  });

  it('paper takes an arXiv id or link and shows arXiv, PDF, Hugging Face and code links, authors and the TL;DR', async () => {
    const shown = await cli(['paper', 'https://arxiv.org/abs/2611.00001v2', '--json']);
    expect(shown.code).toBe(0);
    const reply = JSON.parse(shown.out) as { blocks: { type: string; paper?: { links: { label: string; url: string }[]; meta: string }; fields?: { label: string; value: string }[] }[] };
    const card = reply.blocks.find((b) => b.type === 'paper')!.paper!;
    expect(card.links).toEqual([
      { label: 'arXiv', url: 'https://arxiv.org/abs/2611.00001' },
      { label: 'PDF', url: 'https://arxiv.org/pdf/2611.00001' },
      { label: 'Hugging Face', url: 'https://huggingface.co/papers/2611.00001' },
      { label: 'Code', url: 'https://github.com/example/sparse-routers' },
    ]);
    expect(card.meta).toBe('ID ' + card.meta.slice(3, 11) + ' · arXiv 2611.00001 · Nov 26, 2026 · G. Hopper, B. Liskov, F. Allen et al. · ▲ 50');
    const fields = Object.fromEntries(reply.blocks.find((b) => b.type === 'fields')!.fields!.map((f) => [f.label, f.value]));
    expect(fields).toMatchObject({ Authors: 'Grace Hopper, Barbara Liskov, Frances Allen, Edsger Dijkstra', Upvotes: '50', 'TL;DR': 'Sparse expert routers make protein folding cheaper.' });
    const found = JSON.parse((await cli(['search', 'sparse routers protein folding', '--json', '--limit', '1'])).out) as { results: Record<string, unknown>[] };
    expect(found.results[0]).toMatchObject({
      arxivId: '2611.00001',
      upvotes: 50,
      authorNames: ['Grace Hopper', 'Barbara Liskov', 'Frances Allen', 'Edsger Dijkstra'],
      links: [
        { label: 'arXiv', url: 'https://arxiv.org/abs/2611.00001' },
        { label: 'PDF', url: 'https://arxiv.org/pdf/2611.00001' },
        { label: 'Hugging Face', url: 'https://huggingface.co/papers/2611.00001' },
        { label: 'Code', url: 'https://github.com/example/sparse-routers' },
      ],
    });
    const seed = await cli(['paper', '2105.05233']);
    expect(seed.out).toContain(SEED_TITLE);
    const unknown = await cli(['paper', '2611.99999']);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain("I don't have arXiv paper `2611.99999` yet.");
  });

  it('a seed paper without upvotes says nothing about them instead of "0"', async () => {
    const shown = await cli(['paper', 'pulpqdl2', '--json']);
    const reply = JSON.parse(shown.out) as { blocks: { type: string; fields?: { label: string }[] }[] };
    expect(reply.blocks.find((b) => b.type === 'fields')!.fields!.map((f) => f.label)).not.toContain('Upvotes');
  });

  it('the bot started on the same state serves the new papers', async () => {
    const app = await startApp(loadConfig({ ...env, PAPERBOT_SOURCES: 'files' }), silentLogger, { input: new PassThrough(), output: new PassThrough() });
    try {
      expect(app.holder.current().papers).toHaveLength(489);
      const results = await app.bot.run('search', { query: 'protein folding routers' }, { platform: 'console', userId: 'u', channelId: 'c' });
      expect(results.blocks.find((b) => b.type === 'paper')).toMatchObject({ paper: { title: 'Sparse Mixture Routers for Protein Folding' } });
    } finally {
      await app.shutdown.shutdown({ timeoutMs: 2000 });
    }
  });

  it('says clearly when the source cannot be read, and records the error', async () => {
    fake.inject({ kind: 'status', status: 404 }, { times: 1 });
    const failed = await cli(['ingest', 'hf', '--date', '2026-11-29']);
    expect(failed.code).toBe(1);
    expect(failed.err).toMatch(/^paperbot: 2026-11-29: Hugging Face could not be read: /);
    const status = await cli(['ingest', 'status']);
    expect(status.out).toMatch(/^2 papers in the store\nhf: last success \S+; papers added 1; last error \S+: /);
  });

  it('refuses a bad range before fetching anything', async () => {
    const before = fake.requests.length;
    expect((await cli(['ingest', 'hf', '--since', '2026-11-28', '--until', '2026-11-01'])).code).toBe(2);
    expect((await cli(['ingest', 'hf', '--date', '28/11/2026'])).code).toBe(2);
    expect((await cli(['ingest', 'rss'])).code).toBe(2);
    expect((await cli(['ingest', 'arxiv', '--category', 'cs LG'])).code).toBe(2);
    expect(fake.requests.length).toBe(before);
  });

  it('merges a paper that Hugging Face already gave into the same record, adding its categories', async () => {
    const arxiv = new FakeArxiv([
      { id: '2611.00001', title: 'Sparse Mixture Routers for Protein Folding', published: '2026-11-26T17:00:00Z', primaryCategory: 'q-bio.BM', crossLists: ['cs.LG'],
        summary: 'We route protein folding through sparse mixtures of experts. Routers learn residue-level specialisation.', authors: ['Grace Hopper', 'Barbara Liskov', 'Frances Allen', 'Edsger Dijkstra'] },
      { id: '2611.00003', title: 'Gradient Inversion Attacks Revisited', published: '2026-11-27T10:00:00Z', summary: 'We revisit gradient inversion attacks on federated learning and find them weaker than reported.' },
    ]);
    const { url: arxivUrl, close } = await arxiv.start();
    try {
      const before = await cli(['ingest', 'status']);
      const papersBefore = Number(/^(\d+) papers/.exec(before.out)![1]);
      env.ARXIV_API_URL = `${arxivUrl}/api/query`;
      const run = await cli(['ingest', 'arxiv', '--category', 'cs.LG', '--since', '2026-11-20']);
      expect(run.err).toBe('');
      expect(run.code).toBe(0);
      expect(run.out.split('\n')[0]).toBe('cs.LG since 2026-11-20: fetched 2, new 1, merged 1, unchanged 0, skipped 0');
      expect(arxiv.requests[0]!.query).toMatchObject({ search_query: 'cat:cs.LG', sortBy: 'submittedDate', sortOrder: 'descending' });
      const store = openSqliteStore(join(stateDir, 'paperbot.db'));
      try {
        expect(await store.papers.count()).toBe(papersBefore + 1);
        expect(await store.papers.byArxivId('2611.00001')).toMatchObject({ categories: ['q-bio.BM', 'cs.LG'], sources: ['hf', 'arxiv'], upvotes: 50 });
      } finally {
        await store.close();
      }
    } finally {
      delete env.ARXIV_API_URL;
      await close();
    }
  });
});
