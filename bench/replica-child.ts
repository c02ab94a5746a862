/**
 * One replica of the scale-out benchmark (bench/replicas.ts), in a process of its own as a
 * deployed replica is: the real scheduler on its own store (its own Postgres connection pool, or
 * the SQLite file), the real corpus, themes and Slack pacing, posting through a poster that only
 * counts. The parent tells it over IPC when the minute comes; it answers with what it posted.
 *
 * argv: <postgres|sqlite> <database URL or file> <replica id> <ISO time to start at>
 */
import { join } from 'node:path';
import type { Logger } from '../src/core/logger.js';
import type { Poster, PostOutcome } from '../src/core/poster.js';
import { loadLibrary } from '../src/load-library.js';
import { CONFIG_DIR, DEFAULT_DATA_DIR } from '../src/paths.js';
import { pacingFor } from '../src/platforms/registry.js';
import { createScheduler, loadThemes } from '../src/scheduler/index.js';
import { openPostgresStore } from '../src/store/postgres.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import type { Store } from '../src/store/types.js';

/** Parent → child. */
export type ToReplica = { type: 'tick'; at: string } | { type: 'stop' };

/** Child → parent. */
export type FromReplica =
  | { type: 'ready'; startMs: number }
  | {
      type: 'ticked';
      tickMs: number;
      /** When its last claim attempt answered, from the tick: the claiming walks every due slot in turn. */
      claimsDoneMs: number;
      /** Claim attempts, and those won. */
      claimsTried: number;
      claimed: number;
      states: Record<string, number>;
      channels: string[];
      problems: string[];
    }
  | { type: 'stopped' }
  | { type: 'failed'; error: string };

/** Records each post's channel and answers at once: no network, only the database is measured. */
class CountingPoster implements Poster {
  readonly platform = 'slack' as const;
  readonly channels: string[] = [];

  async post(channelId: string): Promise<PostOutcome> {
    this.channels.push(channelId);
    return { ok: true, messageId: `m${this.channels.length}` };
  }
}

/** Keeps warnings and errors, so the parent can say why a slot did not go out. */
function problemLogger(problems: string[]): Logger {
  const keep = (obj: object, msg?: string) => {
    if (problems.length < 20) problems.push(`${msg ?? ''} ${JSON.stringify(obj)}`.trim());
  };
  const logger: Logger = { debug: () => {}, info: () => {}, warn: keep, error: keep, child: () => logger };
  return logger;
}

const send = (message: FromReplica) => process.send?.(message);

async function main(): Promise<void> {
  const [engine, location, replicaId, startAt] = process.argv.slice(2);
  if (!process.send || !location || !replicaId || !startAt || (engine !== 'postgres' && engine !== 'sqlite')) {
    throw new Error('usage (forked with IPC): replica-child <postgres|sqlite> <url|file> <replica id> <ISO start time>');
  }
  const began = performance.now();
  // Stands at the start time until the tick, then runs in real time from the tick's time, so
  // presence renewals (every 10 s, on real timers) keep each replica's lease ahead of the clock.
  let origin = { at: Date.parse(startAt), since: Number.NaN };
  const clock = { now: () => new Date(origin.at + (Number.isNaN(origin.since) ? 0 : performance.now() - origin.since)) };
  const problems: string[] = [];
  const opened: Store = engine === 'postgres' ? await openPostgresStore(location) : openSqliteStore(location);
  // The real ledger, with its claims counted and the last one timed: posts go out while the claiming goes on.
  const claims = { tried: 0, lastAt: 0 };
  const store: Store = {
    ...opened,
    deliveries: {
      ...opened.deliveries,
      claim: async (...args) => {
        claims.tried++;
        const won = await opened.deliveries.claim(...args);
        claims.lastAt = performance.now();
        return won;
      },
    },
  };
  const { library } = loadLibrary(DEFAULT_DATA_DIR, undefined, { cacheDir: false });
  const poster = new CountingPoster();
  const scheduler = createScheduler({
    store,
    library: () => library,
    posters: new Map([['slack', poster]]),
    clock,
    logger: problemLogger(problems),
    pacing: pacingFor(),
    themes: loadThemes(join(CONFIG_DIR, 'themes.json')),
    replicaId,
    // The parent's tick message is the minute timer: every replica ticks at the same moment.
    schedule: () => ({ stop() {} }),
  });
  // Present (and its catch-up done, with nothing due yet) before the minute comes, as a running replica is.
  await scheduler.start();
  await scheduler.idle();
  send({ type: 'ready', startMs: performance.now() - began });

  process.on('message', (message: ToReplica) => {
    void (async () => {
      if (message.type === 'tick') {
        const started = performance.now();
        origin = { at: Date.parse(message.at), since: started };
        claims.tried = 0;
        const report = await scheduler.tick(clock.now());
        const tickMs = performance.now() - started;
        const claimsDoneMs = claims.lastAt - started;
        const states: Record<string, number> = {};
        for (const delivery of report.deliveries) states[delivery.state] = (states[delivery.state] ?? 0) + 1;
        send({ type: 'ticked', tickMs, claimsDoneMs, claimsTried: claims.tried, claimed: report.claimed, states, channels: poster.channels, problems });
      } else {
        await scheduler.stop();
        await store.close();
        send({ type: 'stopped' });
        process.disconnect();
      }
    })().catch((error: unknown) => {
      send({ type: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      process.exit(1);
    });
  });
}

main().catch((error: unknown) => {
  send({ type: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
});
