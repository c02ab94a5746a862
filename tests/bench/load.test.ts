/**
 * The benchmark's load guard counts what others do on the machine, not the benchmark's own
 * threads: a run whose anchors' thread keeps the second core busy is not a busy machine.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { LoadMonitor, othersCores, readCpuTicks, type CpuTicks } from '../../bench/lib/load.js';

/** A 2-core monitor on a quiet machine (load average 0.2 before the run), fed scripted readings, one per call, a second apart. */
function scripted(readings: CpuTicks[]): LoadMonitor {
  let i = 0;
  let t = 0;
  return new LoadMonitor({ cores: 2, loadAverage: () => 0.2, ticks: () => readings[Math.min(i++, readings.length - 1)], clock: () => (t += 1000) });
}

describe('others on the machine, in cores', () => {
  it('leaves out the benchmark itself, however many of its threads are busy', () => {
    // 2 cores, 100 ticks a second each: a second of wall time is 200 ticks in all.
    const before = { busy: 1000, total: 5000, own: 400 };
    expect(othersCores(before, { busy: 1200, total: 5200, own: 600 }, 2)).toBe(0); // both cores ours
    expect(othersCores(before, { busy: 1200, total: 5200, own: 500 }, 2)).toBe(1); // one ours, one someone else's
    expect(othersCores(before, { busy: 1180, total: 5200, own: 420 }, 2)).toBeCloseTo(1.6); // someone else on both
    expect(othersCores(before, before, 2)).toBe(0);
  });

  it('two busy threads of its own are no one else\'s; 1.6 cores of others make the run noisy', () => {
    const own = scripted([
      { busy: 0, total: 0, own: 0 },
      { busy: 200, total: 200, own: 200 },
      { busy: 400, total: 400, own: 398 },
    ]);
    expect(own.sample('a')).toBe(0);
    expect(own.sample('b')).toBeCloseTo(0.02);

    const busy = scripted([
      { busy: 0, total: 0, own: 0 },
      { busy: 190, total: 200, own: 30 },
    ]);
    expect(busy.sample('index 100k')).toBeCloseTo(1.6);
    const report = busy.report();
    expect(report.limit).toBe(1.5);
    expect(report.maxAt).toBe('index 100k');
    expect(report.noisy).toBe(true);
  });

  it('waits for a second between readings: ticks are 10 ms, so closer ones would be rounding', () => {
    let i = 0;
    const readings = [
      { busy: 0, total: 0, own: 0 },
      { busy: 3, total: 4, own: 0 }, // 20 ms later: 1.5 cores of others by rounding alone
      { busy: 100, total: 200, own: 100 },
    ];
    const times = [0, 20, 1000];
    const monitor = new LoadMonitor({ cores: 2, loadAverage: () => 0.2, ticks: () => readings[i], clock: () => times[i++]! });
    expect(monitor.sample('too soon')).toBe(0);
    expect(monitor.sample('a second on')).toBe(0);
  });
});

describe.runIf(existsSync('/proc/stat'))('read from /proc', () => {
  const spinFor = (ms: number) => `const end = Date.now() + ${ms}; while (Date.now() < end);`;
  const coresOver = async (work: () => Promise<unknown>) => {
    const before = readCpuTicks()!;
    await work();
    const after = readCpuTicks()!;
    const wall = (after.total - before.total) / cpus().length;
    return { own: (after.own - before.own) / wall, others: othersCores(before, after, cpus().length) };
  };

  it("counts a thread of this process as its own", async () => {
    const { own } = await coresOver(
      () => new Promise((resolve, reject) => new Worker(spinFor(1200), { eval: true }).once('exit', resolve).once('error', reject)),
    );
    // A core's worth, less what other work on a busy test machine takes of it.
    expect(own).toBeGreaterThan(0.3);
  });

  it("counts another process as others' while it runs", async () => {
    const child = spawn(process.execPath, ['-e', spinFor(3000)], { stdio: 'ignore' });
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const { others } = await coresOver(() => new Promise((resolve) => setTimeout(resolve, 1200)));
      expect(others).toBeGreaterThan(0.3);
    } finally {
      child.kill();
    }
  });
});
