/**
 * Runs the network sources on a schedule inside the bot: each source right away, then every
 * interval. A failure is logged once per streak as a clear warning (the bot keeps answering from
 * what it has) and retried with exponential backoff up to the interval; papers stored by a run
 * are handed to `onStored` so search picks them up within seconds.
 */
import type { Paper } from '../corpus/paper.js';
import { silentLogger, type Logger } from '../core/logger.js';
import type { PaperRepo } from '../store/types.js';
import { SourceError } from './errors.js';
import { addCounts, ingestBatch, noCounts, type IngestCounts } from './ingest.js';
import type { SourceJob } from './jobs.js';

export interface PollerHooks {
  fetched?(source: string, counts: IngestCounts): void;
  failed?(source: string, kind: string): void;
  succeeded?(source: string, at: Date): void;
}

export interface PollerOptions {
  jobs: readonly SourceJob[];
  repo: PaperRepo;
  /** Seed papers by title key, read at each run (a corpus reload may change them). */
  seeds: () => ReadonlyMap<string, Paper>;
  intervalMs: number;
  /** First retry after a failure; doubles up to `intervalMs`. Default 60 s. */
  retryMs?: number;
  onStored(papers: Paper[]): void;
  logger?: Logger;
  hooks?: PollerHooks;
  now?: () => Date;
  /** Injectable for tests. */
  setTimer?: (run: () => void, ms: number) => { clear(): void };
}

export interface SourceRun {
  source: string;
  ok: boolean;
  counts: IngestCounts;
  error?: string;
}

export interface Poller {
  start(): void;
  /** Runs one source now (all when unnamed); resolves when stored. Used by `start` and by tests. */
  runOnce(name?: string): Promise<SourceRun[]>;
  /** No more runs; a fetch in flight is not waited for (its late write fails harmlessly after close). */
  stop(): void;
}

const defaultTimer = (run: () => void, ms: number) => {
  const timer = setTimeout(run, ms);
  timer.unref();
  return { clear: () => clearTimeout(timer) };
};

export function createPoller(options: PollerOptions): Poller {
  const log = (options.logger ?? silentLogger).child({ component: 'sources' });
  const now = options.now ?? (() => new Date());
  const setTimer = options.setTimer ?? defaultTimer;
  const retryMs = options.retryMs ?? 60_000;
  const state = new Map(options.jobs.map((job) => [job.name, { failures: 0, timer: undefined as { clear(): void } | undefined, running: undefined as Promise<SourceRun> | undefined }]));
  let stopped = false;

  async function runJob(job: SourceJob): Promise<SourceRun> {
    const status = (await options.repo.sourceStatus()).find((s) => s.source === job.name);
    let counts = noCounts();
    try {
      const batches = await job.fetch(now(), status?.lastSuccess);
      const stored: Paper[] = [];
      for (const batch of batches) {
        const result = await ingestBatch(batch, options.repo, options.seeds(), now());
        counts = addCounts(counts, result);
        stored.push(...result.stored);
        for (const warning of batch.warnings) log.warn({ source: job.name, item: warning.item }, `skipped an item: ${warning.message}`);
      }
      await options.repo.recordFetch(job.name, { ok: true, added: counts.added }, now());
      options.hooks?.fetched?.(job.name, counts);
      options.hooks?.succeeded?.(job.name, now());
      if (stored.length) options.onStored(stored);
      log.info({ source: job.name, ...counts }, 'papers fetched');
      return { source: job.name, ok: true, counts };
    } catch (error) {
      // SourceError messages are safe (host and path, no token); anything else is a bug worth its stack.
      const message = error instanceof SourceError ? error.message : 'unexpected error';
      const kind = error instanceof SourceError ? error.kind : 'internal';
      // Pages that answered before the failure must be fetched whole again: their papers were not stored.
      job.reset?.();
      if (!(error instanceof SourceError)) log.error({ err: error, source: job.name }, 'source run failed');
      await options.repo.recordFetch(job.name, { ok: false, error: message }, now()).catch(() => undefined);
      options.hooks?.failed?.(job.name, kind);
      return { source: job.name, ok: false, counts, error: message };
    }
  }

  function schedule(job: SourceJob, ms: number): void {
    const entry = state.get(job.name)!;
    entry.timer?.clear();
    if (!stopped) entry.timer = setTimer(() => void cycle(job), ms);
  }

  async function cycle(job: SourceJob): Promise<SourceRun> {
    const entry = state.get(job.name)!;
    if (entry.running) return entry.running;
    entry.running = runJob(job);
    const run = await entry.running.finally(() => (entry.running = undefined));
    if (run.ok) {
      if (entry.failures > 0) log.info({ source: job.name }, 'source reachable again');
      entry.failures = 0;
      schedule(job, options.intervalMs);
    } else {
      const wait = Math.min(options.intervalMs, retryMs * 2 ** entry.failures);
      // One warning per streak: an offline machine should not fill the log every minute.
      if (entry.failures === 0) log.warn({ source: job.name, error: run.error, retryInSeconds: Math.round(wait / 1000) }, `${job.name}: could not fetch new papers; the bot keeps answering from the papers it has and retries`);
      else log.debug({ source: job.name, error: run.error, failures: entry.failures + 1 }, 'source still failing');
      entry.failures++;
      schedule(job, wait);
    }
    return run;
  }

  return {
    start() {
      stopped = false;
      for (const job of options.jobs) schedule(job, 0);
    },
    async runOnce(name) {
      const jobs = options.jobs.filter((job) => name === undefined || job.name === name);
      const runs: SourceRun[] = [];
      for (const job of jobs) runs.push(await cycle(job));
      return runs;
    },
    stop() {
      stopped = true;
      for (const entry of state.values()) entry.timer?.clear();
    },
  };
}
