import { describe, expect, it } from 'vitest';
import { createArxivSource, type ArxivSourceOptions } from '../../src/sources/arxiv.js';
import { arxivErrorFeed, arxivListing, type ArxivEntryInput } from '../fakes/arxiv/fixtures.js';
import { FakeArxiv } from '../fakes/arxiv/server.js';
import { fakeTime, sourceError, useFakes, type FakeTime } from './helpers.js';

const serve = useFakes();

async function setup(entries: ArxivEntryInput[], options: Partial<ArxivSourceOptions> = {}) {
  const fake = new FakeArxiv(entries);
  const time = fakeTime();
  const arxiv = createArxivSource({
    baseUrl: `${await serve(fake)}/api/query`,
    categories: ['cs.LG'],
    userAgent: 'paperbot/0.1.0 (mailto:ops@example.org)',
    sleep: time.sleep,
    now: time.now,
    random: () => 0.5,
    ...options,
  });
  return { fake, time, arxiv };
}

/** Entries per request: [start, max_results]. */
function pages(fake: FakeArxiv): [string | undefined, string | undefined][] {
  return fake.requests.map((r) => [r.query.start, r.query.max_results]);
}

describe('arXiv source: fetchRecent', () => {
  // Five days of 50 submissions, newest day 2025-01-14: 250 entries.
  const listing = arxivListing('cs.LG', '2025-01-14', 5, 50);

  it('says so when the cap stops it before since: the rest of the gap was not read', async () => {
    const { arxiv } = await setup(listing, { maxResults: 60, pageSize: 30 });
    const batch = await arxiv.fetchRecent({ since: '2025-01-10' });
    expect(batch.papers).toHaveLength(60);
    expect(batch.warnings).toEqual([
      { source: 'arxiv', item: 'cs.LG', message: 'stopped after 60 entries before reaching 2025-01-10; older submissions were not fetched (run paperbot ingest arxiv --category cs.LG --since 2025-01-10)' },
    ]);
  });

  it('pages newest first and stops at the first paper older than since', async () => {
    const { fake, time, arxiv } = await setup(listing);

    const batch = await arxiv.fetchRecent({ since: '2025-01-12' });

    expect(batch.warnings).toEqual([]);
    expect(batch.papers).toHaveLength(150);
    expect(batch.papers[0]).toMatchObject({ source: 'arxiv', arxivId: '2501.00250', published: '2025-01-14', categories: ['cs.LG'] });
    expect(batch.papers.at(-1)?.published).toBe('2025-01-12');
    expect(pages(fake)).toEqual([
      ['0', '100'],
      ['100', '100'],
    ]);
    expect(fake.requests[0]?.query).toMatchObject({ search_query: 'cat:cs.LG', sortBy: 'submittedDate', sortOrder: 'descending' });
    expect(fake.requests[0]?.headers['user-agent']).toBe('paperbot/0.1.0 (mailto:ops@example.org)');
    // The second request waited out arXiv's 3 seconds.
    expect(time.sleeps).toEqual([3000]);
  });

  it('stops at maxResults, asking only for what is left', async () => {
    const { fake, arxiv } = await setup(listing, { maxResults: 120 });

    const batch = await arxiv.fetchRecent();

    expect(batch.papers).toHaveLength(120);
    expect(pages(fake)).toEqual([
      ['0', '100'],
      ['100', '20'],
    ]);
  });

  it('stops at the end of the listing', async () => {
    const { fake, arxiv } = await setup(listing.slice(0, 130));

    const batch = await arxiv.fetchRecent();

    expect(batch.papers).toHaveLength(130);
    expect(pages(fake)).toEqual([
      ['0', '100'],
      ['100', '100'],
    ]);
  });

  it('reads an empty listing (a weekend) as zero papers, not an error', async () => {
    const { fake, arxiv } = await setup([]);

    expect(await arxiv.fetchRecent({ category: 'cs.LG', since: '2025-01-11' })).toEqual({ papers: [], warnings: [] });
    expect(fake.requests).toHaveLength(1);
  });

  it('reads every configured category once each, keeping cross-listed papers once', async () => {
    const entries: ArxivEntryInput[] = [
      { id: '2501.00001', published: '2025-01-14T10:00:00Z', primaryCategory: 'cs.LG', crossLists: ['cs.CL'] },
      { id: '2501.00002', published: '2025-01-14T09:00:00Z', primaryCategory: 'cs.CL' },
      { id: '2501.00003', published: '2025-01-14T08:00:00Z', primaryCategory: 'cs.LG' },
      { id: '2501.00004', published: '2025-01-14T07:00:00Z', primaryCategory: 'cs.CV' },
    ];
    const { fake, arxiv } = await setup(entries, { categories: ['cs.LG', 'cs.CL'] });

    const batch = await arxiv.fetchRecent();

    expect(batch.papers.map((p) => p.arxivId)).toEqual(['2501.00001', '2501.00003', '2501.00002']);
    expect(batch.papers[0]?.categories).toEqual(['cs.LG', 'cs.CL']);
    expect(fake.requests.map((r) => r.query.search_query)).toEqual(['cat:cs.LG', 'cat:cs.CL']);
  });

  it('passes entry warnings on and keeps paging past them', async () => {
    const entries = arxivListing('cs.LG', '2025-01-14', 1, 3);
    entries[1] = { ...entries[1]!, omit: ['summary'] };
    const { arxiv } = await setup(entries);

    const batch = await arxiv.fetchRecent();

    expect(batch.papers).toHaveLength(2);
    expect(batch.warnings).toEqual([{ source: 'arxiv', item: entries[1]!.id, message: 'missing abstract' }]);
  });

  it('sends requests one at a time, each at least minIntervalMs after the previous start', async () => {
    const { fake, time, arxiv } = await setup(listing, { categories: ['cs.LG', 'cs.AI'], pageSize: 50 });
    // Slow answers: requests that were not serialised would overlap at the fake.
    fake.inject({ kind: 'delay', ms: 40 }, { times: 20 });

    const [recent, found] = await Promise.all([arxiv.fetchRecent({ since: '2025-01-13' }), arxiv.lookup('2501.00250')]);

    expect(recent.papers).toHaveLength(100);
    expect(found?.arxivId).toBe('2501.00250');
    // 3 pages of cs.LG (the third starts before since), 1 empty page of cs.AI, 1 lookup: 5 requests, 4 waits.
    expect(fake.requests).toHaveLength(5);
    expect(time.sleeps).toEqual([3000, 3000, 3000, 3000]);
    expect(fake.maxInFlight).toBe(1);
  });

  it('honours a smaller minIntervalMs', async () => {
    const { time, arxiv } = await setup(listing, { minIntervalMs: 250 });

    await arxiv.fetchRecent({ since: '2025-01-12' });

    expect(time.sleeps).toEqual([250]);
  });

  it('reports an HTTP 400 error feed as http_error with its summary', async () => {
    const { fake, arxiv } = await setup(listing);
    fake.inject({ kind: 'status', status: 400, headers: { 'content-type': 'application/atom+xml' }, body: arxivErrorFeed('max_results must be non-negative') });

    const error = await sourceError(arxiv.fetchRecent());

    expect(error).toMatchObject({ kind: 'http_error', status: 400 });
    expect(error.message).toMatch(/\/api\/query: HTTP 400, arXiv API error: max_results must be non-negative$/);
    expect(fake.requests).toHaveLength(1);
  });

  it('reports an error feed sent with 200 as malformed', async () => {
    const { fake, arxiv } = await setup(listing);
    fake.inject({ kind: 'body', body: arxivErrorFeed('incorrect id format'), contentType: 'application/atom+xml' });

    const error = await sourceError(arxiv.fetchRecent());

    expect(error.kind).toBe('malformed');
    expect(error.message).toContain('incorrect id format');
  });

  it('reports invalid XML as malformed', async () => {
    const { fake, arxiv } = await setup(listing);
    fake.inject({ kind: 'body', body: '<feed><entry><title>cut off', contentType: 'application/atom+xml' });

    expect((await sourceError(arxiv.fetchRecent())).kind).toBe('malformed');
  });

  it('retries a 503 with Retry-After through the same paced client', async () => {
    const { fake, time, arxiv } = await setup(listing.slice(0, 10));
    fake.inject({ kind: 'status', status: 503, headers: { 'retry-after': '5' } });

    const batch = await arxiv.fetchRecent();

    expect(batch.papers).toHaveLength(10);
    // The 5 s wait already covers the 3 s interval, so the retry goes out without a further wait.
    expect(time.sleeps).toEqual([5000]);
  });

  it('refuses bad categories and dates before asking anything', async () => {
    const { fake, arxiv } = await setup(listing);

    await expect(arxiv.fetchRecent({ category: 'cs.LG OR all:x' })).rejects.toThrow(RangeError);
    await expect(arxiv.fetchRecent({ since: 'last week' })).rejects.toThrow(RangeError);
    expect(() => createArxivSource({ categories: ['cs.LG&max_results=9'], userAgent: 'x' })).toThrow(RangeError);
    expect(fake.requests).toEqual([]);
  });
});

describe('arXiv source: lookup', () => {
  it('finds a paper through id_list, and returns undefined for an unknown id', async () => {
    const { fake, arxiv } = await setup([{ id: '2103.03230', version: 3, title: 'Barlow Twins', published: '2021-03-04T18:40:46Z', primaryCategory: 'cs.CV' }]);

    const paper = await arxiv.lookup('https://arxiv.org/pdf/2103.03230v1.pdf');
    const missing = await arxiv.lookup('2401.99999');

    expect(paper).toMatchObject({ arxivId: '2103.03230', title: 'Barlow Twins', published: '2021-03-04', categories: ['cs.CV'] });
    expect(missing).toBeUndefined();
    expect(fake.requests.map((r) => r.query.id_list)).toEqual(['2103.03230', '2401.99999']);
  });
});
