/**
 * Graceful shutdown: stop taking new work, let in-flight commands and digests finish (within a
 * deadline), then close the parts in the reverse order they were opened (adapters, scheduler, ops
 * server, database), so nothing is closed under work that still needs it.
 */
import type { Logger } from '../core/logger.js';

export class ShuttingDownError extends Error {
  constructor() {
    super('paperbot is shutting down and takes no new work');
    this.name = 'ShuttingDownError';
  }
}

export interface ShutdownReport {
  /** Labels of tracked work still running when the deadline passed. */
  unfinished: string[];
  /** Closers that threw or did not finish in time; the others still ran. */
  failedClosers: { name: string; error: string }[];
  /** Closer names in the order they ran. */
  closed: string[];
  ms: number;
}

interface Closer {
  name: string;
  close: () => void | Promise<void>;
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export class ShutdownCoordinator {
  private readonly inFlight = new Map<Promise<unknown>, string>();
  private readonly closers: Closer[] = [];
  private done: Promise<ShutdownReport> | undefined;

  /** False once shutdown has begun; adapters can answer "restarting, try again" instead of starting work. */
  get accepting(): boolean {
    return this.done === undefined;
  }

  get pending(): number {
    return this.inFlight.size;
  }

  /** Registers a closer; closers run in reverse registration order, so register in start-up order. */
  onClose(name: string, close: () => void | Promise<void>): void {
    this.closers.push({ name, close });
  }

  /** Counts `promise` as in-flight until it settles; returns it unchanged (errors still reach the caller). */
  track<T>(promise: Promise<T>, label = 'work'): Promise<T> {
    const settled = promise.then(
      () => undefined,
      () => undefined,
    );
    this.inFlight.set(settled, label);
    void settled.then(() => this.inFlight.delete(settled));
    return promise;
  }

  /** Starts `fn` as tracked work, or throws `ShuttingDownError` once shutdown has begun. */
  run<T>(fn: () => Promise<T>, label = 'work'): Promise<T> {
    if (!this.accepting) return Promise.reject(new ShuttingDownError());
    return this.track(Promise.resolve().then(fn), label);
  }

  /**
   * Stops accepting, waits up to `timeoutMs` for in-flight work, then runs every closer (each
   * bounded by `closerTimeoutMs`). Calling it again returns the same result.
   */
  shutdown(options: { timeoutMs: number; closerTimeoutMs?: number }): Promise<ShutdownReport> {
    this.done ??= this.stop(options.timeoutMs, options.closerTimeoutMs ?? 5000);
    return this.done;
  }

  private async stop(timeoutMs: number, closerTimeoutMs: number): Promise<ShutdownReport> {
    const started = Date.now();
    const drained = Promise.all([...this.inFlight.keys()]).then(() => true);
    await withTimeout(drained, timeoutMs, 'deadline').catch(() => false);
    const unfinished = [...this.inFlight.values()];

    const closed: string[] = [];
    const failedClosers: ShutdownReport['failedClosers'] = [];
    for (const { name, close } of [...this.closers].reverse()) {
      try {
        await withTimeout(Promise.resolve().then(close), closerTimeoutMs, `did not close within ${closerTimeoutMs} ms`);
      } catch (error) {
        // One stuck or broken part must not keep the database from being closed.
        failedClosers.push({ name, error: error instanceof Error ? error.message : String(error) });
      }
      closed.push(name);
    }
    return { unfinished, failedClosers, closed, ms: Date.now() - started };
  }
}

type SignalTarget = Pick<NodeJS.Process, 'on' | 'off'>;

export interface SignalOptions {
  timeoutMs?: number;
  signals?: NodeJS.Signals[];
  /** Injected for tests; defaults to the real process. */
  target?: SignalTarget;
  exit?: (code: number) => void;
}

/**
 * SIGTERM/SIGINT start a graceful shutdown and exit when it is done (1 if work was left behind or a
 * closer failed). A second signal exits at once, for an operator who does not want to wait.
 * Returns a function that removes the handlers.
 */
export function installSignalHandlers(coordinator: ShutdownCoordinator, logger: Logger, options: SignalOptions = {}): () => void {
  const target = options.target ?? process;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  let received = false;

  const handler = (signal: NodeJS.Signals) => {
    if (received) {
      logger.warn({ signal }, 'second signal: exiting without waiting');
      exit(130);
      return;
    }
    received = true;
    logger.info({ signal, pending: coordinator.pending }, 'shutting down');
    coordinator.shutdown({ timeoutMs: options.timeoutMs ?? 10_000 }).then(
      (report) => {
        const clean = report.unfinished.length === 0 && report.failedClosers.length === 0;
        (clean ? logger.info : logger.warn).call(logger, { ...report }, clean ? 'shut down cleanly' : 'shut down with work left over');
        exit(clean ? 0 : 1);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        exit(1);
      },
    );
  };
  for (const signal of signals) target.on(signal, handler);
  return () => {
    for (const signal of signals) target.off(signal, handler);
  };
}
