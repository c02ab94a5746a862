/**
 * The library the bot serves: the seed corpus with the paper store laid over it. A stored paper
 * replaces the seed paper with the same id (it is the same paper, enriched by a source); the
 * rest are added after the seed papers.
 *
 * New papers are appended to the existing index (search/append-index.ts), never re-indexing the
 * collection; a known paper whose indexed text is unchanged (new upvotes, authors) just replaces
 * its record. Only a known paper whose title, abstract or links changed forces a full rebuild.
 */
import { join } from 'node:path';
import type { PaperLibrary } from './core/library.js';
import type { Paper } from './corpus/paper.js';
import type { LoadedLibrary } from './load-library.js';
import { CONFIG_DIR } from './paths.js';
import { appendToIndex } from './search/append-index.js';
import { createLibrary, loadTopicsConfig } from './search/library.js';
import { buildIndex, sameIndexedText, type IndexData } from './search/postings.js';

export function combinePapers(seed: readonly Paper[], stored: readonly Paper[]): Paper[] {
  return applyPapers(seed, undefined, stored).papers;
}

/** `papers` with `incoming` applied, and the index of the result (derived from `postings` when given). */
function applyPapers(papers: readonly Paper[], postings: IndexData | undefined, incoming: readonly Paper[]): { papers: Paper[]; postings?: IndexData } {
  const position = new Map(papers.map((paper, i) => [paper.id, i] as const));
  const next = [...papers];
  const added = new Map<string, Paper>();
  let rebuild = false;
  for (const paper of incoming) {
    const at = position.get(paper.id);
    if (at === undefined) {
      added.set(paper.id, paper);
      continue;
    }
    if (!sameIndexedText(next[at]!, paper)) rebuild = true;
    next[at] = paper;
  }
  const all = [...next, ...added.values()];
  if (!postings) return { papers: all };
  return { papers: all, postings: rebuild ? buildIndex(all) : added.size ? appendToIndex(postings, [...added.values()]) : postings };
}

function served(papers: Paper[], postings: IndexData | undefined, topicsFile: string): { library: PaperLibrary; postings: IndexData } {
  const index = postings ?? buildIndex(papers);
  return { library: createLibrary(papers, { topics: loadTopicsConfig(topicsFile), index }), postings: index };
}

/** The served library with papers from a source applied: new ones appended, stored ones replacing their earlier record. */
export function addPapers<L extends { library: PaperLibrary; postings?: IndexData }>(loaded: L, papers: readonly Paper[], topicsFile = join(CONFIG_DIR, 'topics.json')): L {
  const current = loaded.postings ?? buildIndex(loaded.library.papers);
  const next = applyPapers(loaded.library.papers, current, papers);
  return { ...loaded, ...served(next.papers, next.postings, topicsFile) };
}

/** The seed library as loaded, or one over seed and stored papers when the store has any. */
export function withStoredPapers(loaded: LoadedLibrary, stored: readonly Paper[], topicsFile = join(CONFIG_DIR, 'topics.json')): LoadedLibrary {
  if (stored.length === 0) return loaded;
  return addPapers(loaded, stored, topicsFile);
}
