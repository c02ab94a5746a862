/** Test helpers for the paper sources: a fake clock, fake-server lifecycle, error capture. */
import { afterEach } from 'vitest';
import { SourceError } from '../../src/sources/errors.js';
import type { ScriptedServer } from '../fakes/scripted-server.js';

export interface FakeTime {
  now: () => number;
  /** Records the wait and moves the clock on by it, without really waiting. */
  sleep: (ms: number) => Promise<void>;
  /** Every wait asked for, in order. */
  sleeps: number[];
}

export function fakeTime(start = Date.UTC(2025, 0, 15, 12)): FakeTime {
  let clock = start;
  const sleeps: number[] = [];
  return {
    now: () => clock,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock += ms;
    },
    sleeps,
  };
}

/** Registers an afterEach that closes every fake started through the returned function. */
export function useFakes(): (fake: ScriptedServer) => Promise<string> {
  const open: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((close) => close()));
  });
  return async (fake) => {
    const { url, close } = await fake.start();
    open.push(close);
    return url;
  };
}

/** The SourceError a promise rejects with; fails the test when it resolves or rejects otherwise. */
export async function sourceError(promise: Promise<unknown>): Promise<SourceError> {
  const outcome = await promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if (!('error' in outcome)) throw new Error(`expected a SourceError, got a result: ${JSON.stringify(outcome.value)?.slice(0, 200)}`);
  if (!(outcome.error instanceof SourceError)) throw outcome.error;
  return outcome.error;
}
