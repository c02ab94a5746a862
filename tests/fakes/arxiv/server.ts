/**
 * A local fake of the arXiv API (`GET /api/query`): `search_query=cat:X` sorted by submittedDate
 * descending with `start` / `max_results` paging, `id_list=`, and arXiv's HTTP 400 error feed
 * for bad parameters. Unsupported queries also get an error feed, so a client that sends
 * something else fails loudly. `entries` is mutable.
 */
import { ScriptedServer, type Answer, type RecordedRequest, type ScriptedServerOptions } from '../scripted-server.js';
import { arxivErrorFeed, atomFeed, type ArxivEntryInput } from './fixtures.js';

export class FakeArxiv extends ScriptedServer {
  readonly entries: ArxivEntryInput[];

  constructor(entries: ArxivEntryInput[] = [], options: ScriptedServerOptions = {}) {
    const all = [...entries];
    super((request) => route(all, request), options);
    this.entries = all;
  }
}

function route(entries: ArxivEntryInput[], request: RecordedRequest): Answer {
  if (request.path !== '/api/query') return { status: 404, headers: { 'content-type': 'text/plain' }, body: 'Not Found' };
  const { query } = request;
  const start = Number(query.start ?? '0');
  const maxResults = Number(query.max_results ?? '10');
  if (!Number.isInteger(start) || start < 0) return error('start must be non-negative');
  if (!Number.isInteger(maxResults) || maxResults < 0) return error('max_results must be non-negative');
  if (maxResults > 2000) return error('max_results must be at most 2000');

  let matches: ArxivEntryInput[];
  if (query.id_list) {
    const ids = new Set(query.id_list.split(',').map((id) => id.replace(/v\d+$/, '')));
    matches = entries.filter((entry) => ids.has(entry.id));
  } else {
    const category = /^cat:(\S+)$/.exec(query.search_query ?? '')?.[1];
    if (category === undefined) return error('fake supports search_query=cat:X only');
    if (query.sortBy !== 'submittedDate' || query.sortOrder !== 'descending') {
      return error('fake supports sortBy=submittedDate&sortOrder=descending only');
    }
    matches = entries
      .filter((entry) => (entry.primaryCategory ?? 'cs.LG') === category || entry.crossLists?.includes(category))
      .sort((a, b) => Date.parse(b.published) - Date.parse(a.published));
  }
  const page = matches.slice(start, start + maxResults);
  const echoed = new URLSearchParams(query).toString();
  return atom(200, atomFeed(page, { total: matches.length, start, itemsPerPage: maxResults, query: echoed }));
}

function error(message: string): Answer {
  return atom(400, arxivErrorFeed(message));
}

function atom(status: number, body: string): Answer {
  return { status, headers: { 'content-type': 'application/atom+xml; charset=UTF-8' }, body };
}
