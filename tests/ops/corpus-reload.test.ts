import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PaperLibrary } from '../../src/core/library.js';
import { loadCorpus } from '../../src/corpus/index.js';
import type { Corpus } from '../../src/corpus/paper.js';
import { CorpusLoadError, LibraryHolder, rejectionReason, type LoadedCorpus, type ReloadOutcome } from '../../src/ops/corpus-reload.js';
import { isCorpusFile, reloadOnSignal, watchCorpus } from '../../src/ops/corpus-watch.js';
import { createLibrary } from '../../src/search/library.js';

const DATA = join(import.meta.dirname, '..', '..', 'data');

/** A stand-in corpus with `n` papers; `tag` tells versions apart. */
function fake(n: number, tag: string, extra: Partial<Corpus['stats']> = {}): LoadedCorpus {
  const papers = Array.from({ length: n }, (_, i) => ({ id: `${tag}${i}`, title: `${tag} ${i}`, titleDerived: false, abstract: '', links: [], sources: [] }));
  const corpus: Corpus = { papers, stats: { entries: n, papers: n, duplicatesMerged: 0, derivedTitles: 0, files: [], warnings: [], ...extra } };
  return { corpus, library: { papers, tag } as unknown as PaperLibrary };
}
const tagOf = (library: PaperLibrary) => (library as unknown as { tag: string }).tag;

describe('LibraryHolder with an injected loader', () => {
  it('swaps the library after a successful reload', async () => {
    const versions = [fake(3, 'v1'), fake(5, 'v2')];
    const holder = await LibraryHolder.create(() => versions.shift()!);
    const getter = holder.current;
    expect(tagOf(getter())).toBe('v1');
    const outcome = await holder.reload();
    expect(outcome).toMatchObject({ ok: true, papers: 5, previousPapers: 3 });
    expect(tagOf(getter())).toBe('v2');
  });

  it('keeps the old library when loading throws or finds no papers', async () => {
    const outcomes: ReloadOutcome[] = [];
    let next: () => LoadedCorpus = () => fake(3, 'v1');
    const holder = await LibraryHolder.create(() => next(), { onReload: (o) => outcomes.push(o) });

    next = () => {
      throw new Error('EACCES: permission denied, scandir');
    };
    expect(await holder.reload()).toMatchObject({ ok: false, error: 'EACCES: permission denied, scandir', papers: 3 });
    next = () => fake(0, 'empty');
    expect(await holder.reload()).toMatchObject({ ok: false, error: 'the corpus has no papers' });
    expect(tagOf(holder.current())).toBe('v1');
    expect(outcomes.map((o) => o.ok)).toEqual([false, false]);
  });

  it('warms the first library when asked, and each library swapped in after it, once the swap is done', async () => {
    const warmed: string[] = [];
    const warmable = (n: number, tag: string): LoadedCorpus => {
      const loaded = fake(n, tag);
      (loaded.library as { warm?: () => Promise<void> }).warm = async () => void warmed.push(tag);
      return loaded;
    };
    const versions = [warmable(3, 'v1'), warmable(4, 'v2')];
    const holder = await LibraryHolder.create(() => versions.shift()!);
    await new Promise((resolve) => setImmediate(resolve));
    expect(warmed).toEqual([]); // not while the app starts: it asks once it has
    holder.warm();
    expect(warmed).toEqual([]); // not inside the caller: after it
    await new Promise((resolve) => setImmediate(resolve));
    expect(warmed).toEqual(['v1']);
    await holder.reload();
    await new Promise((resolve) => setImmediate(resolve));
    expect(warmed).toEqual(['v1', 'v2']);
    holder.update(() => warmable(5, 'v3'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(warmed).toEqual(['v1', 'v2', 'v3']);
    // A library replaced before its warm-up began is not warmed at all.
    holder.update(() => warmable(6, 'v4'));
    holder.update(() => warmable(7, 'v5'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(warmed).toEqual(['v1', 'v2', 'v3', 'v5']);
  });

  it('stops warming a library once another replaces it, and stops for good when the bot shuts down', async () => {
    const steps: string[] = [];
    const tick = () => new Promise((resolve) => setImmediate(resolve));
    // A warm-up of five steps, each after a yield, that stops when its signal is aborted.
    const warmable = (tag: string): LoadedCorpus => {
      const loaded = fake(2, tag);
      (loaded.library as { warm?: (signal?: AbortSignal) => Promise<void> }).warm = async (signal) => {
        for (let i = 0; i < 5; i++) {
          await tick();
          if (signal?.aborted) return;
          steps.push(`${tag}${i}`);
        }
      };
      return loaded;
    };
    const holder = await LibraryHolder.create(() => warmable('a'));
    holder.warm();
    for (let i = 0; i < 3; i++) await tick();
    holder.update(() => warmable('b'));
    for (let i = 0; i < 3; i++) await tick();
    holder.stopWarming();
    for (let i = 0; i < 10; i++) await tick();
    expect(steps).toEqual(['a0', 'a1', 'b0', 'b1']);
    // Nothing swapped in afterwards is warmed either.
    holder.update(() => warmable('c'));
    for (let i = 0; i < 10; i++) await tick();
    expect(steps).toEqual(['a0', 'a1', 'b0', 'b1']);
  });

  it('refuses to start without papers', async () => {
    await expect(LibraryHolder.create(() => fake(0, 'x'))).rejects.toBeInstanceOf(CorpusLoadError);
  });

  it('does not block the caller: the library changes only after the reload settles', async () => {
    const holder = await LibraryHolder.create(((n) => () => fake(2, `v${n++}`))(1));
    const pending = holder.reload();
    expect(tagOf(holder.current())).toBe('v1');
    await pending;
    expect(tagOf(holder.current())).toBe('v2');
  });

  it('coalesces overlapping reloads into one more run after the current one', async () => {
    let loads = 0;
    const holder = await LibraryHolder.create(async () => {
      loads++;
      await new Promise((r) => setTimeout(r, 10));
      return fake(1, `v${loads}`);
    });
    const results = await Promise.all([holder.reload(), holder.reload(), holder.reload()]);
    expect(loads).toBe(3); // the first load, one reload, one coalesced follow-up
    expect(results[1]).toBe(results[2]);
    expect(tagOf(holder.current())).toBe('v3');
  });

  it('rejects a reload when a corpus file yields nothing but warnings', () => {
    const broken = fake(3, 'v', {
      files: [
        { file: 'good.txt', layout: 'blocks', entries: 3 },
        { file: 'bad.txt', layout: 'unknown', entries: 0 },
      ],
      warnings: [
        { file: 'good.txt', line: 12, message: 'metadata line without a paper before it' },
        { file: 'bad.txt', line: 1, message: 'unknown layout' },
      ],
    });
    expect(rejectionReason(broken.corpus, true)).toBe('bad.txt:1: unknown layout');
    expect(rejectionReason(broken.corpus, false)).toBeUndefined();
    const unreadable = fake(3, 'v', { warnings: [{ file: 'gone.txt', message: 'cannot read: EISDIR' }] });
    expect(rejectionReason(unreadable.corpus, true)).toBe('gone.txt: cannot read: EISDIR');
    const sourcesOnly = fake(3, 'v', { warnings: [{ file: 'sources.json', message: 'not valid JSON' }] });
    expect(rejectionReason(sourcesOnly.corpus, true)).toBeUndefined();
  });
});

describe('LibraryHolder on real corpus files', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  function corpusDir(...files: string[]): string {
    const dir = mkdtempSync(join(tmpdir(), 'paperbot-corpus-'));
    dirs.push(dir);
    for (const file of files) copyFileSync(join(DATA, file), join(dir, file));
    return dir;
  }
  const loader = (dir: string) => () => {
    const corpus = loadCorpus(dir);
    return { corpus, library: createLibrary(corpus.papers) };
  };
  const total = (library: PaperLibrary, query: string) => library.search(query, { limit: 5 }).total;

  it('serves new papers after a reload and keeps them when a broken file appears', async () => {
    const dir = corpusDir('abstracts-only.txt');
    const holder = await LibraryHolder.create(loader(dir));
    expect(total(holder.current(), 'symmetry')).toBeGreaterThan(0);
    expect(total(holder.current(), 'posterior collapse')).toBe(0);

    copyFileSync(join(DATA, 'daily-papers-2025-04-23.txt'), join(dir, 'daily-papers-2025-04-23.txt'));
    const grown = await holder.reload();
    expect(grown.ok).toBe(true);
    expect(total(holder.current(), 'posterior collapse')).toBeGreaterThan(0);
    const served = holder.current();

    writeFileSync(join(dir, 'zz-broken.txt'), 'this is not a Daily Papers export\nnor a list of abstracts\n');
    const outcome = await holder.reload();
    expect(outcome).toMatchObject({ ok: false, error: expect.stringContaining('zz-broken.txt') });
    expect(holder.current()).toBe(served);
    expect(total(holder.current(), 'posterior collapse')).toBeGreaterThan(0);

    rmSync(join(dir, 'zz-broken.txt'));
    rmSync(join(dir, 'daily-papers-2025-04-23.txt'));
    expect((await holder.reload()).ok).toBe(true);
    expect(total(holder.current(), 'posterior collapse')).toBe(0);
  });

  it('reloads when a corpus file lands in a watched folder', async () => {
    const dir = corpusDir('abstracts-only.txt');
    const outcomes: ReloadOutcome[] = [];
    const holder = await LibraryHolder.create(loader(dir), { onReload: (o) => outcomes.push(o) });
    const watcher = watchCorpus(dir, holder, { debounceMs: 50 });
    try {
      writeFileSync(join(dir, 'notes.md'), 'ignored');
      copyFileSync(join(DATA, 'daily-papers-2025-04-23.txt'), join(dir, 'daily-papers-2025-04-23.txt'));
      await vi.waitFor(() => expect(outcomes.some((o) => o.ok && o.papers > o.previousPapers)).toBe(true), { timeout: 5000 });
      expect(total(holder.current(), 'posterior collapse')).toBeGreaterThan(0);
    } finally {
      watcher.close();
    }
  });
});

describe('reload triggers', () => {
  it('reloads on SIGHUP until removed', () => {
    const target = { reload: vi.fn(async () => undefined) };
    const proc = new EventEmitter();
    const remove = reloadOnSignal(target, { process: proc as unknown as NodeJS.Process });
    proc.emit('SIGHUP');
    remove();
    proc.emit('SIGHUP');
    expect(target.reload).toHaveBeenCalledTimes(1);
  });

  it('watches corpus files only', () => {
    expect(['a.txt', 'sources.json'].every(isCorpusFile)).toBe(true);
    expect(['a.txt.swp', '.a.txt~', 'notes.md', '4913'].some(isCorpusFile)).toBe(false);
  });
});
