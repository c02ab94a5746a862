/**
 * Shutdown while a digest run is in flight, through the whole app: config → startApp → Discord
 * (gateway and REST against the local fake) → scheduler → SQLite. Then a second start over the
 * same state folder must neither double-post nor silently lose a slot:
 *
 * - a slot already `sent` is never posted again;
 * - a slot waiting out a 429 when the app stopped stays `claimed` (nothing went out) and is
 *   posted by the next start;
 * - a slot whose request was on the wire stays `sending` and becomes `uncertain`, not resent
 *   (at-most-once: the post may have reached the channel).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config/index.js';
import type { Logger } from '../../src/core/logger.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { DeliveryState } from '../../src/store/types.js';
import { faults, snowflake, startFakeDiscord, type FakeDiscord } from '../fakes/discord/index.js';

/** Keeps log lines so the test can show what the app reported. */
function memoryLogger(lines: { level: string; msg: string; obj: object }[], bindings: object = {}): Logger {
  const at = (level: string) => (obj: object, msg = '') => void lines.push({ level, msg, obj: { ...bindings, ...obj } });
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), child: (more) => memoryLogger(lines, { ...bindings, ...more }) };
}

const io = () => ({ input: new PassThrough(), output: new PassThrough() });
const messagePath = (channelId: string) => `/channels/${channelId}/messages`;

let fake: FakeDiscord;
let stateDir: string;
let config: Config;
const apps: App[] = [];

beforeAll(async () => {
  // The first channel is where interactions come from; the others take digests.
  fake = await startFakeDiscord({ channelIds: Array.from({ length: 6 }, () => snowflake()) });
  stateDir = mkdtempSync(join(tmpdir(), 'paperbot-shutdown-'));
  config = loadConfig({
    DISCORD_TOKEN: fake.token,
    DISCORD_APPLICATION_ID: fake.applicationId,
    DISCORD_API_URL: fake.apiUrl,
    OPS_PORT: 'off',
    PAPERBOT_STATE_DIR: stateDir,
    PAPERBOT_SOURCES: 'files', // no network sources in tests
  });
});
afterAll(async () => {
  // An app a failed assertion left running must not keep the process alive.
  for (const app of apps) await app.shutdown.shutdown({ timeoutMs: 100, closerTimeoutMs: 1000 });
  await fake.stop();
  rmSync(stateDir, { recursive: true, force: true });
});

describe('shutdown during a digest run', () => {
  it('closes the database cleanly, and the next start neither double-posts nor loses a slot', async () => {
    const [, fast1, fast2, limited, hung1, hung2] = fake.channelIds as [string, string, string, string, string, string];
    const logs: { level: string; msg: string; obj: object }[] = [];
    const first = await startApp(config, memoryLogger(logs), io());
    apps.push(first);
    expect(await first.store.ping()).toBe(true);

    // Subscribe through the bot as a channel manager would, due two minutes from now (UTC).
    const dueMs = Math.floor(Date.now() / 60_000) * 60_000 + 2 * 60_000;
    const time = new Date(dueMs).toISOString().slice(11, 16);
    const ids = new Map<string, number>();
    for (const channelId of [fast1, fast2, limited, hung1, hung2]) {
      const reply = await first.bot.run('subscribe', { topic: 'diffusion', time, timezone: 'UTC' }, { platform: 'discord', userId: 'U1', channelId, canManageChannel: true });
      expect(reply.error).toBeUndefined();
      ids.set(channelId, (await first.store.subscriptions.listChannel({ platform: 'discord', channelId }))[0]!.id);
    }
    const slotDate = new Date(dueMs).toISOString().slice(0, 10);
    const stateOf = async (store: App['store'], channelId: string): Promise<DeliveryState | undefined> =>
      (await store.deliveries.get({ subscriptionId: ids.get(channelId)!, slotDate }))?.state;

    // Slow Discord: one channel is told to wait 30 s, two never get an answer.
    fake.injectFault({ method: 'POST', path: messagePath(limited), ...faults.rateLimited(30) });
    fake.injectFault({ method: 'POST', path: messagePath(hung1), ...faults.hang(), times: Infinity });
    fake.injectFault({ method: 'POST', path: messagePath(hung2), ...faults.hang(), times: Infinity });

    const run = first.scheduler.tick(new Date(dueMs + 1000));
    for (const channelId of [fast1, fast2, limited, hung1, hung2]) await fake.waitForCall((c) => c.method === 'POST' && c.path === messagePath(channelId));
    await fake.waitForCall((c) => c.path === messagePath(fast2) && c.status === 200);
    await fake.waitForCall((c) => c.path === messagePath(fast1) && c.status === 200);
    expect(await stateOf(first.store, hung1)).toBe('sending');

    const started = Date.now();
    const report = await first.shutdown.shutdown({ timeoutMs: 500 });
    // The scheduler gives up on hung posts before the per-part limit, so every part closes cleanly.
    expect(report.failedClosers).toEqual([]);
    expect(Date.now() - started).toBeLessThan(6000);
    expect(report.closed.at(-1)).toBe('database');
    expect(await first.store.ping()).toBe(false);
    // The run itself does not settle until the hung requests time out; it must not write after the close.
    void run.catch(() => undefined);

    // Reopen the file: intact, and every slot in a state the restart rules cover.
    const check = openSqliteStore(config.databaseFile);
    expect(await check.check()).toBe('ok');
    expect(Object.fromEntries(await Promise.all([fast1, fast2, limited, hung1, hung2].map(async (c) => [c, await stateOf(check, c)])))).toEqual({
      [fast1]: 'sent',
      [fast2]: 'sent',
      // The 429 wait was cut short by the shutdown: nothing went out, so it may be sent later.
      [limited]: 'claimed',
      [hung1]: 'sending',
      [hung2]: 'sending',
    });
    check.close();

    fake.clearFaults();
    const postsBefore = new Map([fast1, fast2, limited, hung1, hung2].map((c) => [c, fake.callsTo('POST', messagePath(c)).length]));
    const second = await startApp(config, memoryLogger(logs), io());
    apps.push(second);
    await second.scheduler.idle();

    const messagesIn = (channelId: string) => [...fake.messages.values()].filter((m) => m.channel_id === channelId).length;
    expect(Object.fromEntries([fast1, fast2, limited, hung1, hung2].map((c) => [c, messagesIn(c)]))).toEqual({
      [fast1]: 1,
      [fast2]: 1,
      [limited]: 1,
      // Never answered, so the fake holds nothing; the ledger says so instead of resending.
      [hung1]: 0,
      [hung2]: 0,
    });
    // The restart sent exactly one request: the rate-limited slot.
    const resent = [fast1, fast2, limited, hung1, hung2].map((c) => fake.callsTo('POST', messagePath(c)).length - postsBefore.get(c)!);
    expect(resent).toEqual([0, 0, 1, 0, 0]);
    expect(await stateOf(second.store, limited)).toBe('sent');
    expect(await second.store.deliveries.get({ subscriptionId: ids.get(hung1)!, slotDate })).toMatchObject({ state: 'uncertain', error: expect.stringContaining('not resent') });
    expect(await stateOf(second.store, hung2)).toBe('uncertain');
    expect(logs.filter((l) => l.msg === 'digest slot uncertain after its replica stopped; not resent')).toHaveLength(2);

    const again = await second.shutdown.shutdown({ timeoutMs: 500 });
    expect(again.failedClosers).toEqual([]);
    expect(await second.store.ping()).toBe(false);
  }, 30_000);
});
