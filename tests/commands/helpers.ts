import { createRegistry } from '../../commands/index.js';
import { Bot } from '../../src/core/bot.js';
import type { RequestInfo } from '../../src/core/command.js';
import { loadLibrary } from '../../src/load-library.js';
import { DEFAULT_DATA_DIR } from '../../src/paths.js';

export const REQUEST: RequestInfo = { platform: 'console', userId: 'u1', channelId: 'c1', canManageChannel: true };

let cached: ReturnType<typeof loadLibrary> | undefined;

/** The real corpus and library, loaded once per test file. */
export function realLibrary() {
  // No snapshot cache: its default folder is var/cache inside the checkout, and these tests are not about caching.
  cached ??= loadLibrary(DEFAULT_DATA_DIR, undefined, { cacheDir: false });
  return cached;
}

export function botWith(random: () => number = () => 0.5): Bot {
  const { library } = realLibrary();
  return new Bot({ registry: createRegistry(), library: () => library, random });
}
