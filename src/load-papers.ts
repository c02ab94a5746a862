/**
 * The library the bot serves: the seed corpus with the paper store laid over it. A stored paper
 * replaces the seed paper with the same id (it is the same paper, enriched by a source); the
 * rest are added after the seed papers.
 */
import { join } from 'node:path';
import type { PaperLibrary } from './core/library.js';
import type { Paper } from './corpus/paper.js';
import type { LoadedLibrary } from './load-library.js';
import { CONFIG_DIR } from './paths.js';
import { createLibrary, loadTopicsConfig } from './search/library.js';

export function combinePapers(seed: readonly Paper[], stored: readonly Paper[]): Paper[] {
  const byId = new Map(stored.map((paper) => [paper.id, paper] as const));
  const seedIds = new Set(seed.map((paper) => paper.id));
  return [...seed.map((paper) => byId.get(paper.id) ?? paper), ...stored.filter((paper) => !seedIds.has(paper.id))];
}

/**
 * The served library with papers from a source applied: new ones added, stored ones replacing
 * their earlier record.
 */
export function addPapers<L extends { library: PaperLibrary }>(loaded: L, papers: readonly Paper[], topicsFile = join(CONFIG_DIR, 'topics.json')): L {
  const next = combinePapers(loaded.library.papers, papers);
  return { ...loaded, library: createLibrary(next, { topics: loadTopicsConfig(topicsFile) }) };
}

/** The seed library as loaded, or one rebuilt over seed and stored papers when the store has any. */
export function withStoredPapers(loaded: LoadedLibrary, stored: readonly Paper[], topicsFile = join(CONFIG_DIR, 'topics.json')): LoadedLibrary {
  if (stored.length === 0) return loaded;
  const papers = combinePapers(loaded.corpus.papers, stored);
  return { corpus: loaded.corpus, library: createLibrary(papers, { topics: loadTopicsConfig(topicsFile) }), index: { source: 'built' } };
}
