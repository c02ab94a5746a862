/**
 * The machine's load during a benchmark run. Other work on the machine shares the cores with the
 * benchmark and inflates every figure, tails most, so a run on a busy machine must not pass for a
 * measurement. The 1-minute load average is sampled before the run and between (and inside) its
 * steps. The run refuses to start, and to write results, when others' load goes over the limit:
 * 0.75 × cores (1.5 on 2 cores) before the run, and during it the same plus 1 for the benchmark's
 * own busy thread. `--allow-noisy` (or BENCH_ALLOW_NOISY=1, for CI) runs anyway and marks every
 * output as noisy.
 */
import { cpus, loadavg } from 'node:os';

export interface LoadReport {
  cores: number;
  /** Limit on the load of everything else on the machine. */
  limit: number;
  atStart: number;
  max: number;
  mean: number;
  samples: number;
  /** The limit was exceeded (before or during the run). */
  noisy: boolean;
  /** Where the highest sample was taken. */
  maxAt: string;
}

export class LoadMonitor {
  readonly cores = cpus().length;
  readonly limit = 0.75 * this.cores;
  private readonly values: number[] = [];
  private maxAt = 'start';
  private readonly atStart: number;

  constructor() {
    this.atStart = loadavg()[0]!;
  }

  /** Others' load now: the 1-minute average less one for the benchmark's own thread. */
  sample(where: string): number {
    const value = Math.max(0, loadavg()[0]! - 1);
    if (this.values.length === 0 || value > Math.max(...this.values)) this.maxAt = where;
    this.values.push(value);
    return value;
  }

  startTooHigh(): boolean {
    return this.atStart > this.limit;
  }

  report(): LoadReport {
    const max = Math.max(this.atStart, ...this.values);
    const mean = this.values.length ? this.values.reduce((a, b) => a + b, 0) / this.values.length : this.atStart;
    return { cores: this.cores, limit: this.limit, atStart: this.atStart, max, mean, samples: this.values.length, noisy: max > this.limit, maxAt: max === this.atStart ? 'start' : this.maxAt };
  }
}

/** The process-wide monitor: the steps sample it as they go. */
export const load = new LoadMonitor();
