import { loadCorpus } from '../../src/corpus/index.js';
import type { Paper } from '../../src/corpus/paper.js';
import type { PaperLibrary } from '../../src/core/library.js';
import { createLibrary, loadTopicsConfig } from '../../src/search/library.js';

let real: { papers: Paper[]; library: PaperLibrary } | undefined;

/** The real corpus in data/, indexed once per test file, with the curated topics. */
export function realLibrary(): { papers: Paper[]; library: PaperLibrary } {
  if (!real) {
    const { papers } = loadCorpus('data');
    real = { papers, library: createLibrary(papers, { topics: loadTopicsConfig('config/topics.json') }) };
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
