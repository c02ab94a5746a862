/** A start that fails half-way undoes what did start, so no half-running bot is left behind. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { silentLogger } from '../../src/core/logger.js';
import { openSqliteStore } from '../../src/store/index.js';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord/index.js';

let fake: FakeDiscord;
let blocker: Server;
let busyPort: number;

beforeAll(async () => {
  fake = await startFakeDiscord();
  blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  busyPort = (blocker.address() as { port: number }).port;
});
afterAll(async () => {
  await new Promise((resolve) => blocker.close(resolve));
  await fake.stop();
});

async function waitFor(condition: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('GIVEN the ops port is taken after Discord has connected', () => {
  it('THEN start fails and the Discord client and database are closed again', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'paperbot-fail-'));
    const config = loadConfig({
      DISCORD_TOKEN: fake.token,
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_API_URL: fake.apiUrl,
      OPS_PORT: String(busyPort),
      PAPERBOT_STATE_DIR: stateDir,
      PAPERBOT_SOURCES: 'files', // no network sources in tests
    });
    await expect(startApp(config, silentLogger, { input: new PassThrough(), output: new PassThrough() })).rejects.toThrow(/EADDRINUSE/);
    // The gateway session was open before the failure; it must be gone now.
    await waitFor(() => fake.gateway.ready === 0);
    // The database was closed cleanly (closing checkpoints and removes the WAL file), and is intact.
    expect(existsSync(`${config.databaseFile}-wal`)).toBe(false);
    const store = openSqliteStore(config.databaseFile);
    expect(await store.check()).toBe('ok');
    store.close();
    rmSync(stateDir, { recursive: true, force: true });
  });
});
