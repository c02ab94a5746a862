/**
 * The arXiv API: the newest submissions per category, and one paper by id. arXiv asks for at most
 * one request every 3 seconds over a single connection from the whole deployment, so every
 * request of a source goes through one paced client; create one arXiv source per process.
 * @see https://info.arxiv.org/help/api/user-manual.html
 * @see https://info.arxiv.org/help/api/tou.html
 */
import { canonicalArxivId } from '../core/arxiv-id.js';
import { parseArxivFeed, type ArxivFeed } from './arxiv-feed.js';
import { SourceError, describeTarget } from './errors.js';
import { HttpClient, type HttpClientOptions } from './http.js';
import { assertIsoDate } from './normalise.js';
import type { SourceBatch, SourcePaper, SourceWarning } from './types.js';

export { parseArxivFeed, type ArxivFeed } from './arxiv-feed.js';

export const ARXIV_API_URL = 'http://export.arxiv.org/api/query';
const ATOM_ACCEPT = { accept: 'application/atom+xml' };
// An archive with an optional subject class (cs.LG, math.GT, hep-th): nothing that could widen the query.
const CATEGORY = /^[a-z]+(?:-[a-z]+)?(?:\.[A-Za-z]+(?:-[A-Za-z]+)?)?$/;

export interface ArxivSourceOptions extends HttpClientOptions {
  /** Default http://export.arxiv.org/api/query */
  baseUrl?: string;
  /** Categories `fetchRecent` reads when not given one, e.g. ['cs.LG', 'cs.CL']. */
  categories: string[];
  /** Entries per request. Default 100. */
  pageSize?: number;
  /** Entries per category per `fetchRecent` at most. Default 500. */
  maxResults?: number;
  /** Gap between request starts. Default 3000 (arXiv's terms of use). */
  minIntervalMs?: number;
}

export interface FetchRecentOptions {
  /** One category instead of all configured ones. */
  category?: string;
  /** Oldest submission day (YYYY-MM-DD) to include. */
  since?: string;
}

export interface ArxivSource {
  /** Newest submissions first, per category, until `since`, `maxResults` or the end of the listing. */
  fetchRecent(options?: FetchRecentOptions): Promise<SourceBatch>;
  /** One paper by id via `id_list`; undefined when arXiv returns no entry. */
  lookup(arxivId: string): Promise<SourcePaper | undefined>;
}

export function createArxivSource(options: ArxivSourceOptions): ArxivSource {
  const { baseUrl = ARXIV_API_URL, categories, pageSize = 100, maxResults = 500, minIntervalMs = 3000, ...httpOptions } = options;
  for (const category of categories) assertCategory(category);
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError('pageSize must be a positive integer');
  if (!Number.isInteger(maxResults) || maxResults < 1) throw new RangeError('maxResults must be a positive integer');
  const http = new HttpClient({ ...httpOptions, minIntervalMs });

  async function getFeed(params: Record<string, string>): Promise<ArxivFeed> {
    const url = `${baseUrl}?${new URLSearchParams(params)}`;
    // arXiv answers bad queries with HTTP 400 and an error feed whose summary says what was wrong.
    const response = await http.get(url, { accept: [400], headers: ATOM_ACCEPT });
    const where = `GET ${describeTarget(url)}`;
    let feed: ArxivFeed;
    try {
      feed = parseArxivFeed(response.text);
    } catch (error) {
      if (!(error instanceof SourceError)) throw error;
      // On a 400 the error feed's summary is the reason; on a 200 the answer itself is unusable.
      if (response.status === 400) throw new SourceError('http_error', `${where}: HTTP 400, ${error.message}`, { status: 400 });
      throw new SourceError(error.kind, `${where}: ${error.message}`);
    }
    if (response.status === 400) throw new SourceError('http_error', `${where}: HTTP 400`, { status: 400 });
    return feed;
  }

  /** Pages one category newest-first into `out`, skipping papers already there. */
  async function fetchCategory(category: string, since: string | undefined, out: Collector): Promise<void> {
    // `start` counts entries read so far, usable or not, so paging always moves on and ends.
    let start = 0;
    while (start < maxResults) {
      const feed = await getFeed({
        search_query: `cat:${category}`,
        sortBy: 'submittedDate',
        sortOrder: 'descending',
        start: String(start),
        max_results: String(Math.min(pageSize, maxResults - start)),
      });
      out.warnings.push(...feed.warnings);
      // Empty pages are normal: days without announcements (weekends) and the end of a listing.
      if (feed.entries === 0) return;
      for (const paper of feed.papers) {
        // Sorted by submission date, so the first older paper means all the rest are older too.
        if (since !== undefined && paper.published !== undefined && paper.published < since) return;
        out.add(paper);
      }
      start += feed.entries;
      if (feed.totalResults !== undefined && start >= feed.totalResults) return;
    }
    // Stopped by the cap, not by the date: older submissions of the gap were not read. Say so.
    if (since !== undefined) {
      out.warnings.push({ source: 'arxiv', item: category, message: `stopped after ${maxResults} entries before reaching ${since}; older submissions were not fetched (run paperbot ingest arxiv --category ${category} --since ${since})` });
    }
  }

  async function fetchRecent({ category, since }: FetchRecentOptions = {}): Promise<SourceBatch> {
    if (category !== undefined) assertCategory(category);
    if (since !== undefined) assertIsoDate(since, 'since');
    const out = new Collector();
    for (const name of category === undefined ? categories : [category]) await fetchCategory(name, since, out);
    return { papers: out.papers, warnings: out.warnings };
  }

  async function lookup(arxivId: string): Promise<SourcePaper | undefined> {
    const id = canonicalArxivId(arxivId);
    if (id === undefined) throw new RangeError(`not an arXiv id: ${JSON.stringify(arxivId.slice(0, 60))}`);
    const feed = await getFeed({ id_list: id, max_results: '1' });
    return feed.papers.find((paper) => paper.arxivId === id);
  }

  return { fetchRecent, lookup };
}

/** Papers of several listings, each once: cross-listed papers appear under every category. */
class Collector {
  readonly papers: SourcePaper[] = [];
  readonly warnings: SourceWarning[] = [];
  private readonly seen = new Set<string>();

  add(paper: SourcePaper): void {
    const key = paper.arxivId ?? paper.title;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.papers.push(paper);
  }
}

function assertCategory(category: string): void {
  if (!CATEGORY.test(category)) throw new RangeError(`not an arXiv category: ${JSON.stringify(category.slice(0, 40))}`);
}
