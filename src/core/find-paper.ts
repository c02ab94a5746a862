import type { Paper } from '../corpus/paper.js';
import { UserError } from './errors.js';
import type { PaperLibrary } from './library.js';

/** Looks a paper up by ID, forgiving case and stray punctuation; a friendly error otherwise. */
export function findPaper(library: PaperLibrary, input: string): Paper {
  const id = input.trim().toLowerCase().replace(/[^a-z0-9]/g, '');
  const paper = library.get(id);
  if (!paper) {
    throw new UserError(
      `No paper has the ID \`${input.slice(0, 40)}\`.`,
      'Paper IDs look like `p3kx7q2m`; every search result shows one.',
    );
  }
  return paper;
}
