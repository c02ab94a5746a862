/**
 * The machine's load during a benchmark run. Other work on the machine shares the cores with the
 * benchmark and inflates every figure, tails most, so a run on a busy machine must not pass for a
 * measurement. The run refuses to start when the 1-minute load average is over 0.75 × cores (1.5
 * on 2 cores), and refuses to write results when, between any two samples taken between (and
 * inside) its steps, others used more than that many cores. `--allow-noisy` (or
 * BENCH_ALLOW_NOISY=1, for CI) runs anyway and marks every output as noisy.
 *
 * Others' use is the CPU time the whole machine spent busy (Linux's /proc/stat, steal included:
 * a neighbour on the host) less the time this process spent (every thread, and the children it
 * has waited for), over the wall time between samples. The load average cannot tell the
 * benchmark's own threads from others': the anchors' thread and V8's collector threads counted as
 * others' load, and runs on a quiet machine were refused. Where /proc is missing, the 1-minute
 * load average less one (the benchmark's main thread) stands in.
 */
import { readFileSync } from 'node:fs';
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

/** Cumulative CPU time in clock ticks: the machine's, busy and in all, and this process's own. */
export interface CpuTicks {
  busy: number;
  total: number;
  own: number;
}

/** Reads /proc/stat and /proc/self/stat; undefined where they do not exist (not Linux). */
export function readCpuTicks(): CpuTicks | undefined {
  try {
    // cpu user nice system idle iowait irq softirq steal (guest time is inside user)
    const machine = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
    const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = machine;
    // After the command name (which may hold spaces, hence the last ')'): fields 14-17 are utime stime cutime cstime.
    const self = readFileSync('/proc/self/stat', 'utf8');
    const fields = self.slice(self.lastIndexOf(')') + 2).split(' ').map(Number);
    const own = fields.slice(11, 15).reduce((a, b) => a + b, 0);
    const busy = user + nice + system + irq + softirq + steal;
    if (![busy, own].every(Number.isFinite)) return undefined;
    return { busy, total: busy + idle + iowait, own };
  } catch {
    return undefined;
  }
}

/** Cores others kept busy between two readings: the machine's busy time less this process's, over the wall time. */
export function othersCores(before: CpuTicks, after: CpuTicks, cores: number): number {
  const wall = (after.total - before.total) / cores;
  if (wall <= 0) return 0;
  return Math.max(0, (after.busy - before.busy - (after.own - before.own)) / wall);
}

/** Shortest time between two samples that count. */
const MIN_SAMPLE_MS = 1000;

export interface LoadMonitorOptions {
  /** The machine's and this process's CPU time; /proc by default. */
  ticks?: () => CpuTicks | undefined;
  /** Milliseconds, for the spacing of samples. */
  clock?: () => number;
  cores?: number;
  /** The 1-minute load average, read once, before the run. */
  loadAverage?: () => number;
}

export class LoadMonitor {
  readonly cores: number;
  readonly limit: number;
  private readonly values: number[] = [];
  private maxAt = 'start';
  private readonly atStart: number;
  private readonly ticks: () => CpuTicks | undefined;
  private readonly clock: () => number;
  private last: CpuTicks | undefined;
  private lastAt: number;

  constructor(options: LoadMonitorOptions = {}) {
    this.cores = options.cores ?? cpus().length;
    this.limit = NOISY_SHARE * this.cores;
    this.ticks = options.ticks ?? readCpuTicks;
    this.clock = options.clock ?? (() => performance.now());
    this.atStart = (options.loadAverage ?? (() => loadavg()[0]!))();
    this.last = this.ticks();
    this.lastAt = this.clock();
  }

  /** Others' load since the previous sample, in cores (see the top of this file). */
  sample(where: string): number {
    const now = this.ticks();
    let value: number;
    if (now && this.last) {
      // Readings a moment apart are mostly rounding (a tick is 10 ms): wait for a second's worth.
      if (this.clock() - this.lastAt < MIN_SAMPLE_MS) return this.values[this.values.length - 1] ?? 0;
      value = othersCores(this.last, now, this.cores);
      this.last = now;
      this.lastAt = this.clock();
    } else {
      value = Math.max(0, loadavg()[0]! - 1);
    }
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
