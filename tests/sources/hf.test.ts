import { describe, expect, it } from 'vitest';
import { createHfSource, type HfSourceOptions } from '../../src/sources/hf.js';
import { hfDay, hfItem, hfPaper } from '../fakes/hf/fixtures.js';
import { FakeHf } from '../fakes/hf/server.js';
import { fakeTime, sourceError, useFakes, type FakeTime } from './helpers.js';

const serve = useFakes();
const DAY = '2025-01-15';

function source(url: string, time: FakeTime, options: Partial<HfSourceOptions> = {}) {
  return createHfSource({ baseUrl: url, userAgent: 'paperbot/0.1.0', sleep: time.sleep, now: time.now, random: () => 0.5, ...options });
}

describe('Hugging Face source: fetchDay', () => {
  it('pages through a day of 230 papers with limit 100', async () => {
    const fake = new FakeHf({ days: { [DAY]: hfDay(DAY, 230) } });
    const hf = source(await serve(fake), fakeTime());

    const batch = await hf.fetchDay(DAY);

    expect(batch.papers).toHaveLength(230);
    expect(batch.warnings).toEqual([]);
    expect(batch.notModified).toBe(false);
    expect(batch.papers[0]?.hfId).toBe('2501.10000');
    expect(batch.papers[229]?.hfId).toBe('2501.10229');
    expect(fake.requests.map((r) => [r.path, r.query])).toEqual([
      ['/api/daily_papers', { date: DAY, p: '0', limit: '100' }],
      ['/api/daily_papers', { date: DAY, p: '1', limit: '100' }],
      ['/api/daily_papers', { date: DAY, p: '2', limit: '100' }],
    ]);
  });

  it('asks for pages until one comes back short, and returns nothing for an empty day', async () => {
    const fake = new FakeHf({ days: { [DAY]: hfDay(DAY, 100) } });
    const hf = source(await serve(fake), fakeTime(), { pageSize: 50 });

    expect((await hf.fetchDay(DAY)).papers).toHaveLength(100);
    // 100 items at 50 a page: the third page comes back empty and ends the day.
    expect(fake.requests.map((r) => r.query.p)).toEqual(['0', '1', '2']);
    expect(await hf.fetchDay('2025-01-12')).toEqual({ papers: [], warnings: [], notModified: false });
  });

  it('maps the fields of a listed paper exactly', async () => {
    const item = hfItem({
      id: '2501.12948',
      title: 'DeepSeek-R1',
      summary: 'Reasoning via RL.',
      authors: ['DeepSeek-AI', 'Daya Guo'],
      publishedAt: '2025-01-22T15:19:35.000Z',
      upvotes: 342,
      numComments: 12,
      aiSummary: 'RL teaches reasoning.',
      aiKeywords: ['reinforcement learning'],
      githubRepo: 'https://github.com/deepseek-ai/DeepSeek-R1',
      projectPage: 'https://deepseek.com/r1',
    });
    const fake = new FakeHf({ days: { [DAY]: [item] } });

    const batch = await source(await serve(fake), fakeTime()).fetchDay(DAY);

    expect(batch.papers).toStrictEqual([
      {
        source: 'hf',
        hfId: '2501.12948',
        arxivId: '2501.12948',
        title: 'DeepSeek-R1',
        abstract: 'Reasoning via RL.',
        authors: ['DeepSeek-AI', 'Daya Guo'],
        published: '2025-01-22',
        upvotes: 342,
        comments: 12,
        summary: 'RL teaches reasoning.',
        keywords: ['reinforcement learning'],
        links: [
          { url: 'https://github.com/deepseek-ai/DeepSeek-R1', kind: 'code' },
          { url: 'https://deepseek.com/r1', kind: 'project' },
        ],
      },
    ]);
  });

  it('warns about items without title or abstract and keeps the rest of the batch', async () => {
    const items = hfDay(DAY, 5);
    items.splice(1, 0, hfItem({ id: '2501.99001', omit: ['title'] }));
    items.splice(4, 0, hfItem({ id: '2501.99002', omit: ['summary'] }));
    const fake = new FakeHf({ days: { [DAY]: items } });

    const batch = await source(await serve(fake), fakeTime()).fetchDay(DAY);

    expect(batch.papers.map((p) => p.hfId)).toEqual(['2501.10000', '2501.10001', '2501.10002', '2501.10003', '2501.10004']);
    expect(batch.warnings).toEqual([
      { source: 'hf', item: '2501.99001', message: 'missing title' },
      { source: 'hf', item: '2501.99002', message: 'missing abstract' },
    ]);
  });

  it('keeps a paper once when it shows up on two pages', async () => {
    const items = hfDay(DAY, 150);
    items.splice(120, 0, items[10]!);
    const fake = new FakeHf({ days: { [DAY]: items } });

    const batch = await source(await serve(fake), fakeTime()).fetchDay(DAY);

    expect(batch.papers).toHaveLength(150);
  });

  it('stops at maxPages and says more papers may exist', async () => {
    const fake = new FakeHf({ days: { [DAY]: hfDay(DAY, 250) } });

    const batch = await source(await serve(fake), fakeTime(), { maxPages: 2 }).fetchDay(DAY);

    expect(batch.papers).toHaveLength(200);
    expect(fake.requests).toHaveLength(2);
    expect(batch.warnings).toEqual([{ source: 'hf', message: `stopped after 2 pages of ${DAY}; more papers may exist` }]);
  });

  it.each([
    ['malformed JSON', '[{"paper": {"id": "2501.1"'],
    ['a JSON object instead of an array', '{"error": "Internal"}'],
  ])('rejects %s as malformed', async (_name, body) => {
    const fake = new FakeHf({ days: { [DAY]: hfDay(DAY, 3) } });
    fake.inject({ kind: 'body', body });

    const error = await sourceError(source(await serve(fake), fakeTime()).fetchDay(DAY));

    expect(error.kind).toBe('malformed');
    expect(error.message).toContain('/api/daily_papers');
  });

  it('waits 2000 ms after a 429 with Retry-After: 2, then succeeds', async () => {
    const fake = new FakeHf({ days: { [DAY]: hfDay(DAY, 3) } });
    fake.inject({ kind: 'status', status: 429, headers: { 'retry-after': '2' }, body: '{"error":"rate limited"}' });
    const time = fakeTime();

    const batch = await source(await serve(fake), time).fetchDay(DAY);

    expect(time.sleeps).toEqual([2000]);
    expect(batch.papers).toHaveLength(3);
    expect(fake.requests).toHaveLength(2);
  });

  it('retries after two 500s, then succeeds', async () => {
    const fake = new FakeHf({ days: { [DAY]: hfDay(DAY, 3) } });
    fake.inject({ kind: 'status', status: 500, body: '{"error":"Internal Error"}' }, { times: 2 });
    const time = fakeTime();

    const batch = await source(await serve(fake), time, { baseDelayMs: 1000 }).fetchDay(DAY);

    expect(batch.papers).toHaveLength(3);
    expect(fake.requests).toHaveLength(3);
    expect(time.sleeps).toEqual([750, 1500]);
  });

  it('retries a request slower than timeoutMs, then reports timeout', async () => {
    const fake = new FakeHf({ days: { [DAY]: hfDay(DAY, 3) } });
    fake.inject({ kind: 'delay', ms: 30_000 }, { times: 10 });
    const time = fakeTime();

    const error = await sourceError(source(await serve(fake), time, { timeoutMs: 100, maxAttempts: 3 }).fetchDay(DAY));

    expect(error.kind).toBe('timeout');
    expect(fake.requests).toHaveLength(3);
    expect(time.sleeps).toHaveLength(2);
  });

  it('refuses a response larger than maxBytes', async () => {
    const fake = new FakeHf({ days: { [DAY]: hfDay(DAY, 3) } });
    fake.inject({ kind: 'huge', bytes: 2_000_000, declareLength: false });

    const error = await sourceError(source(await serve(fake), fakeTime(), { maxBytes: 100_000 }).fetchDay(DAY));

    expect(error.kind).toBe('too_large');
  });

  it('sends the User-Agent and the token as a bearer Authorization header', async () => {
    const fake = new FakeHf({ days: { [DAY]: hfDay(DAY, 1) } });
    const url = await serve(fake);

    await source(url, fakeTime(), { token: 'hf_abcdefghijklmnop' }).fetchDay(DAY);
    await source(url, fakeTime()).fetchDay(DAY);

    expect(fake.requests[0]?.headers).toMatchObject({
      'user-agent': 'paperbot/0.1.0',
      authorization: 'Bearer hf_abcdefghijklmnop',
      accept: 'application/json',
    });
    expect(fake.requests[1]?.headers.authorization).toBeUndefined();
  });

  it('reports an unchanged day as not modified, then picks up a change', async () => {
    const fake = new FakeHf({ days: { [DAY]: hfDay(DAY, 3) } }, { etag: true });
    const hf = source(await serve(fake), fakeTime());

    const first = await hf.fetchDay(DAY);
    const second = await hf.fetchDay(DAY);
    fake.days[DAY]!.push(hfItem({ id: '2501.20000' }));
    const third = await hf.fetchDay(DAY);

    expect(first).toMatchObject({ notModified: false });
    expect(first.papers).toHaveLength(3);
    expect(second).toEqual({ papers: [], warnings: [], notModified: true });
    expect(third.notModified).toBe(false);
    expect(third.papers.map((p) => p.hfId)).toContain('2501.20000');
    expect(fake.requests[1]?.headers['if-none-match']).toMatch(/^"[0-9a-f]{16}"$/);
  });

  it('after a 304 on a full page still asks for the next one', async () => {
    const fake = new FakeHf({ days: { [DAY]: hfDay(DAY, 150) } }, { etag: true });
    const hf = source(await serve(fake), fakeTime());
    await hf.fetchDay(DAY);
    fake.days[DAY]!.push(hfItem({ id: '2501.20000' }));

    const batch = await hf.fetchDay(DAY);

    // Page 0 is unchanged (304), page 1 gained a paper: only page 1's papers come back.
    expect(batch.notModified).toBe(false);
    expect(batch.papers).toHaveLength(51);
    expect(batch.papers.at(-1)?.hfId).toBe('2501.20000');
    expect(fake.requests.slice(2).map((r) => r.query.p)).toEqual(['0', '1']);
  });

  it('refuses a date that is not YYYY-MM-DD without asking the server', async () => {
    const fake = new FakeHf();
    const hf = source(await serve(fake), fakeTime());

    await expect(hf.fetchDay('2025-02-30')).rejects.toThrow(RangeError);
    await expect(hf.fetchDay('15/01/2025')).rejects.toThrow(RangeError);
    expect(fake.requests).toEqual([]);
  });
});

describe('Hugging Face source: lookup', () => {
  it('finds a paper by arXiv id in any accepted form', async () => {
    const fake = new FakeHf({ papers: [hfPaper({ id: '2103.03230', title: 'Barlow Twins', upvotes: 7, githubRepo: 'https://github.com/facebookresearch/barlowtwins' })] });
    const hf = source(await serve(fake), fakeTime());

    const paper = await hf.lookup('https://arxiv.org/abs/2103.03230v2');

    expect(paper).toMatchObject({
      source: 'hf',
      arxivId: '2103.03230',
      title: 'Barlow Twins',
      upvotes: 7,
      links: [{ url: 'https://github.com/facebookresearch/barlowtwins', kind: 'code' }],
    });
    expect(fake.requests.map((r) => r.path)).toEqual(['/api/papers/2103.03230']);
  });

  it('returns undefined for a paper Hugging Face does not know', async () => {
    const fake = new FakeHf();
    const hf = source(await serve(fake), fakeTime());

    expect(await hf.lookup('2401.99999')).toBeUndefined();
    expect(fake.requests).toHaveLength(1);
  });

  it('rejects text that is not an arXiv id without asking', async () => {
    const fake = new FakeHf();
    const hf = source(await serve(fake), fakeTime());

    await expect(hf.lookup('../../admin')).rejects.toThrow(RangeError);
    expect(fake.requests).toEqual([]);
  });

  it('rejects a found paper without a title as malformed', async () => {
    const fake = new FakeHf({ papers: [hfPaper({ id: '2103.03230', omit: ['title'] })] });

    const error = await sourceError(source(await serve(fake), fakeTime()).lookup('2103.03230'));

    expect(error.kind).toBe('malformed');
    expect(error.message).toContain('missing title');
  });
});
