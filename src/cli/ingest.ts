/**
 * `paperbot ingest hf [--date D | --since D [--until D]]` and `paperbot ingest status`: fetch
 * papers from Hugging Face Daily Papers into the paper store, one day at a time, with a line per
 * day and a summary. Safe to repeat: a second run over the same days changes nothing.
 */
import type { Writable } from 'node:stream';
import { DateTime } from 'luxon';
import { sourceSettings, storeLocation } from '../config/index.js';
import type { Env } from '../platforms/adapter.js';
import { createArxivSource } from '../sources/arxiv.js';
import { createHfSource } from '../sources/hf.js';
import type { SourceBatch } from '../sources/types.js';
import { addCounts, ingestBatch, noCounts, seedsByTitle, type IngestCounts } from '../sources/ingest.js';
import { SourceError } from '../sources/errors.js';
import { openStore } from '../store/index.js';
import type { Paper } from '../corpus/paper.js';
import { PACKAGE_VERSION } from '../paths.js';
import { CliUsageError } from './args.js';

const USER_AGENT = `paperbot/${PACKAGE_VERSION}`;
/** Backfills past a few months are almost certainly a typo, and cost hundreds of requests. */
const MAX_DAYS = 366;

export interface IngestOptions {
  date?: string;
  since?: string;
  until?: string;
  /** For tests: the clock that decides "today". */
  now?: () => Date;
}

function day(name: string, value: string): DateTime {
  const parsed = DateTime.fromISO(value, { zone: 'utc' });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !parsed.isValid) throw new CliUsageError(`--${name} must be a date YYYY-MM-DD (got ${JSON.stringify(value)})`);
  return parsed;
}

/** The days to fetch, oldest first. */
export function ingestDays(options: IngestOptions): string[] {
  const today = DateTime.fromJSDate(options.now?.() ?? new Date(), { zone: 'utc' }).startOf('day');
  if (options.date && (options.since || options.until)) throw new CliUsageError('use either --date or --since/--until');
  const from = options.date ? day('date', options.date) : options.since ? day('since', options.since) : today;
  const to = options.date ? from : options.until ? day('until', options.until) : today;
  if (to < from) throw new CliUsageError('--until is before --since');
  const count = Math.round(to.diff(from, 'days').days) + 1;
  if (count > MAX_DAYS) throw new CliUsageError(`that is ${count} days; fetch at most ${MAX_DAYS} at once`);
  return Array.from({ length: count }, (_, i) => from.plus({ days: i }).toISODate()!);
}

const describe = (c: IngestCounts) => `fetched ${c.fetched}, new ${c.added}, merged ${c.merged}, unchanged ${c.unchanged}, skipped ${c.skipped}`;

/** One labelled fetch: a day of Hugging Face, a category of arXiv. */
interface Step {
  label: string;
  fetch(): Promise<SourceBatch>;
}

async function runSteps(env: Env, source: { name: string; title: string }, steps: readonly Step[], seeds: readonly Paper[], now: () => Date, out: Writable, err: Writable): Promise<number> {
  const store = await openStore(storeLocation(env));
  const byTitle = seedsByTitle(seeds);
  let total = noCounts();
  try {
    for (const step of steps) {
      let batch;
      try {
        batch = await step.fetch();
      } catch (error) {
        // A source error carries a safe message (host and path, never the token).
        const message = error instanceof SourceError ? error.message : 'unexpected error';
        await store.papers.recordFetch(source.name, { ok: false, error: message }, now());
        err.write(`paperbot: ${step.label}: ${source.title} could not be read: ${message}\n`);
        out.write(`total: ${describe(total)}\n`);
        return 1;
      }
      const result = await ingestBatch(batch, store.papers, byTitle, now());
      await store.papers.recordFetch(source.name, { ok: true, added: result.added }, now());
      for (const warning of batch.warnings) err.write(`paperbot: ${step.label}: skipped ${warning.item ?? 'an item'}: ${warning.message}\n`);
      out.write(`${step.label}: ${describe(result)}\n`);
      total = addCounts(total, result);
    }
    out.write(`total: ${describe(total)} (${await store.papers.count()} papers in the store)\n`);
    return 0;
  } finally {
    await store.close();
  }
}

export async function ingestHf(env: Env, seeds: readonly Paper[], options: IngestOptions, out: Writable, err: Writable): Promise<number> {
  const days = ingestDays(options);
  const settings = sourceSettings(env);
  const source = createHfSource({ baseUrl: settings.hfApiUrl, userAgent: USER_AGENT, ...(settings.hfToken ? { token: settings.hfToken } : {}) });
  const steps = days.map((date) => ({ label: date, fetch: () => source.fetchDay(date) }));
  return runSteps(env, { name: 'hf', title: 'Hugging Face' }, steps, seeds, options.now ?? (() => new Date()), out, err);
}

export interface ArxivIngestOptions {
  category?: string;
  since?: string;
  now?: () => Date;
}

/** `paperbot ingest arxiv [--category C] [--since D]`: newest submissions back to `since` (default: two days ago). */
export async function ingestArxiv(env: Env, seeds: readonly Paper[], options: ArxivIngestOptions, out: Writable, err: Writable): Promise<number> {
  const now = options.now ?? (() => new Date());
  const since = options.since ? day('since', options.since).toISODate()! : DateTime.fromJSDate(now(), { zone: 'utc' }).minus({ days: 2 }).toISODate()!;
  const settings = sourceSettings(env);
  const categories = options.category ? [options.category] : settings.arxivCategories;
  if (categories.some((c) => !/^[a-z-]+(\.[A-Za-z-]+)?$/.test(c))) throw new CliUsageError(`--category must be an arXiv category such as cs.LG`);
  const source = createArxivSource({ baseUrl: settings.arxivApiUrl, categories, userAgent: USER_AGENT });
  const steps = categories.map((category) => ({ label: `${category} since ${since}`, fetch: () => source.fetchRecent({ category, since }) }));
  return runSteps(env, { name: 'arxiv', title: 'arXiv' }, steps, seeds, now, out, err);
}

export async function ingestStatus(env: Env, out: Writable): Promise<number> {
  const store = await openStore(storeLocation(env));
  try {
    const statuses = await store.papers.sourceStatus();
    out.write(`${await store.papers.count()} papers in the store\n`);
    if (statuses.length === 0) out.write('No source has been fetched yet. Try: paperbot ingest hf --since YYYY-MM-DD\n');
    for (const s of statuses) {
      const ok = s.lastSuccess ? s.lastSuccess.toISOString() : 'never';
      const error = s.lastError ? `; last error ${s.lastErrorAt?.toISOString()}: ${s.lastError}` : '';
      out.write(`${s.source}: last success ${ok}; papers added ${s.papersAdded}${error}\n`);
    }
    return 0;
  } finally {
    await store.close();
  }
}
