/** Shared pieces for the Discord tests: the real corpus, a Bot on it, and a plain action encoder. */
import { createRegistry } from '../../../commands/index.js';
import { ActionCodec } from '../../../src/core/actions.js';
import { Bot } from '../../../src/core/bot.js';
import type { AnyCommand } from '../../../src/core/command.js';
import { loadLibrary, type LoadedLibrary } from '../../../src/load-library.js';
import { DEFAULT_DATA_DIR } from '../../../src/paths.js';

let cached: LoadedLibrary | undefined;

/** The real corpus and library, loaded once per test file. */
export function realLibrary(): LoadedLibrary {
  // No snapshot cache: its default folder is var/cache inside the checkout, and these tests are not about caching.
  cached ??= loadLibrary(DEFAULT_DATA_DIR, undefined, { cacheDir: false });
  return cached;
}

export function botWith(options: { random?: () => number; commands?: readonly AnyCommand[] } = {}): Bot {
  const { library } = realLibrary();
  return new Bot({ registry: createRegistry(options.commands), library: () => library, random: options.random ?? (() => 0.25) });
}

/** The encoder the adapter uses, on a fresh codec. */
export function encoder(): (action: { command: string; args: Record<string, string | number> }, max: number) => string {
  const codec = new ActionCodec();
  return (action, max) => codec.encode(action, max);
}
