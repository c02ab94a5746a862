/**
 * A local fake of the Hugging Face Daily Papers API:
 * - `GET /api/daily_papers?date=YYYY-MM-DD&p=PAGE&limit=LIMIT` → JSON array of items (limit ≤ 100,
 *   `p` 0-based; default limit 50 as on the real API);
 * - `GET /api/papers/{arxivId}` → one paper object, or 404 `{"error": …}`.
 * Data is mutable (`days`, `papers`) so tests can change a day between fetches.
 */
import type { HfItemJson, HfPaperJson } from './fixtures.js';
import { ScriptedServer, type Answer, type RecordedRequest, type ScriptedServerOptions } from '../scripted-server.js';

export interface FakeHfData {
  /** Daily Papers items per listing day. */
  days?: Record<string, HfItemJson[]>;
  /** Papers `/api/papers/{id}` knows besides those listed in `days`. */
  papers?: HfPaperJson[];
}

export class FakeHf extends ScriptedServer {
  readonly days: Record<string, HfItemJson[]>;
  readonly papers: HfPaperJson[];

  constructor(data: FakeHfData = {}, options: ScriptedServerOptions = {}) {
    const days = data.days ?? {};
    const papers = data.papers ?? [];
    super((request) => route(days, papers, request), options);
    this.days = days;
    this.papers = papers;
  }
}

function route(days: Record<string, HfItemJson[]>, papers: HfPaperJson[], request: RecordedRequest): Answer {
  if (request.method !== 'GET') return json(405, { error: 'Method not allowed' });
  if (request.path === '/api/daily_papers') return dailyPapers(days, request.query);
  const paperPath = /^\/api\/papers\/(.+)$/.exec(request.path);
  if (paperPath?.[1] !== undefined) return paper(days, papers, decodeURIComponent(paperPath[1]));
  return json(404, { error: 'Not found' });
}

function dailyPapers(days: Record<string, HfItemJson[]>, query: Record<string, string>): Answer {
  const date = query.date ?? '';
  const page = Number(query.p ?? '0');
  const limit = Number(query.limit ?? '50');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return json(400, { error: 'Invalid date' });
  if (!Number.isInteger(page) || page < 0) return json(400, { error: 'Invalid page' });
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) return json(400, { error: 'limit must be between 1 and 100' });
  const items = days[date] ?? [];
  return json(200, items.slice(page * limit, (page + 1) * limit));
}

function paper(days: Record<string, HfItemJson[]>, papers: HfPaperJson[], id: string): Answer {
  const listed = Object.values(days).flatMap((items) => items.map((item) => item.paper));
  const found = [...papers, ...listed].find((p) => p.id === id);
  return found ? json(200, found) : json(404, { error: 'Paper not found' });
}

function json(status: number, value: unknown): Answer {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(value) };
}
