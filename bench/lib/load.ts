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

/** Above this share of the cores busy in the last minute, timings are taken under load (the monitor's limit too). */
export const NOISY_SHARE = 0.75;

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
  readonly limit = NOISY_SHARE * this.cores;
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

/** One reading of the 1-, 5- and 15-minute load averages, for benchmarks that report them as they are. */
export interface LoadReading {
  load1: number;
  load5: number;
  load15: number;
  cores: number;
}

export function readLoad(): LoadReading {
  const [load1 = 0, load5 = 0, load15 = 0] = loadavg();
  return { load1, load5, load15, cores: cpus().length };
}

/** On 2 cores: a 1-minute load above 1.5. */
export function isNoisy(reading: Pick<LoadReading, 'load1' | 'cores'>): boolean {
  return reading.load1 > NOISY_SHARE * reading.cores;
}

export function describeLoad(reading: LoadReading): string {
  const figures = `load average ${reading.load1.toFixed(2)} / ${reading.load5.toFixed(2)} / ${reading.load15.toFixed(2)} on ${reading.cores} cores`;
  return isNoisy(reading) ? `${figures}: NOISY (1-minute load above ${(NOISY_SHARE * reading.cores).toFixed(1)})` : figures;
}
