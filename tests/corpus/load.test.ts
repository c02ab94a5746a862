import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.js';
import { BLOCKS_NOV14, COMPACT } from './fixtures.js';

const DATA = fileURLToPath(new URL('../../data', import.meta.url));
const dirs: string[] = [];
function tempDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'paperbot-corpus-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('loadCorpus', () => {
  it('reads *.txt only, uses sources.json for capture dates and reports per-file stats', () => {
    const sources = [{ file: 'nov14.txt', capturedOn: '2025-11-14', layout: 'blocks', note: '' }];
    const dir = tempDir({ 'nov14.txt': BLOCKS_NOV14, 'compact.txt': COMPACT, 'README.md': '# not corpus', 'sources.json': JSON.stringify(sources) });
    const corpus = loadCorpus(dir);
    expect(corpus.stats.files).toEqual([
      { file: 'compact.txt', layout: 'compact', entries: 2 },
      { file: 'nov14.txt', layout: 'blocks', entries: 6, capturedOn: '2025-11-14' },
    ]);
    expect(corpus.stats.warnings).toEqual([]);
    expect(corpus.papers.find((p) => p.title.startsWith('Causal Disentanglement'))?.published).toBe('2025-04-19');
  });

  it('never lets a broken file or sources.json stop the others', () => {
    const dir = tempDir({ 'a-broken.txt': '\nLorem ipsum\n', 'b.txt': COMPACT, 'sources.json': '{ nope' });
    const corpus = loadCorpus(dir);
    expect(corpus.stats.papers).toBe(2);
    expect(corpus.stats.warnings.map((w) => [w.file, w.line])).toEqual([
      ['sources.json', undefined],
      ['a-broken.txt', 2],
    ]);
  });

  it('flags sources.json entries that do not fit', () => {
    const sources = [{ file: 'missing.txt', capturedOn: null }, { file: 'b.txt', capturedOn: 'Nov 14' }];
    const corpus = loadCorpus(tempDir({ 'b.txt': COMPACT, 'sources.json': JSON.stringify(sources) }));
    expect(corpus.stats.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/missing\.txt/), expect.stringMatching(/expected YYYY-MM-DD/)]);
  });

  it('gives the same IDs when the files are renamed so that they load in another order', () => {
    const original = loadCorpus(DATA);
    const dir = tempDir({});
    const renamed = ['e', 'd', 'c', 'b', 'a'];
    original.stats.files.forEach((f, i) => copyFileSync(join(DATA, f.file), join(dir, `${renamed[i]}-${f.file}`)));
    const reordered = loadCorpus(dir);
    expect(reordered.papers.map((p) => [p.id, p.title, p.abstract])).toEqual(original.papers.map((p) => [p.id, p.title, p.abstract]));
  });
});
