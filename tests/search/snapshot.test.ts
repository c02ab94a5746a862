import { appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/load-library.js';
import { loadSnapshot, snapshotFile, snapshotKey } from '../../src/search/snapshot.js';

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

  it('keeps working when the cache cannot be written', () => {
    const result = loadLibrary(data, undefined, { cacheDir: join(data, file0(), 'not-a-dir') });
    expect(result.index).toMatchObject({ source: 'built', saved: false });
    expect(result.library.search('diffusion', { limit: 1 }).total).toBeGreaterThan(0);
  });
});

function file0(): string {
  return readdirSync(data).find((n) => n.endsWith('.txt'))!;
}
