/** `paperbot search --json`: machine-readable search, one query or one query per stdin line. */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { UserError } from '../core/errors.js';
import { paperLinks } from '../core/cards.js';
import type { PaperLibrary } from '../core/library.js';

export function searchJson(library: PaperLibrary, query: string, limit: number, offset = 0): object {
  const result = library.search(query, { limit, offset });
  return {
    query,
    total: result.total,
    results: result.hits.map(({ paper, score }) => ({
      id: paper.id,
      title: paper.title,
      titleDerived: paper.titleDerived,
      abstract: paper.abstract,
      score: Number(score.toFixed(4)),
      published: paper.published ?? null,
      authors: paper.authors ?? null,
      authorNames: paper.authorNames ?? null,
      // Unknown stays null: a page export without upvotes is not zero upvotes.
      upvotes: paper.upvotes ?? null,
      arxivId: paper.arxivId ?? null,
      summary: paper.summary ?? null,
      // Every link a card shows: arXiv, PDF and Hugging Face when the arXiv id is known, then code and project page.
      links: paperLinks(paper).map((link) => ({ label: link.label, url: link.url })),
    })),
    ...(result.total === 0 ? { suggestions: result.suggestions } : {}),
  };
}

/**
 * Answers every line of `input` with one JSON line on `output`, in order. A bad query still gets
 * its line (with `error`), so outputs stay aligned with inputs; the message also goes to `errors`.
 * Resolves with the number of failed queries.
 */
export async function searchJsonLines(
  library: PaperLibrary,
  limit: number,
  input: Readable,
  output: Writable,
  errors: Writable,
): Promise<number> {
  let failed = 0;
  let lineNumber = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    lineNumber += 1;
    const query = line.trim();
    // A blank line still gets its answer line, so output line N always answers input line N.
    await library.prepareSearch(query);
    try {
      output.write(`${JSON.stringify(searchJson(library, query, limit))}\n`);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      failed += 1;
      errors.write(`line ${lineNumber}: ${error.message}\n`);
      output.write(`${JSON.stringify({ query, results: [], error: error.message })}\n`);
    }
  }
  return failed;
}
