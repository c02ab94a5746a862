/**
 * Runs tasks one at a time and starts each at least `minIntervalMs` after the previous one
 * started: arXiv asks for one request every 3 seconds over a single connection.
 */
export class Pacer {
  private queue: Promise<unknown> = Promise.resolve();
  private lastStart: number | undefined;

  constructor(
    private readonly minIntervalMs: number,
    private readonly now: () => number,
    private readonly sleep: (ms: number) => Promise<void>,
  ) {}

  run<T>(task: () => Promise<T>): Promise<T> {
    const turn = this.queue.then(() => this.start(task));
    // The next task waits for this one to settle, whether it succeeded or not.
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async start<T>(task: () => Promise<T>): Promise<T> {
    if (this.lastStart !== undefined) {
      const wait = this.lastStart + this.minIntervalMs - this.now();
      if (wait > 0) await this.sleep(wait);
    }
    this.lastStart = this.now();
    return task();
  }
}
