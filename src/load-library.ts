/**
 * Reads a corpus folder and builds the searchable library the commands use.
 * The parsed corpus and its index are cached as a snapshot (see search/snapshot.ts) in the cache
 * folder (`PAPERBOT_CACHE_DIR`, by default inside the state folder): a start-up with an unchanged
 * corpus loads it instead of parsing and indexing again.
 */
import { join } from 'node:path';
import { loadCorpus } from './corpus/index.js';
import type { Corpus } from './corpus/paper.js';
import type { PaperLibrary } from './core/library.js';
import { CONFIG_DIR, PROJECT_ROOT } from './paths.js';
import { createLibrary, loadTopicsConfig } from './search/library.js';
import { buildIndex, type IndexData } from './search/postings.js';
import { loadSnapshot, saveSnapshot, snapshotFile, snapshotKey } from './search/snapshot.js';
import type { SemanticState } from './search/semantic-state.js';

export interface LoadedLibrary {
  corpus: Corpus;
  library: PaperLibrary;
  /** How the index was obtained: from a snapshot, or built (and saved, when caching is on). */
  index?: { source: 'snapshot' | 'built'; saved?: boolean; file?: string };
  /** The index of exactly `library.papers`, so new papers can be appended to it. */
  postings?: IndexData;
  /** The corpus snapshot's key (its files and the indexing code), when caching is on: other caches of this corpus key on it. */
  key?: string;
  /** Semantic search's model and vectors, once attached (src/embeddings/semantic-load.ts). */
  semantic?: SemanticState;
}

export interface LoadOptions {
  /** Where snapshots live; `false` disables them. Default: the project's `var/cache`. */
  cacheDir?: string | false;
}

export const DEFAULT_CACHE_DIR = join(PROJECT_ROOT, 'var', 'cache');

export function loadLibrary(dataDir: string, topicsFile = join(CONFIG_DIR, 'topics.json'), options: LoadOptions = {}): LoadedLibrary {
  const topics = loadTopicsConfig(topicsFile);
  const cacheDir = options.cacheDir ?? DEFAULT_CACHE_DIR;
  if (cacheDir === false) {
    const corpus = loadCorpus(dataDir);
    const postings = buildIndex(corpus.papers);
    return { corpus, library: createLibrary(corpus.papers, { topics, index: postings }), index: { source: 'built' }, postings };
  }
  const file = snapshotFile(cacheDir, dataDir);
  let key: string | undefined;
  try {
    key = snapshotKey(dataDir);
    const snapshot = loadSnapshot(file, key);
    if (snapshot) {
      const library = createLibrary(snapshot.corpus.papers, { topics, index: snapshot.index });
      return { corpus: snapshot.corpus, library, index: { source: 'snapshot', file }, postings: snapshot.index, key };
    }
  } catch {
    // An unreadable or corrupt snapshot is only a missed shortcut: rebuild below.
  }
  const corpus = loadCorpus(dataDir);
  const index = buildIndex(corpus.papers);
  let saved = false;
  if (key !== undefined) {
    try {
      saveSnapshot(file, key, { corpus, index });
      saved = true;
    } catch {
      // A read-only or full disk must not stop the bot; the next start rebuilds.
    }
  }
  return { corpus, library: createLibrary(corpus.papers, { topics, index }), index: { source: 'built', saved, file }, postings: index, ...(key !== undefined ? { key } : {}) };
}
