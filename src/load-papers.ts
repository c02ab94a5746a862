/**
 * The library the bot serves: the seed corpus with the paper store laid over it. A stored paper
 * replaces the seed paper with the same id (it is the same paper, enriched by a source); the
 * rest are added after the seed papers.
 *
 * New papers are appended to the existing index (search/append-index.ts), never re-indexing the
 * collection; a known paper whose indexed text is unchanged (new upvotes, authors) just replaces
 * its record. Only a known paper whose title, abstract or links changed forces a full rebuild.
 *
 * With semantic search on, the papers' vectors follow: a new or rewritten paper gets its vector
 * at once from a model in memory (LSA), or none until a remote model's arrives (`withVectors`).
 */
import { join } from 'node:path';
import type { PaperLibrary } from './core/library.js';
import type { Paper } from './corpus/paper.js';
import type { LoadedLibrary } from './load-library.js';
import { CONFIG_DIR } from './paths.js';
import { appendToIndex } from './search/append-index.js';
import { createLibrary, loadTopicsConfig } from './search/library.js';
import { buildIndex, sameIndexedText, type IndexData } from './search/postings.js';
import type { EmbeddingProvider } from './search/embeddings.js';
import { PaperVectors } from './search/paper-vectors.js';
import type { QueryVectors } from './search/query-vectors.js';
import type { SemanticState } from './search/semantic-state.js';

export function combinePapers(seed: readonly Paper[], stored: readonly Paper[]): Paper[] {
  return applyPapers(seed, undefined, stored).papers;
}

/** `papers` with `incoming` applied, and the index of the result (derived from `postings` when given). */
function applyPapers(papers: readonly Paper[], postings: IndexData | undefined, incoming: readonly Paper[]): { papers: Paper[]; postings?: IndexData } {
  // Nothing to apply: the same array (libraries never change theirs), so what is built per array is shared.
  if (incoming.length === 0) return { papers: papers as Paper[], ...(postings ? { postings } : {}) };
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

function served(papers: Paper[], postings: IndexData | undefined, topicsFile: string, semantic?: SemanticState): { library: PaperLibrary; postings: IndexData; semantic?: SemanticState } {
  const index = postings ?? buildIndex(papers);
  const library = createLibrary(papers, { topics: loadTopicsConfig(topicsFile), index, ...(semantic ? { semantic: { vectors: semantic.vectors, queries: semantic.queries } } : {}) });
  return { library, postings: index, ...(semantic ? { semantic } : {}) };
}

type Served = { library: PaperLibrary; postings?: IndexData; semantic?: SemanticState };

/** The served library with papers from a source applied: new ones appended, stored ones replacing their earlier record. */
export function addPapers<L extends Served>(loaded: L, papers: readonly Paper[], topicsFile = join(CONFIG_DIR, 'topics.json')): L {
  const current = loaded.postings ?? buildIndex(loaded.library.papers);
  const next = applyPapers(loaded.library.papers, current, papers);
  const semantic = loaded.semantic && { ...loaded.semantic, vectors: followVectors(loaded.semantic, loaded.library.papers, next.papers, papers) };
  return { ...loaded, ...served(next.papers, next.postings, topicsFile, semantic) };
}

/** The vectors for `next` (`before` with `incoming` applied): unchanged texts keep theirs, new or rewritten ones get the model's now, if it has one at once. */
function followVectors(state: SemanticState, before: readonly Paper[], next: readonly Paper[], incoming: readonly Paper[]): PaperVectors {
  if (incoming.length === 0) return state.vectors.with(next.length);
  const position = new Map(next.map((paper, i) => [paper.id, i] as const));
  const rows = new Map<number, Float32Array | undefined>();
  for (const paper of incoming) {
    const doc = position.get(paper.id)!;
    const old = before[doc];
    if (old && old.id === paper.id && old.title === paper.title && old.abstract === paper.abstract) continue;
    rows.set(doc, state.provider.embedPaperNow?.(paper));
  }
  return state.vectors.with(next.length, rows);
}

/**
 * The served library with these papers' vectors (by paper id) set, from `provider`: how a remote
 * model's vectors arrive after their papers. The first vectors of a library without semantic
 * search switch it on.
 */
export function withVectors<L extends Served>(loaded: L, vectors: ReadonlyMap<string, Float32Array>, provider: EmbeddingProvider, queries: QueryVectors, topicsFile = join(CONFIG_DIR, 'topics.json')): L {
  const papers = loaded.library.papers;
  const first = vectors.values().next().value;
  if (!first) return loaded;
  let state = loaded.semantic;
  if (!state || state.provider.model !== provider.model) state = { provider, queries, vectors: PaperVectors.empty(provider.model, first.length, papers.length) };
  const rows = new Map<number, Float32Array>();
  papers.forEach((paper, doc) => {
    const vector = vectors.get(paper.id);
    if (vector) rows.set(doc, vector);
  });
  return { ...loaded, ...served([...papers], loaded.postings, topicsFile, { ...state, vectors: state.vectors.with(papers.length, rows) }) };
}

/** The seed library as loaded, or one over seed and stored papers when the store has any. */
export function withStoredPapers<L extends LoadedLibrary>(loaded: L, stored: readonly Paper[], topicsFile = join(CONFIG_DIR, 'topics.json')): L {
  if (stored.length === 0) return loaded;
  return addPapers(loaded, stored, topicsFile);
}
