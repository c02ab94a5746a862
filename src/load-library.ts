/** Reads a corpus folder and builds the searchable library the commands use. */
import { join } from 'node:path';
import { loadCorpus } from './corpus/index.js';
import type { Corpus } from './corpus/paper.js';
import type { PaperLibrary } from './core/library.js';
import { CONFIG_DIR } from './paths.js';
import { createLibrary, loadTopicsConfig } from './search/library.js';

export interface LoadedLibrary {
  corpus: Corpus;
  library: PaperLibrary;
}

export function loadLibrary(dataDir: string, topicsFile = join(CONFIG_DIR, 'topics.json')): LoadedLibrary {
  const corpus = loadCorpus(dataDir);
  const library = createLibrary(corpus.papers, { topics: loadTopicsConfig(topicsFile) });
  return { corpus, library };
}
