import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Platform } from '../../src/core/command.js';
import type { Poster, PostOptions, PostOutcome } from '../../src/core/poster.js';
import type { Reply } from '../../src/core/reply.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite.js';
import type { SubscriptionInput } from '../../src/store/types.js';
import { createScheduler, type Scheduler, type SchedulerOptions } from '../../src/scheduler/scheduler.js';
import { loadLibrary } from '../../src/load-library.js';
import { DEFAULT_DATA_DIR } from '../../src/paths.js';
import type { PaperLibrary } from '../../src/core/library.js';

let cached: PaperLibrary | undefined;
/** The real corpus and library, loaded once per test file. */
export function realLibrary(): PaperLibrary {
  // No snapshot cache: its default folder is var/cache inside the checkout, and these tests are not about caching.
  cached ??= loadLibrary(DEFAULT_DATA_DIR, undefined, { cacheDir: false }).library;
  return cached;
}

/** A temp folder for database files, removed after the test file. */
export function tempDir(): { path: (name?: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'paperbot-store-'));
  return { path: (name = 'paperbot.db') => join(dir, name), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export class FakeClock {
  constructor(public ms: number) {}
  static at(iso: string): FakeClock {
    return new FakeClock(Date.parse(iso));
  }
  now = (): Date => new Date(this.ms);
  set(iso: string): Date {
    this.ms = Date.parse(iso);
    return this.now();
  }
  advance(ms: number): Date {
    this.ms += ms;
    return this.now();
  }
}

export interface SentPost {
  channelId: string;
  reply: Reply;
  key: string;
  /** Asked to post the papers in a thread. */
  thread?: boolean;
}

/** A Poster that answers from a per-channel script (then `ok`) and records every call. */
export class ScriptedPoster implements Poster {
  readonly calls: SentPost[] = [];
  readonly posted: SentPost[] = [];
  private readonly scripts = new Map<string, PostOutcome[]>();
  /** Optional gate: a post to this channel waits for the promise. */
  readonly gates = new Map<string, Promise<void>>();

  constructor(readonly platform: Platform = 'discord') {}

  script(channelId: string, ...outcomes: PostOutcome[]): this {
    this.scripts.set(channelId, outcomes);
    return this;
  }

  async post(channelId: string, reply: Reply, options: PostOptions): Promise<PostOutcome> {
    const call = { channelId, reply, key: options.idempotencyKey, ...(options.thread ? { thread: true } : {}) };
    this.calls.push(call);
    await this.gates.get(channelId);
    const outcome = this.scripts.get(channelId)?.shift() ?? { ok: true, messageId: `m${this.calls.length}` };
    if (outcome.ok) this.posted.push(call);
    return outcome;
  }
}

export function subInput(fields: Partial<SubscriptionInput> = {}): SubscriptionInput {
  return {
    platform: 'discord',
    channelId: 'chan-1',
    kind: 'topic',
    topic: 'diffusion',
    time: '09:00',
    timezone: 'Europe/Berlin',
    days: [1, 2, 3, 4, 5, 6, 7],
    count: 3,
    mode: 'best',
    createdBy: 'u1',
    ...fields,
  };
}

export interface Harness {
  store: SqliteStore;
  clock: FakeClock;
  poster: ScriptedPoster;
  scheduler: Scheduler;
  sleeps: number[];
}

/** A scheduler over a real SQLite file with a fake clock, instant sleeps and a scripted Discord poster. */
export function harness(file: string, clock: FakeClock, overrides: Partial<SchedulerOptions> & { poster?: ScriptedPoster } = {}): Harness {
  const store = openSqliteStore(file);
  const poster = overrides.poster ?? new ScriptedPoster('discord');
  const sleeps: number[] = [];
  const scheduler = createScheduler({
    store,
    library: realLibrary,
    posters: new Map([[poster.platform, poster]]),
    clock,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    pacing: {},
    schedule: () => ({ stop() {} }),
    ...overrides,
  });
  return { store, clock, poster, scheduler, sleeps };
}
