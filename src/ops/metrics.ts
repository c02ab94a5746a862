/**
 * Prometheus metrics on a private registry (not prom-client's global one), so tests and several
 * instances in one process never collide. The bot, scheduler and reloader call the methods below.
 * @see https://github.com/siimon/prom-client
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { BotOptions } from '../core/bot.js';

export type CommandEvent = Parameters<NonNullable<BotOptions['onCommand']>>[0];

export interface MetricsOptions {
  /** Node process metrics (CPU, memory, event loop); on by default. */
  defaultMetrics?: boolean;
  /** Command names to report as-is; any other name becomes `other`. Unknown words typed by users must not create label values. */
  commands?: Iterable<string>;
}

/** Above the platforms' 3-second acknowledgement window, so slow commands stand out. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10];
/** Without a command list, at most this many distinct names are kept as labels. */
const MAX_COMMAND_LABELS = 50;

export class Metrics {
  readonly registry = new Registry();
  private readonly commands: Counter<'command' | 'platform' | 'outcome'>;
  private readonly duration: Histogram<'command' | 'platform'>;
  private readonly digestsPosted: Counter<'platform'>;
  private readonly digestsFailed: Counter<'platform' | 'kind'>;
  private readonly rateLimitWaits: Counter<'platform'>;
  private readonly rateLimitSeconds: Counter<'platform'>;
  private readonly corpusPapers: Gauge;
  private readonly corpusReloads: Counter<'outcome'>;
  private readonly sourcePapers: Counter<'source' | 'outcome'>;
  private readonly sourceErrors: Counter<'source' | 'kind'>;
  private readonly lastSourceSuccess = new Map<string, number>();
  private readonly known: Set<string> | undefined;
  private readonly seen = new Set<string>();

  constructor(options: MetricsOptions = {}) {
    const registers = [this.registry];
    this.known = options.commands ? new Set(options.commands) : undefined;
    this.commands = new Counter({ name: 'paperbot_commands_total', help: 'Commands handled, by outcome.', labelNames: ['command', 'platform', 'outcome'], registers });
    this.duration = new Histogram({ name: 'paperbot_command_duration_seconds', help: 'Time to produce a command reply.', labelNames: ['command', 'platform'], buckets: DURATION_BUCKETS, registers });
    this.digestsPosted = new Counter({ name: 'paperbot_digests_posted_total', help: 'Scheduled digests posted.', labelNames: ['platform'], registers });
    this.digestsFailed = new Counter({ name: 'paperbot_digests_failed_total', help: 'Scheduled digests that failed, by kind of failure.', labelNames: ['platform', 'kind'], registers });
    this.rateLimitWaits = new Counter({ name: 'paperbot_rate_limit_waits_total', help: 'Times a platform API asked us to wait (HTTP 429).', labelNames: ['platform'], registers });
    this.rateLimitSeconds = new Counter({ name: 'paperbot_rate_limit_wait_seconds_total', help: 'Seconds spent waiting on platform rate limits.', labelNames: ['platform'], registers });
    this.corpusPapers = new Gauge({ name: 'paperbot_corpus_papers', help: 'Papers in the library currently served.', registers });
    this.corpusReloads = new Counter({ name: 'paperbot_corpus_reloads_total', help: 'Corpus reload attempts, by outcome.', labelNames: ['outcome'], registers });
    this.sourcePapers = new Counter({ name: 'paperbot_source_papers_total', help: 'Papers from each source, by outcome: fetched, new, merged, unchanged, skipped.', labelNames: ['source', 'outcome'], registers });
    this.sourceErrors = new Counter({ name: 'paperbot_source_fetch_errors_total', help: 'Failed source runs, by kind: timeout, network, http_error, rate_limited, too_large, malformed.', labelNames: ['source', 'kind'], registers });
    const lastSuccess = this.lastSourceSuccess;
    new Gauge({
      name: 'paperbot_source_seconds_since_success',
      help: 'Seconds since each source last fetched without error (absent until its first success).',
      labelNames: ['source'],
      registers,
      collect() {
        for (const [source, at] of lastSuccess) this.set({ source }, Math.max(0, (Date.now() - at) / 1000));
      },
    });
    if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: this.registry });
  }

  /** Matches `BotOptions.onCommand`; an arrow so it can be passed without binding. */
  readonly commandFinished = (event: CommandEvent): void => {
    const labels = { command: this.commandLabel(event.command), platform: event.platform };
    this.commands.inc({ ...labels, outcome: event.outcome });
    // A refused (rate-limited) command did no work; its zero time would skew the latency.
    if (event.outcome !== 'rate_limited') this.duration.observe(labels, event.ms / 1000);
  };

  digestPosted(platform: string): void {
    this.digestsPosted.inc({ platform });
  }

  /** `kind` is a small fixed vocabulary such as `rate_limited`, `forbidden`, `not_found`, `error`. */
  digestFailed(platform: string, kind: string): void {
    this.digestsFailed.inc({ platform, kind });
  }

  rateLimitWait(platform: string, seconds: number): void {
    this.rateLimitWaits.inc({ platform });
    this.rateLimitSeconds.inc({ platform }, Math.max(0, seconds));
  }

  corpusLoaded(papers: number): void {
    this.corpusPapers.set(papers);
  }

  corpusReload(outcome: 'ok' | 'failed'): void {
    this.corpusReloads.inc({ outcome });
  }

  sourceFetched(source: string, counts: { fetched: number; added: number; merged: number; unchanged: number; skipped: number }): void {
    const outcomes = { fetched: counts.fetched, new: counts.added, merged: counts.merged, unchanged: counts.unchanged, skipped: counts.skipped };
    for (const [outcome, n] of Object.entries(outcomes)) this.sourcePapers.inc({ source, outcome }, n);
  }

  sourceFailed(source: string, kind: string): void {
    this.sourceErrors.inc({ source, kind });
  }

  sourceSucceeded(source: string, at: Date): void {
    this.lastSourceSuccess.set(source, at.getTime());
  }

  /** The exposition text and its content type, for `GET /metrics`. */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  private commandLabel(name: string): string {
    if (this.known) return this.known.has(name) ? name : 'other';
    if (this.seen.has(name)) return name;
    if (this.seen.size >= MAX_COMMAND_LABELS || !/^[\w-]{1,32}$/.test(name)) return 'other';
    this.seen.add(name);
    return name;
  }
}
