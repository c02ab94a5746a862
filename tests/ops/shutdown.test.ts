import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../src/core/logger.js';
import { ShutdownCoordinator, ShuttingDownError, installSignalHandlers } from '../../src/ops/shutdown.js';

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('ShutdownCoordinator', () => {
  it('GIVEN in-flight work THEN waits for it before running closers', async () => {
    const events: string[] = [];
    const coordinator = new ShutdownCoordinator();
    coordinator.onClose('database', () => void events.push('database closed'));
    const work = deferred();
    const command = coordinator.run(async () => {
      await work.promise;
      events.push('command finished');
    }, 'search');

    const done = coordinator.shutdown({ timeoutMs: 1000 });
    expect(coordinator.accepting).toBe(false);
    await tick();
    expect(events).toEqual([]);
    work.resolve();
    const report = await done;
    await command;
    expect(events).toEqual(['command finished', 'database closed']);
    expect(report.unfinished).toEqual([]);
  });

  it('refuses new work once shutdown has begun', async () => {
    const coordinator = new ShutdownCoordinator();
    void coordinator.shutdown({ timeoutMs: 10 });
    const fn = vi.fn(async () => 1);
    await expect(coordinator.run(fn)).rejects.toBeInstanceOf(ShuttingDownError);
    expect(fn).not.toHaveBeenCalled();
  });

  it('gives up on in-flight work after the timeout and reports what was left', async () => {
    const coordinator = new ShutdownCoordinator();
    coordinator.track(new Promise(() => {}), 'digest #general');
    void coordinator.run(() => new Promise(() => {}), 'search');
    void coordinator.run(async () => 'quick', 'paper');
    const started = Date.now();
    const report = await coordinator.shutdown({ timeoutMs: 50 });
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(45);
    expect(elapsed).toBeLessThan(1000);
    expect(report.unfinished.sort()).toEqual(['digest #general', 'search']);
  });

  it('runs closers in reverse registration order', async () => {
    const order: string[] = [];
    const coordinator = new ShutdownCoordinator();
    for (const name of ['database', 'ops server', 'scheduler', 'discord']) {
      coordinator.onClose(name, async () => {
        await tick();
        order.push(name);
      });
    }
    const report = await coordinator.shutdown({ timeoutMs: 100 });
    expect(order).toEqual(['discord', 'scheduler', 'ops server', 'database']);
    expect(report.closed).toEqual(order);
  });

  it('keeps closing when one closer throws or hangs', async () => {
    const closed: string[] = [];
    const coordinator = new ShutdownCoordinator();
    coordinator.onClose('database', () => void closed.push('database'));
    coordinator.onClose('scheduler', () => new Promise(() => {}));
    coordinator.onClose('slack', () => {
      throw new Error('socket already closed');
    });
    const report = await coordinator.shutdown({ timeoutMs: 100, closerTimeoutMs: 30 });
    expect(closed).toEqual(['database']);
    expect(report.failedClosers).toEqual([
      { name: 'slack', error: 'socket already closed' },
      { name: 'scheduler', error: 'did not close within 30 ms' },
    ]);
  });

  it('returns the same result when asked twice, running closers once', async () => {
    const close = vi.fn();
    const coordinator = new ShutdownCoordinator();
    coordinator.onClose('db', close);
    const [a, b] = await Promise.all([coordinator.shutdown({ timeoutMs: 10 }), coordinator.shutdown({ timeoutMs: 10 })]);
    expect(a).toBe(b);
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('passes results and errors of tracked work through to the caller', async () => {
    const coordinator = new ShutdownCoordinator();
    await expect(coordinator.run(async () => 42)).resolves.toBe(42);
    await expect(coordinator.run(async () => Promise.reject(new Error('nope')))).rejects.toThrow('nope');
    expect(coordinator.pending).toBe(0);
  });
});

describe('installSignalHandlers', () => {
  it('shuts down on the first signal and exits at once on the second', async () => {
    const target = new EventEmitter();
    const exit = vi.fn();
    const coordinator = new ShutdownCoordinator();
    const work = deferred();
    void coordinator.run(() => work.promise);
    const uninstall = installSignalHandlers(coordinator, silentLogger, { target: target as unknown as NodeJS.Process, exit, timeoutMs: 1000 });

    target.emit('SIGTERM', 'SIGTERM');
    expect(coordinator.accepting).toBe(false);
    await tick();
    expect(exit).not.toHaveBeenCalled();
    target.emit('SIGINT', 'SIGINT');
    expect(exit).toHaveBeenCalledWith(130);

    work.resolve();
    await coordinator.shutdown({ timeoutMs: 0 });
    await tick();
    expect(exit).toHaveBeenLastCalledWith(0);
    uninstall();
    expect(target.listenerCount('SIGTERM')).toBe(0);
  });

  it('exits with 1 when work was left unfinished', async () => {
    const target = new EventEmitter();
    const exit = vi.fn();
    const coordinator = new ShutdownCoordinator();
    coordinator.track(new Promise(() => {}), 'stuck');
    installSignalHandlers(coordinator, silentLogger, { target: target as unknown as NodeJS.Process, exit, timeoutMs: 20 });
    target.emit('SIGTERM', 'SIGTERM');
    await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(1));
  });
});
