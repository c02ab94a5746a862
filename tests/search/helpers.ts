import { loadCorpus } from '../../src/corpus/index.js';
import type { Paper } from '../../src/corpus/paper.js';
import type { PaperLibrary } from '../../src/core/library.js';
import { createLibrary, loadTopicsConfig } from '../../src/search/library.js';
import { LsaProvider, lsaSemantic } from '../../src/search/lsa-provider.js';
import { buildIndex } from '../../src/search/postings.js';

let real: { papers: Paper[]; library: PaperLibrary; lexical: PaperLibrary } | undefined;

/**
 * The real corpus in data/, indexed once per test file, with the curated topics: `library` as
 * shipped (lexical and semantic search fused, with the corpus's own LSA model), `lexical` the
 * lexical ranking alone.
 */
export function realLibrary(): { papers: Paper[]; library: PaperLibrary; lexical: PaperLibrary } {
  if (!real) {
    const { papers } = loadCorpus('data');
    const index = buildIndex(papers);
    const topics = loadTopicsConfig('config/topics.json');
    const semantic = lsaSemantic(LsaProvider.train(index), index);
    real = { papers, library: createLibrary(papers, { topics, index, semantic }), lexical: createLibrary(papers, { topics, index }) };
  }
  return real;
}

export function byTitle(papers: readonly Paper[], start: string): Paper {
  const p = papers.find((x) => x.title.startsWith(start));
  if (!p) throw new Error(`no paper titled "${start}..." in the corpus`);
  return p;
}

let next = 0;
/** A fixture paper; only what a test cares about needs saying. */
export function paper(fields: Partial<Paper> & { title: string }): Paper {
  next++;
  return { id: `fx${next}`, titleDerived: false, abstract: '', links: [], sources: ['fixture.txt'], ...fields };
}
