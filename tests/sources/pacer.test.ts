import { describe, expect, it } from 'vitest';
import { Pacer } from '../../src/sources/pacer.js';
import { fakeTime } from './helpers.js';

describe('Pacer', () => {
  it('waits only for what is left of the interval since the previous start', async () => {
    const time = fakeTime(0);
    const pacer = new Pacer(3000, time.now, time.sleep);
    const starts: number[] = [];
    // Each task "takes" 1000 ms of clock time, so only 2000 ms are left to wait.
    const task = async (): Promise<void> => {
      starts.push(time.now());
      await time.sleep(1000);
    };

    await pacer.run(task);
    await pacer.run(task);
    await time.sleep(5000);
    await pacer.run(task);

    expect(starts).toEqual([0, 3000, 9000]);
    expect(time.sleeps).toEqual([1000, 2000, 1000, 5000, 1000]);
  });

  it('runs queued tasks one at a time, in order, even when one fails', async () => {
    const time = fakeTime(0);
    const pacer = new Pacer(10, time.now, time.sleep);
    const events: string[] = [];
    const task = (name: string, fail = false) => async (): Promise<string> => {
      events.push(`start ${name}`);
      await new Promise((resolve) => setImmediate(resolve));
      events.push(`end ${name}`);
      if (fail) throw new Error(name);
      return name;
    };

    const results = await Promise.allSettled([pacer.run(task('a')), pacer.run(task('b', true)), pacer.run(task('c'))]);

    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(events).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(time.sleeps).toEqual([10, 10]);
  });
});
