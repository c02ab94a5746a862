/**
 * What one scheduled run of a source fetches. Hugging Face: today and the last few days, so
 * upvotes are refreshed while a paper is still being voted on. arXiv: each category's newest
 * submissions back to the day before the last success (listings are empty on weekends).
 */
import { DateTime } from 'luxon';
import type { ArxivSource } from './arxiv.js';
import type { HfSource } from './hf.js';
import type { SourceBatch } from './types.js';

export interface SourceJob {
  readonly name: string;
  /** Batches to store, in order; `lastSuccess` is when this source last fetched without error. */
  fetch(now: Date, lastSuccess: Date | undefined): Promise<SourceBatch[]>;
  /** Called when a run failed before all it fetched was stored, so nothing is skipped next time. */
  reset?(): void;
}

const utcDay = (instant: Date, minusDays = 0) => DateTime.fromJSDate(instant, { zone: 'utc' }).minus({ days: minusDays }).toISODate()!;

export function hfJob(source: HfSource, refreshDays = 2): SourceJob {
  return {
    name: 'hf',
    reset: () => source.forget(),
    async fetch(now) {
      const batches: SourceBatch[] = [];
      for (let back = refreshDays; back >= 0; back--) batches.push(await source.fetchDay(utcDay(now, back)));
      return batches;
    },
  };
}

export function arxivJob(source: ArxivSource, firstRunDays = 2): SourceJob {
  return {
    name: 'arxiv',
    async fetch(now, lastSuccess) {
      const since = lastSuccess ? utcDay(lastSuccess, 1) : utcDay(now, firstRunDays);
      return [await source.fetchRecent({ since })];
    },
  };
}
