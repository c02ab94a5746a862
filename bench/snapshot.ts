/**
 * Index snapshots: save and load times, file size, and a check that a library loaded from a
 * snapshot answers every benchmark query exactly as the one built from the papers.
 */
import { statSync } from 'node:fs';
import type { Corpus } from '../src/corpus/paper.js';
import type { PaperLibrary } from '../src/core/library.js';
import { createLibrary } from '../src/search/library.js';
import type { IndexData } from '../src/search/postings.js';
import { loadSnapshot, saveSnapshot, snapshotFile, snapshotKey } from '../src/search/snapshot.js';
import { CACHE_DIR, corpusDir, type SizeName } from './lib/corpora.js';
import { log, median, time } from './lib/stats.js';
import { QUERIES } from './queries.js';

export interface SnapshotRow {
  size: SizeName;
  saveMs: number;
  loadMs: number;
  /** Load plus library creation: what a start-up with a valid snapshot pays. */
  readyMs: number;
  keyMs: number;
  megabytes: number;
  identical: boolean;
}

export function benchSnapshot(size: SizeName, corpus: Corpus, index: IndexData, library: PaperLibrary): SnapshotRow {
  const dir = corpusDir(size);
  const file = snapshotFile(CACHE_DIR, dir);
  const keyed = time(() => snapshotKey(dir));
  const saveMs = time(() => saveSnapshot(file, keyed.value, { corpus, index })).ms;
  // Each load of a million papers holds gigabytes until it is dropped: one run there, and only
  // the times are kept (a kept load would be one more copy of the corpus beside the built one).
  const runs = size === 'real' ? 7 : size === '1m' ? 1 : 3;
  // Each run times the load and the library apart: a separate load run took 5 s at a million papers.
  const loadMs: number[] = [];
  let loaded: PaperLibrary | undefined;
  const readyMs = Array.from({ length: runs }, () => {
    const read = time(() => loadSnapshot(file, keyed.value)!);
    const made = time(() => createLibrary(read.value.corpus.papers, { index: read.value.index }));
    loadMs.push(read.ms);
    loaded ??= made.value;
    return read.ms + made.ms;
  });
  const ids = (lib: PaperLibrary, q: string) => JSON.stringify(lib.search(q, { limit: 10 }).hits.map((h) => [h.paper.id, h.score]));
  const identical = QUERIES.every(({ q }) => ids(library, q) === ids(loaded!, q));
  const row = {
    size,
    saveMs,
    loadMs: median(loadMs),
    readyMs: median(readyMs) + keyed.ms,
    keyMs: keyed.ms,
    megabytes: statSync(file).size / 2 ** 20,
    identical,
  };
  log(`snapshot ${size}: save ${saveMs.toFixed(0)} ms, load ${row.loadMs.toFixed(0)} ms, ${row.megabytes.toFixed(1)} MB, identical ${identical}`);
  return row;
}
