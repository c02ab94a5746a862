import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/load-library.js';
import type { Paper } from '../../src/corpus/paper.js';
import { buildIndex } from '../../src/search/postings.js';
import { loadSnapshot, saveSnapshot, snapshotFile, snapshotKey } from '../../src/search/snapshot.js';

const tmp = mkdtempSync(join(tmpdir(), 'paperbot-snapshot-'));
const data = join(tmp, 'data');
/** A new, empty cache folder: each test gets its own, so none sees a snapshot another one saved. */
const freshCacheDir = () => mkdtempSync(join(tmp, 'cache-'));
cpSync('data', data, { recursive: true });
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const QUERIES = ['diffusion', 'difusion', 'equivar', '"score distillation" -video', 'learning since:2024-06 sort:new', 'loss that pushes the cross-correlation matrix of two views toward the identity'];
const answers = (library: ReturnType<typeof loadLibrary>['library']) =>
  QUERIES.map((q) => library.search(q, { limit: 10 })).map((r) => ({ total: r.total, hits: r.hits.map((h) => [h.paper.id, h.score]), suggestions: r.suggestions }));

describe('index snapshots', () => {
  it('builds and saves on the first load, then loads the snapshot with identical results', () => {
    const cacheDir = freshCacheDir();
    const built = loadLibrary(data, undefined, { cacheDir });
    expect(built.index).toMatchObject({ source: 'built', saved: true });
    const loaded = loadLibrary(data, undefined, { cacheDir });
    expect(loaded.index?.source).toBe('snapshot');
    expect(loaded.corpus).toEqual(built.corpus);
    // Same records down to key order: code that compares papers as JSON sees no change.
    expect(JSON.stringify(loaded.corpus.papers)).toBe(JSON.stringify(built.corpus.papers));
    expect(answers(loaded.library)).toEqual(answers(built.library));
    expect(loaded.library.similar(built.library.papers[0]!.id, 5).map((h) => h.paper.id)).toEqual(
      built.library.similar(built.library.papers[0]!.id, 5).map((h) => h.paper.id),
    );
  });

  it('is invalidated when the corpus changes', () => {
    const cacheDir = freshCacheDir();
    loadLibrary(data, undefined, { cacheDir });
    const before = snapshotKey(data);
    const file = readdirSync(data).find((n) => n.endsWith('.txt'))!;
    appendFileSync(join(data, file), '\n');
    expect(snapshotKey(data)).not.toBe(before);
    expect(loadSnapshot(snapshotFile(cacheDir, data), snapshotKey(data))).toBeUndefined();
    expect(loadLibrary(data, undefined, { cacheDir }).index?.source).toBe('built');
    expect(loadLibrary(data, undefined, { cacheDir }).index?.source).toBe('snapshot');
  });

  it('is invalidated by a rewrite of the same size (its modification time changed)', () => {
    const dir = mkdtempSync(join(tmp, 'same-size-'));
    cpSync(data, dir, { recursive: true });
    const cacheDir = freshCacheDir();
    loadLibrary(dir, undefined, { cacheDir });
    const before = snapshotKey(dir);
    const file = join(dir, readdirSync(dir).find((n) => n.endsWith('.txt'))!);
    const text = readFileSync(file, 'utf8');
    const { mtime } = statSync(file);
    writeFileSync(file, text.replace('diffusion', 'Diffusion'));
    utimesSync(file, mtime, new Date(mtime.getTime() + 5000));
    expect(statSync(file).size).toBe(Buffer.byteLength(text));
    expect(snapshotKey(dir)).not.toBe(before);
    expect(loadLibrary(dir, undefined, { cacheDir }).index?.source).toBe('built');
  });

  it('rebuilds a snapshot of an older format, a truncated one and a garbled one', () => {
    const cacheDir = freshCacheDir();
    const file = snapshotFile(cacheDir, data);
    const good = loadLibrary(data, undefined, { cacheDir });
    const key = snapshotKey(data);
    const bytes = readFileSync(file);
    writeFileSync(file, Buffer.concat([Buffer.from(`PBIX2 ${key}\n`), bytes.subarray(`PBIX3 ${key}\n`.length)]));
    expect(loadSnapshot(file, key)).toBeUndefined();
    expect(loadLibrary(data, undefined, { cacheDir }).index).toMatchObject({ source: 'built', saved: true });
    truncateSync(file, Math.floor(bytes.length / 2));
    expect(() => loadSnapshot(file, key)).toThrow(/truncated|end of file/);
    expect(loadLibrary(data, undefined, { cacheDir }).index).toMatchObject({ source: 'built', saved: true });
    writeFileSync(file, Buffer.concat([bytes.subarray(0, `PBIX3 ${key}\n`.length + 4), Buffer.from('{not json')]));
    const rebuilt = loadLibrary(data, undefined, { cacheDir });
    expect(rebuilt.index?.source).toBe('built');
    expect(answers(rebuilt.library)).toEqual(answers(good.library));
    expect(loadLibrary(data, undefined, { cacheDir }).index?.source).toBe('snapshot');
  });

  it('round-trips every paper field, in each record\'s own key order, and non-ASCII text', () => {
    const papers: Paper[] = [
      { id: 'a1', title: 'Équivariant señales — 测试 🚀', titleDerived: false, abstract: 'Ünïcode abstract with diffusion 測試 and an emoji 🤖.', links: [{ url: 'https://github.com/x/y', kind: 'code' }, { url: 'https://x.github.io/p', kind: 'project' }], sources: ['hf', 'arxiv'], authors: 3, authorNames: ['Ada Lovelace', 'Émile Borel', 'Ada Lovelace'], arxivId: '2401.00001', summary: 'A summary.', keywords: ['diffusion', 'equivariance'], categories: ['cs.LG', 'cs.CV'], firstSeen: '2024-01-02T03:04:05.000Z', published: '2024-01-01', upvotes: 0 },
      { id: 'b2', title: 'Derived title', titleDerived: true, abstract: '', links: [], sources: [] },
      { upvotes: 12, id: 'c3', abstract: 'Keys in another order.', title: 'diffusion', titleDerived: false, links: [], sources: ['x.txt'], published: '2024-01-01', summary: undefined } as Paper,
    ];
    const corpus = { papers, stats: { entries: 3, papers: 3, duplicatesMerged: 0, derivedTitles: 1, files: [{ file: 'x.txt', layout: 'blocks', entries: 3 }], warnings: [{ file: 'x.txt', line: 2, message: 'a warning' }] } };
    const index = buildIndex(papers);
    const file = join(freshCacheDir(), 'all-fields.pbix');
    saveSnapshot(file, 'k', { corpus, index });
    const loaded = loadSnapshot(file, 'k')!;
    expect(JSON.stringify(loaded.corpus)).toBe(JSON.stringify(corpus));
    expect(loaded.index).toEqual(index);
    expect(loadSnapshot(file, 'other key')).toBeUndefined();
  });

  it('leaves long abstracts in the file, read when asked for, even once the file is replaced or deleted; shares alike short lists', () => {
    const long = 'A long abstract, with diffusion and Ünïcode 測試 🤖, long enough not to be interned with short strings.';
    const papers: Paper[] = [
      { id: 'l1', title: 'Long', titleDerived: false, abstract: long, links: [], sources: ['x.txt'] },
      { id: 's2', title: 'Short', titleDerived: false, abstract: 'Short one.', links: [], sources: ['x.txt'] },
      { id: 'l3', title: 'Plain', titleDerived: false, abstract: 'Plain ASCII text that is long enough to stay in the file until read.', links: [], sources: ['x.txt'] },
    ];
    const corpus = { papers, stats: { entries: 3, papers: 3, duplicatesMerged: 0, derivedTitles: 0, files: [], warnings: [] } };
    const file = join(freshCacheDir(), 'lazy.pbix');
    saveSnapshot(file, 'k', { corpus, index: buildIndex(papers) });
    const loaded = loadSnapshot(file, 'k')!.corpus.papers;
    // Alike short lists are one frozen array: nothing may change one paper's list through another's.
    expect(loaded[0]!.sources).toBe(loaded[2]!.sources);
    expect(loaded[0]!.links).toBe(loaded[1]!.links);
    expect(Object.isFrozen(loaded[0]!.sources)).toBe(true);
    const onDisk = loaded.map((p) => typeof Object.getOwnPropertyDescriptor(p, 'abstract')?.get === 'function');
    expect(onDisk).toEqual([true, false, true]);
    // One getter for every record, not a closure each (a hidden class each: seconds at a million papers).
    expect(Object.getOwnPropertyDescriptor(loaded[0]!, 'abstract')!.get).toBe(Object.getOwnPropertyDescriptor(loaded[2]!, 'abstract')!.get);
    // The record's keys, in its order, are those of the paper saved, and nothing else shows.
    expect(loaded.map((p) => Object.keys(p))).toEqual(papers.map((p) => Object.keys(p)));
    expect(loaded).toEqual(papers);
    // Replaced by another snapshot, then deleted: the open file still holds this load's text.
    saveSnapshot(file, 'k', { corpus: { ...corpus, papers: papers.map((p) => ({ ...p, abstract: 'Something else entirely, and long enough to be left in the file.' })) }, index: buildIndex(papers) });
    rmSync(file);
    expect(loaded.map((p) => p.abstract)).toEqual(papers.map((p) => p.abstract));
    // A copy holds the text itself, in the record's key order.
    const copy = { ...loaded[0]! };
    expect(Object.getOwnPropertyDescriptor(copy, 'abstract')?.value).toBe(long);
    expect(JSON.stringify(copy)).toBe(JSON.stringify(papers[0]));
  });

  it('keeps working when the cache cannot be written', () => {
    const result = loadLibrary(data, undefined, { cacheDir: join(data, file0(), 'not-a-dir') });
    expect(result.index).toMatchObject({ source: 'built', saved: false });
    expect(result.library.search('diffusion', { limit: 1 }).total).toBeGreaterThan(0);
  });
});

function file0(): string {
  return readdirSync(data).find((n) => n.endsWith('.txt'))!;
}
