/**
 * Holds the library the bot serves and swaps it for a freshly built one on reload. The swap is a
 * single assignment after a successful build, so a command sees either the old library or the new
 * one, never a half-built one; a failed reload keeps serving the old corpus.
 */
import type { PaperLibrary } from '../core/library.js';
import { silentLogger, type Logger } from '../core/logger.js';
import type { Corpus, CorpusWarning } from '../corpus/paper.js';

/** What `loadLibrary(dataDir)` in src/load-library.ts returns. */
export interface LoadedCorpus {
  corpus: Corpus;
  library: PaperLibrary;
}

export type CorpusLoader = () => LoadedCorpus | Promise<LoadedCorpus>;

export type ReloadOutcome =
  | { ok: true; papers: number; previousPapers: number; warnings: CorpusWarning[]; ms: number }
  | { ok: false; error: string; papers: number; warnings: CorpusWarning[]; ms: number };

export interface LibraryHolderOptions {
  logger?: Logger;
  /** Called after every reload attempt (metrics, alerts). */
  onReload?: (outcome: ReloadOutcome) => void;
}

export class CorpusLoadError extends Error {
  constructor(
    message: string,
    readonly warnings: CorpusWarning[] = [],
  ) {
    super(message);
    this.name = 'CorpusLoadError';
  }
}

/**
 * Why a freshly loaded corpus must not replace the one being served, or undefined when it may.
 * The loader turns an unreadable file into a warning and carries on; on a reload that usually means
 * a file caught half-written or broken by an edit, so with `strict` a corpus file that yields no
 * papers and has warnings rejects the whole reload.
 */
export function rejectionReason(corpus: Corpus, strict: boolean): string | undefined {
  if (corpus.papers.length === 0) return 'the corpus has no papers';
  if (!strict) return undefined;
  const entries = new Map(corpus.stats.files.map((f) => [f.file, f.entries]));
  const broken = corpus.stats.warnings.find((w) => w.file.endsWith('.txt') && (entries.get(w.file) ?? 0) === 0);
  return broken && `${broken.file}${broken.line === undefined ? '' : `:${broken.line}`}: ${broken.message}`;
}

async function loadChecked(load: CorpusLoader, strict: boolean): Promise<LoadedCorpus> {
  let loaded: LoadedCorpus;
  try {
    loaded = await load();
  } catch (error) {
    throw new CorpusLoadError(error instanceof Error ? error.message : String(error));
  }
  const reason = rejectionReason(loaded.corpus, strict);
  if (reason) throw new CorpusLoadError(reason, loaded.corpus.stats.warnings);
  return loaded;
}

export class LibraryHolder {
  private loaded: LoadedCorpus;
  private running: Promise<ReloadOutcome> | undefined;
  private queued: Promise<ReloadOutcome> | undefined;
  private readonly log: Logger;
  /** The warm-up of the library being served, stopped when another replaces it or the bot stops. */
  private warming: AbortController | undefined;
  private warmingStopped = false;

  private constructor(
    private readonly load: CorpusLoader,
    first: LoadedCorpus,
    private readonly options: LibraryHolderOptions,
  ) {
    this.loaded = first;
    this.log = options.logger ?? silentLogger;
  }

  /**
   * Warms the library being served, once the caller has returned (the app calls this when it has
   * started, so that warming never delays start-up). Libraries swapped in later are warmed as
   * they arrive.
   */
  warm(): void {
    this.warmServed();
  }

  /** Stops warming for good (the bot is shutting down): the warm-up's next step does not run. */
  stopWarming(): void {
    this.warmingStopped = true;
    this.warming?.abort();
  }

  /**
   * Warms the library being served once the code that swapped it in has returned (see
   * PaperLibrary.warm). The library it replaced needs no more warming: its warm-up stops.
   */
  private warmServed(): void {
    this.warming?.abort();
    if (this.warmingStopped) return;
    const warming = (this.warming = new AbortController());
    const { library } = this.loaded;
    setImmediate(() => {
      if (!warming.signal.aborted) void library.warm?.(warming.signal);
    });
  }

  /**
   * Loads the first corpus. Throws `CorpusLoadError` when loading fails or finds no papers; broken
   * files are only warnings here, since there is no older corpus to fall back on.
   */
  static async create(load: CorpusLoader, options: LibraryHolderOptions = {}): Promise<LibraryHolder> {
    return new LibraryHolder(load, await loadChecked(load, false), options);
  }

  /** The library being served; pass it as `BotOptions.library`. */
  readonly current = (): PaperLibrary => this.loaded.library;

  /** Everything the loader gave for the library being served (its index and vectors, in the app). */
  readonly served = (): LoadedCorpus => this.loaded;

  get corpus(): Corpus {
    return this.loaded.corpus;
  }

  /**
   * Swaps in a library derived from the one being served (new papers from a source). While a
   * reload runs, its result would drop the change, so another reload is queued instead: it reads
   * the store, where the papers already are.
   */
  update(derive: (current: LoadedCorpus) => LoadedCorpus): void {
    if (this.running) {
      void this.reload();
      return;
    }
    this.loaded = derive(this.loaded);
    this.warmServed();
  }

  /**
   * Re-reads the corpus and swaps it in on success. Concurrent calls are coalesced: a reload asked
   * for while one runs starts once more after it, so the last change to the files is always picked up.
   */
  reload(): Promise<ReloadOutcome> {
    if (!this.running) {
      this.running = this.reloadOnce().finally(() => (this.running = undefined));
      return this.running;
    }
    this.queued ??= this.running.then(() => {
      this.queued = undefined;
      return this.reload();
    });
    return this.queued;
  }

  private async reloadOnce(): Promise<ReloadOutcome> {
    // Let the signal handler or watcher that asked return before the CPU-bound parse starts.
    await new Promise((resolve) => setImmediate(resolve));
    const started = performance.now();
    const previousPapers = this.loaded.corpus.papers.length;
    let outcome: ReloadOutcome;
    try {
      const next = await loadChecked(this.load, true);
      this.loaded = next;
      this.warmServed();
      const warnings = next.corpus.stats.warnings;
      outcome = { ok: true, papers: next.corpus.papers.length, previousPapers, warnings, ms: performance.now() - started };
      this.log.info({ papers: outcome.papers, previousPapers, warnings: warnings.length, ms: Math.round(outcome.ms) }, 'corpus reloaded');
    } catch (error) {
      const warnings = error instanceof CorpusLoadError ? error.warnings : [];
      const message = error instanceof Error ? error.message : String(error);
      outcome = { ok: false, error: message, papers: previousPapers, warnings, ms: performance.now() - started };
      this.log.warn({ error: message, papers: previousPapers }, 'corpus reload failed; still serving the previous corpus');
    }
    try {
      this.options.onReload?.(outcome);
    } catch (error) {
      this.log.error({ err: error }, 'onReload listener failed');
    }
    return outcome;
  }
}
