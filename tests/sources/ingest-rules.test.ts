/** How papers from sources meet what is stored: never merging two different papers, never faking an arrival. */
import { afterAll, describe, expect, it } from 'vitest';
import { ingestBatch } from '../../src/sources/ingest.js';
import type { SourcePaper } from '../../src/sources/types.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { tempDir } from '../scheduler/helpers.js';

const dir = tempDir();
afterAll(() => dir.cleanup());
let n = 0;
const fresh = () => openSqliteStore(dir.path(`rules-${++n}.db`));
const now = new Date('2026-11-30T10:00:00Z');
const paper = (arxivId: string, fields: Partial<SourcePaper> = {}): SourcePaper => ({
  source: 'hf',
  arxivId,
  title: `Paper ${arxivId}`,
  abstract: `Abstract of ${arxivId}, long enough to be one.`,
  links: [],
  ...fields,
});

describe('ingesting', () => {
  it('keeps two papers with the same title but different arXiv ids apart', async () => {
    const store = fresh();
    await ingestBatch({ papers: [paper('2501.00001', { title: 'Scaling Laws' })], warnings: [] }, store.papers, new Map(), now);
    const second = await ingestBatch(
      { papers: [paper('2501.00002', { title: 'Scaling laws.', abstract: 'A different, longer abstract about scaling laws for something else entirely.', links: [{ url: 'https://github.com/b/b', kind: 'code' }] })], warnings: [] },
      store.papers,
      new Map(),
      now,
    );
    expect(second).toMatchObject({ added: 1, merged: 0 });
    expect((await store.papers.byArxivId('2501.00001'))?.links).toEqual([]);
    expect((await store.papers.byArxivId('2501.00002'))?.links).toEqual([{ url: 'https://github.com/b/b', kind: 'code' }]);
    await store.close();
  });

  it('gives two papers with the same abstract different ids, in one batch and across batches', async () => {
    const store = fresh();
    const withdrawn = 'This paper has been withdrawn by the author.';
    const first = await ingestBatch({ papers: [paper('2501.00003', { abstract: withdrawn }), paper('2501.00004', { abstract: withdrawn })], warnings: [] }, store.papers, new Map(), now);
    expect(first.added).toBe(2);
    await ingestBatch({ papers: [paper('2501.00005', { abstract: withdrawn })], warnings: [] }, store.papers, new Map(), now);
    expect(await store.papers.count()).toBe(3);
    const ids = await Promise.all(['2501.00003', '2501.00004', '2501.00005'].map(async (id) => (await store.papers.byArxivId(id))?.id));
    expect(new Set(ids).size).toBe(3);
    await store.close();
  });

  it('a paper looked up on demand has not arrived: no first-seen time until a source lists it', async () => {
    const store = fresh();
    await ingestBatch({ papers: [paper('1706.03762')], warnings: [] }, store.papers, new Map(), now, { arrival: false });
    expect((await store.papers.byArxivId('1706.03762'))?.firstSeen).toBeUndefined();
    const listed = await ingestBatch({ papers: [paper('1706.03762', { upvotes: 3 })], warnings: [] }, store.papers, new Map(), new Date('2026-12-01T10:00:00Z'));
    expect(listed).toMatchObject({ added: 0, merged: 1 });
    expect((await store.papers.byArxivId('1706.03762'))?.firstSeen).toBe('2026-12-01T10:00:00.000Z');
    await store.close();
  });
});
