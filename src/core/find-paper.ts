import type { Paper } from '../corpus/paper.js';
import { canonicalArxivId } from './arxiv-id.js';
import { SourceUnavailable, UserError } from './errors.js';
import type { PaperFetcher, PaperLibrary } from './library.js';

/**
 * Looks a paper up by paperbot ID (forgiving case and stray punctuation), arXiv ID, or arXiv or
 * Hugging Face link; a friendly error otherwise.
 */
export function findPaper(library: PaperLibrary, input: string): Paper {
  const arxivId = canonicalArxivId(input.trim());
  const paper = arxivId ? library.byArxivId(arxivId) : library.get(paperKey(input));
  if (!paper) {
    const shown = input.trim().slice(0, 60);
    throw new UserError(
      arxivId ? `I don't have arXiv paper \`${arxivId}\` yet.` : `No paper has the ID \`${shown}\`.`,
      'Paper IDs look like `p3kx7q2m` or an arXiv ID such as `2103.03230`; every search result shows one.',
    );
  }
  return paper;
}

/** A paperbot ID as typed, forgiving case and stray punctuation: `P3KX-7Q2M` is `p3kx7q2m`. */
export function paperKey(input: string): string {
  return input.trim().toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * `findPaper`, but an arXiv id paperbot does not have yet is looked up from the network source
 * when one is on. Returns the library to use from then on: it includes the fetched paper.
 */
export async function findOrFetchPaper(ctx: { library: PaperLibrary; fetcher?: PaperFetcher }, input: string): Promise<{ paper: Paper; library: PaperLibrary }> {
  try {
    return { paper: findPaper(ctx.library, input), library: ctx.library };
  } catch (error) {
    const arxivId = canonicalArxivId(input.trim());
    if (!arxivId || !ctx.fetcher || !(error instanceof UserError)) throw error;
    let fetched;
    try {
      fetched = await ctx.fetcher.byArxivId(arxivId);
    } catch (failure) {
      // Anything but an unreachable source is a bug or a broken store: it gets the apology and a log line.
      if (!(failure instanceof SourceUnavailable)) throw failure;
      throw new UserError(`I don't have arXiv paper \`${arxivId}\` and couldn't reach Hugging Face to look it up.`, 'Please try again in a few minutes.');
    }
    if (!fetched) throw new UserError(`Hugging Face has no paper \`${arxivId}\`.`, 'Check the arXiv id; new submissions can take a day to appear there.');
    return fetched;
  }
}
