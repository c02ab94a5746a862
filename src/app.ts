/**
 * Builds and starts every part of paperbot from a validated configuration, and registers each
 * part with the shutdown coordinator so it closes in reverse start-up order.
 */
import type { Readable, Writable } from 'node:stream';
import { dirname, join } from 'node:path';
import { createRegistry } from '../commands/index.js';
import type { Config } from './config/index.js';
import { Bot } from './core/bot.js';
import type { Platform } from './core/command.js';
import { SourceUnavailable } from './core/errors.js';
import type { PaperFetcher } from './core/library.js';
import { SourceError } from './sources/errors.js';
import type { Logger } from './core/logger.js';
import type { Poster } from './core/poster.js';
import { loadLibrary } from './load-library.js';
import { PACKAGE_VERSION } from './paths.js';
import { SourceHealth } from './sources/health.js';
import { createHfSource, type HfSource } from './sources/hf.js';
import { ingestBatch, seedsByTitle } from './sources/ingest.js';
import { arxivJob, hfJob, type SourceJob } from './sources/jobs.js';
import { createPoller } from './sources/poller.js';
import { addPapers } from './load-papers.js';
import type { Paper } from './corpus/paper.js';
import { describeError } from './core/safe-error.js';
import { VectorKeeper } from './embeddings/keeper.js';
import { loadSemantic, type SemanticLoad } from './embeddings/semantic-load.js';
import { LibraryHolder, Metrics, ShutdownCoordinator, reloadOnSignal, startOpsServer, watchCorpus } from './ops/index.js';
import { CONFIG_DIR } from './paths.js';
import { ConsolePoster } from './platforms/console/poster.js';
import { ansiStyle, plainStyle } from './platforms/console/render.js';
import { saveExport } from './platforms/console/save-file.js';
import { startConsole, type ConsoleSession } from './platforms/console/session.js';
import type { AnyAdapter } from './platforms/adapter.js';
import { pacingFor, platformAdapters } from './platforms/registry.js';
import { createScheduler, createSubscriptionService, loadThemes, type Scheduler } from './scheduler/index.js';
import { openStore, type Store } from './store/index.js';
import { startHousekeeping } from './replicas/housekeeping.js';
import { newReplicaId } from './replicas/identity.js';
import { createLeaseKeeper } from './replicas/lease-keeper.js';
import { changedPapers, followPapers } from './replicas/paper-feed.js';
import { sharedRateLimit } from './replicas/shared-rate-limit.js';

export interface AppIo {
  input: Readable;
  output: Writable & { isTTY?: boolean };
}

export interface App {
  bot: Bot;
  store: Store;
  scheduler: Scheduler;
  holder: LibraryHolder;
  metrics: Metrics;
  shutdown: ShutdownCoordinator;
  /** The console chat, in console mode. */
  console?: ConsoleSession;
  /** Bound port of the ops server, when enabled. */
  opsPort?: number;
}

export async function startApp(config: Config, logger: Logger, io: AppIo, adapters: readonly AnyAdapter[] = platformAdapters): Promise<App> {
  const shutdown = new ShutdownCoordinator();
  try {
    return await startParts(config, logger, io, shutdown, adapters);
  } catch (error) {
    // Undo what did start (a connected Discord client, the cron timer, an open database),
    // so a failed start ends the process instead of leaving a half-running bot.
    await shutdown.shutdown({ timeoutMs: 0 });
    throw error;
  }
}

async function startParts(config: Config, logger: Logger, io: AppIo, shutdown: ShutdownCoordinator, adapters: readonly AnyAdapter[]): Promise<App> {
  const registry = createRegistry();
  const metrics = new Metrics({ commands: registry.keys() });

  const store = await openStore({ databaseFile: config.databaseFile, ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}) }, logger);
  shutdown.onClose('database', () => store.close());
  // Several replicas may share the database: this one's name there, for the slots it claims and the leases it holds.
  const replicaId = newReplicaId();
  const failoverMs = config.failoverSeconds * 1000;
  logger.info({ replicaId, database: store.engine }, 'database open');

  // Read before the papers themselves: a save in between then reaches the library twice, never not at all.
  const papersFrom = await store.papers.lastChange();
  // Keeps the papers' vectors (semantic search) in step with the papers; its model follows each load.
  let keeper: VectorKeeper | undefined;
  const loads: SemanticLoad[] = [];
  // The seed corpus, with what sources have stored laid over it (read again on every reload), and semantic search's vectors.
  const load = async () => {
    const loaded = await loadSemantic(loadLibrary(config.dataDir, undefined, { cacheDir: config.cacheDir }), await store.papers.all(), {
      settings: config.embeddings,
      cacheDir: config.cacheDir,
      dataDir: config.dataDir,
      repo: store.embeddings,
      userAgent,
      logger,
      queryOptions: { onError: (error) => logger.warn({ err: describeError(error) }, 'no query vector from the embeddings endpoint; searching by words alone') },
    });
    const { provider, missing, ms } = loaded;
    logger.info({ model: provider.model, papers: loaded.loaded.library.papers.length, missing, retrained: loaded.retrained, ms: Math.round(ms.model + ms.vectors) }, 'semantic search ready');
    // The holder swaps the library in after this returns; the keeper follows then.
    if (keeper) setImmediate(() => void keeper?.afterLoad(loaded));
    else loads.push(loaded);
    return loaded.loaded;
  };
  const holder = await LibraryHolder.create(load, {
    logger,
    onReload: (outcome) => {
      metrics.corpusReload(outcome.ok ? 'ok' : 'failed');
      metrics.corpusLoaded(holder.current().papers.length);
    },
  });
  const { stats } = holder.corpus;
  metrics.corpusLoaded(holder.current().papers.length);
  logger.info({ papers: holder.current().papers.length, seedPapers: stats.papers, entries: stats.entries, duplicatesMerged: stats.duplicatesMerged, files: stats.files.length }, 'corpus loaded');
  for (const warning of stats.warnings) logger.warn({ file: warning.file, line: warning.line }, warning.message);

  keeper = new VectorKeeper({ repo: store.embeddings, holder, logger });
  shutdown.onClose('paper vectors', () => keeper?.stop());
  for (const first of loads.splice(0)) void keeper.afterLoad(first);

  // Papers any replica (or `paperbot ingest`) stores reach this one's search within seconds.
  const feed = followPapers({
    papers: store.papers,
    from: papersFrom,
    everyMs: PAPER_FEED_MS,
    logger,
    onPapers: (papers) => {
      const fresh = changedPapers(papers, (id) => holder.current().get(id));
      if (fresh.length === 0) return;
      holder.update((current) => addPapers(current, fresh));
      void keeper?.arrived(fresh);
      metrics.corpusLoaded(holder.current().papers.length);
    },
  });
  shutdown.onClose('paper feed', () => feed.stop());
  const housekeeping = startHousekeeping(store, config.rateLimit, logger);
  shutdown.onClose('housekeeping', () => housekeeping.stop());

  // Posters are filled in as platforms connect; the scheduler only reads the map when posting.
  const posters = new Map<Platform, Poster>();
  const scheduler = createScheduler({
    store,
    library: holder.current,
    posters,
    logger,
    graceMinutes: config.catchupGraceMinutes,
    pacing: pacingFor(adapters),
    // Shorter than the shutdown's per-part limit (5 s), so a hung post cannot make closing fail.
    stopTimeoutMs: 4000,
    replicaId,
    failoverMs,
    themes: loadThemes(join(CONFIG_DIR, 'themes.json')),
    hooks: {
      posted: (platform) => metrics.digestPosted(platform),
      failed: (platform, kind) => metrics.digestFailed(platform, kind),
      rateLimited: (platform, seconds) => metrics.rateLimitWait(platform, seconds),
    },
  });
  const subscriptions = createSubscriptionService({
    store,
    postNow: scheduler.postNow,
    defaultTimezone: config.timezone,
    defaultTime: config.digestTime,
  });
  const hf = config.sources.poll.includes('hf') ? createHfSource(hfOptions(config)) : undefined;
  const bot = new Bot({
    ...(hf ? { fetcher: paperFetcher(hf, store, holder, logger, (papers) => keeper?.stored(papers)) } : {}),
    registry,
    library: holder.current,
    logger,
    // Kept in the store, so replicas share each user's budget.
    limiter: sharedRateLimit(store.rateLimits, config.rateLimit, logger),
    unlimited: ['console'],
    subscriptions,
    userData: store,
    onCommand: metrics.commandFinished,
    accepting: () => shutdown.accepting,
    track: (work) => shutdown.track(work, 'command'),
  });

  const ready: Record<string, () => boolean> = {};
  for (const adapter of adapters) {
    if (!(adapter.name in config.chat)) continue;
    const platform = await adapter.start(config.chat[adapter.name], { bot, logger, listenHost: config.listenHost, dedupe: { first: (key) => store.requests.first(key, new Date()) } });
    shutdown.onClose(adapter.name, () => platform.stop());
    posters.set(adapter.name, platform.poster);
    ready[adapter.name] = platform.health;
  }

  let session: ConsoleSession | undefined;
  if (config.mode === 'console') {
    const style = io.output.isTTY ? ansiStyle : plainStyle;
    session = startConsole(bot, {
      input: io.input,
      output: io.output,
      style,
      saveFile: (file) => saveExport(join(dirname(config.databaseFile), 'exports'), file),
      banner: `paperbot console: ${holder.current().papers.length} papers loaded. Try /help, /search diffusion, /random, /digest contrastive or /subscribe diffusion 09:00. Press buttons by number; quit to leave.\n`,
    });
    posters.set('console', new ConsolePoster(session.print));
    shutdown.onClose('console', () => session?.close());
  }

  const sources = await startSources(config, hf, store, holder, metrics, logger, { replicaId, failoverMs }, (papers) => void keeper?.stored(papers));
  if (sources) shutdown.onClose('sources', () => sources.stop());

  // Registered before starting, so a failed start still stops the minute timer; closed before
  // the platforms and the database, so in-flight digests can finish.
  shutdown.onClose('scheduler', () => scheduler.stop());
  await scheduler.start();

  let opsPort: number | undefined;
  if (config.opsPort) {
    const ops = await startOpsServer({
      port: config.opsPort,
      host: config.listenHost,
      metrics,
      logger,
      checks: {
        corpus: () => ({ ok: holder.current().papers.length > 0, papers: holder.current().papers.length }),
        database: () => store.ping(),
        ...ready,
        accepting: () => shutdown.accepting,
        ...(sources ? { sources: () => sources.health() } : {}),
      },
    });
    opsPort = ops.port;
    shutdown.onClose('ops server', () => ops.close());
  }

  shutdown.onClose('corpus reload signal', reloadOnSignal(holder, { logger }));
  if (config.watchCorpus) {
    const watcher = watchCorpus(config.dataDir, holder, { logger });
    shutdown.onClose('corpus watcher', () => watcher.close());
  }
  // Only now: warming the library takes CPU that start-up needs more. Stopped at shutdown: at a
  // million papers the rest of it kept the process alive for seconds after `quit`.
  holder.warm();
  shutdown.onClose('library warm-up', () => holder.stopWarming());
  return { bot, store, scheduler, holder, metrics, shutdown, console: session, opsPort };
}

const userAgent = `paperbot/${PACKAGE_VERSION}`;
/** How often each replica looks for papers stored elsewhere. */
const PAPER_FEED_MS = 2000;
/** The lease under which one replica at a time runs the paper sources. */
const INGEST_LEASE = 'ingest';

function hfOptions(config: Config) {
  const { hfApiUrl, hfToken } = config.sources;
  return { baseUrl: hfApiUrl, userAgent, ...(hfToken ? { token: hfToken } : {}) };
}

/** `paper 2611.01234` for a paper not stored yet: Hugging Face's page for it, stored and served from then on. */
function paperFetcher(hf: HfSource, store: Store, holder: LibraryHolder, logger: Logger, embed: (papers: Paper[]) => Promise<void> | undefined): PaperFetcher {
  return {
    async byArxivId(arxivId) {
      // Already stored (by `paperbot ingest` while the bot runs): serve it without asking again.
      const known = await store.papers.byArxivId(arxivId);
      if (known && !holder.current().byArxivId(arxivId)) holder.update((current) => addPapers(current, [known]));
      if (known) return { paper: holder.current().byArxivId(arxivId) ?? known, library: holder.current() };
      let found;
      try {
        found = await hf.lookup(arxivId);
      } catch (error) {
        if (error instanceof SourceError) throw new SourceUnavailable();
        throw error;
      }
      if (!found) return undefined;
      // Not an arrival: a paper someone looked up is not news for new-papers digests.
      const { stored } = await ingestBatch({ papers: [found], warnings: [] }, store.papers, seedsByTitle(holder.corpus.papers), new Date(), { arrival: false });
      if (stored.length) holder.update((current) => addPapers(current, stored));
      // Its vector is saved in the background: the answer does not wait for it.
      if (stored.length) void embed(stored);
      logger.info({ arxivId }, 'paper looked up on demand');
      const library = holder.current();
      // While a corpus reload runs the new paper joins the library only after it: show the stored record meanwhile.
      const paper = library.byArxivId(arxivId) ?? (await store.papers.byArxivId(arxivId));
      return paper && { paper, library };
    },
  };
}

/**
 * The network paper sources the configuration asks for, polled in the background by one replica
 * at a time: the holder of the ingestion lease. Another replica takes the lease over within the
 * failover time when the holder dies, so the whole deployment stays within arXiv's request rate.
 * `hf` is the same client the on-demand lookups use: one set of validators and rate limits per source.
 */
async function startSources(
  config: Config,
  hf: HfSource | undefined,
  store: Store,
  holder: LibraryHolder,
  metrics: Metrics,
  logger: Logger,
  replica: { replicaId: string; failoverMs: number },
  embed: (papers: Paper[]) => void,
) {
  const settings = config.sources;
  if (settings.poll.length === 0) return undefined;
  const jobs: SourceJob[] = [];
  if (hf) jobs.push(hfJob(hf));
  if (settings.poll.includes('arxiv')) {
    // The XML parser is loaded only by a bot that polls arXiv.
    const { createArxivSource } = await import('./sources/arxiv.js');
    jobs.push(arxivJob(createArxivSource({ baseUrl: settings.arxivApiUrl, categories: settings.arxivCategories, userAgent })));
  }
  // Started afresh whenever this replica takes the sources over: it has no failures to report before that.
  const newHealth = () => new SourceHealth(settings.poll, settings.staleAfterSeconds * 1000);
  let health = newHealth();
  const poller = createPoller({
    jobs,
    repo: store.papers,
    seeds: () => seedsByTitle(holder.corpus.papers),
    intervalMs: settings.intervalSeconds * 1000,
    logger,
    onStored: (papers) => {
      holder.update((current) => addPapers(current, papers));
      embed(papers);
      metrics.corpusLoaded(holder.current().papers.length);
    },
    hooks: {
      fetched: (source, counts) => metrics.sourceFetched(source, counts),
      failed: (source, kind) => {
        metrics.sourceFailed(source, kind);
        health.failed(source);
      },
      succeeded: (source, at) => {
        metrics.sourceSucceeded(source, at);
        health.succeeded(source, at);
      },
    },
  });
  const lease = createLeaseKeeper({
    leases: store.leases,
    name: INGEST_LEASE,
    holder: replica.replicaId,
    ttlMs: replica.failoverMs,
    logger,
    onChange: (held) => {
      if (held) {
        health = newHealth();
        poller.start();
        logger.info({ replicaId: replica.replicaId, sources: settings.poll }, 'this replica runs the paper sources');
      } else {
        poller.stop();
        logger.info({ replicaId: replica.replicaId }, 'this replica no longer runs the paper sources');
      }
    },
  });
  await lease.start();
  return {
    health: () => (lease.held() ? health.check() : { ok: true, degraded: false, sources: 'run by another replica' }),
    async stop() {
      poller.stop();
      await lease.stop();
    },
  };
}
