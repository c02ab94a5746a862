import type { Paper } from '../corpus/paper.js';
import { canonicalArxivId } from './arxiv-id.js';
import { UserError } from './errors.js';
import type { PaperLibrary } from './library.js';

/**
 * Looks a paper up by paperbot ID (forgiving case and stray punctuation), arXiv ID, or arXiv or
 * Hugging Face link; a friendly error otherwise.
 */
export function findPaper(library: PaperLibrary, input: string): Paper {
  const arxivId = canonicalArxivId(input.trim());
  const paper = arxivId ? library.byArxivId(arxivId) : library.get(input.trim().toLowerCase().replace(/[^a-z0-9]/g, ''));
  if (!paper) {
    const shown = input.trim().slice(0, 60);
    throw new UserError(
      arxivId ? `I don't have arXiv paper \`${arxivId}\` yet.` : `No paper has the ID \`${shown}\`.`,
      'Paper IDs look like `p3kx7q2m` or an arXiv ID such as `2103.03230`; every search result shows one.',
    );
  }
  return paper;
}
