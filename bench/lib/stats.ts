/** Timing and summary helpers shared by the benchmarks. */

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

export function summarize(samples: readonly number[]): Summary {
  const s = [...samples].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), max: s[s.length - 1] ?? NaN };
}

export function median(samples: readonly number[]): number {
  return percentile([...samples].sort((a, b) => a - b), 50);
}

/** Milliseconds taken by `fn`, and its result. */
export function time<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

/** CPU milliseconds (user + system, every thread of the process: GC included) and wall milliseconds taken by `fn`, and its result. */
export function cpuTime<T>(fn: () => T): { cpuMs: number; ms: number; value: T } {
  const cpu = process.cpuUsage();
  const { ms, value } = time(fn);
  const used = process.cpuUsage(cpu);
  return { cpuMs: (used.user + used.system) / 1000, ms, value };
}

/** Relative spread of repeated measurements: (max − min) / median. */
export function spread(samples: readonly number[]): number {
  return samples.length < 2 ? 0 : (Math.max(...samples) - Math.min(...samples)) / median(samples);
}

export function fmt(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  return ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2);
}

export function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

/** 0 .. n-1 in an order drawn from `random` (Fisher–Yates). */
export function shuffled(n: number, random: () => number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}
