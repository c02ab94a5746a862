/**
 * Hugging Face Daily Papers: the papers listed on one day (`/api/daily_papers`), and one paper by
 * arXiv id (`/api/papers/{id}`).
 */
import { canonicalArxivId } from '../core/arxiv-id.js';
import { BoundedMap } from './bounded-map.js';
import { SourceError, describeTarget } from './errors.js';
import { normaliseHfItem, normaliseHfPaper } from './hf-normalise.js';
import { HttpClient, type HttpClientOptions } from './http.js';
import { assertIsoDate } from './normalise.js';
import type { SourceBatch, SourcePaper } from './types.js';

export { normaliseHfItem, normaliseHfPaper, type HfNormalised } from './hf-normalise.js';

export const HF_BASE_URL = 'https://huggingface.co';
/** The API's largest page. */
const MAX_PAGE_SIZE = 100;
const JSON_ACCEPT = { accept: 'application/json' };

export interface HfSourceOptions extends HttpClientOptions {
  /** Default https://huggingface.co */
  baseUrl?: string;
  /** A Hugging Face access token (HF_TOKEN), sent as a bearer token; raises rate limits. */
  token?: string;
  /** Items per request, 1–100. Default 100. */
  pageSize?: number;
  /** Requests per day at most. Default 20. */
  maxPages?: number;
}

export interface HfDayBatch extends SourceBatch {
  /**
   * Every page answered 304: nothing changed since this source last fetched the day. Papers of
   * unchanged pages are never repeated, so `papers` holds only what changed.
   */
  notModified: boolean;
}

export interface HfSource {
  /** The papers of one day (YYYY-MM-DD), following pages until a short one. */
  fetchDay(date: string): Promise<HfDayBatch>;
  /** One paper by arXiv id; undefined when Hugging Face has no page for it. */
  lookup(arxivId: string): Promise<SourcePaper | undefined>;
  /** Forgets what earlier answers said, after a run whose papers were not all stored. */
  forget(): void;
}

export function createHfSource(options: HfSourceOptions): HfSource {
  const { baseUrl = HF_BASE_URL, token, pageSize = MAX_PAGE_SIZE, maxPages = 20, ...httpOptions } = options;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new RangeError(`pageSize must be an integer from 1 to ${MAX_PAGE_SIZE}`);
  }
  if (!Number.isInteger(maxPages) || maxPages < 1) throw new RangeError('maxPages must be a positive integer');
  const base = baseUrl.replace(/\/+$/, '');
  const http = new HttpClient({
    ...httpOptions,
    headers: { ...httpOptions.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  // Items each page URL held when last fetched: after a 304 this says whether a next page exists.
  const pageLengths = new BoundedMap<string, number>(1000);

  async function fetchDay(date: string): Promise<HfDayBatch> {
    assertIsoDate(date);
    const batch: HfDayBatch = { papers: [], warnings: [], notModified: true };
    // Papers move between pages when upvotes reorder a day mid-paging; keep each once.
    const seen = new Set<string>();
    for (let page = 0; page < maxPages; page++) {
      const url = `${base}/api/daily_papers?${new URLSearchParams({ date, p: String(page), limit: String(pageSize) })}`;
      const response = await http.get(url, { conditional: true, headers: JSON_ACCEPT });
      let length = pageLengths.get(url) ?? 0;
      if (!response.notModified) {
        batch.notModified = false;
        const items = parseArray(response.text, url);
        length = items.length;
        pageLengths.set(url, length);
        items.forEach((raw, i) => {
          const { paper, warning } = normaliseHfItem(raw, page * pageSize + i);
          if (warning) batch.warnings.push(warning);
          if (paper?.hfId !== undefined && !seen.has(paper.hfId)) {
            seen.add(paper.hfId);
            batch.papers.push(paper);
          }
        });
      }
      if (length < pageSize) return batch;
    }
    batch.warnings.push({ source: 'hf', message: `stopped after ${maxPages} pages of ${date}; more papers may exist` });
    return batch;
  }

  async function lookup(arxivId: string): Promise<SourcePaper | undefined> {
    const id = canonicalArxivId(arxivId);
    if (id === undefined) throw new RangeError(`not an arXiv id: ${JSON.stringify(arxivId.slice(0, 60))}`);
    const url = `${base}/api/papers/${id}`;
    const response = await http.get(url, { accept: [404], headers: JSON_ACCEPT });
    if (response.status === 404) return undefined;
    const { paper, warning } = normaliseHfPaper(parseJson(response.text, url));
    if (!paper) throw new SourceError('malformed', `GET ${describeTarget(url)}: ${warning?.message ?? 'unusable paper'}`);
    return paper;
  }

  return {
    fetchDay,
    lookup,
    forget() {
      http.forgetValidators();
      pageLengths.clear();
    },
  };
}

function parseJson(text: string, url: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new SourceError('malformed', `GET ${describeTarget(url)}: response is not valid JSON`);
  }
}

function parseArray(text: string, url: string): unknown[] {
  const value = parseJson(text, url);
  if (!Array.isArray(value)) throw new SourceError('malformed', `GET ${describeTarget(url)}: expected a JSON array of papers`);
  return value;
}
