/** The machine's load average, read before and after a benchmark, and whether it makes the figures noisy. */
import { cpus, loadavg } from 'node:os';

export interface LoadReading {
  /** 1-, 5- and 15-minute load averages. */
  load1: number;
  load5: number;
  load15: number;
  cores: number;
}

/** Above this share of the cores busy in the last minute, timings are taken under load. */
export const NOISY_SHARE = 0.75;

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
