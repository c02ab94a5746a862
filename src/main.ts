/**
 * The composition root: configuration, corpus and index, adapters, scheduler and shutdown.
 * Everything is built here and passed down explicitly.
 */
import { createRegistry } from '../commands/index.js';
import { Bot } from './core/bot.js';
import { loadLibrary } from './load-library.js';
import { DEFAULT_DATA_DIR } from './paths.js';
import { ansiStyle, plainStyle } from './platforms/console/render.js';
import { startConsole } from './platforms/console/session.js';

export interface MainOptions {
  dataDir?: string;
}

export async function main(options: MainOptions = {}): Promise<number> {
  const dataDir = options.dataDir ?? (process.env.PAPERBOT_DATA_DIR || DEFAULT_DATA_DIR);
  const { corpus, library } = loadLibrary(dataDir);
  const bot = new Bot({ registry: createRegistry(), library: () => library });
  const style = process.stdout.isTTY && !process.env.NO_COLOR ? ansiStyle : plainStyle;
  const session = startConsole(bot, {
    input: process.stdin,
    output: process.stdout,
    style,
    banner: `paperbot console: ${corpus.stats.papers} papers loaded. Type /help, /search diffusion, /random or /digest contrastive; press buttons by number; quit to leave.\n`,
  });
  await session.closed;
  return 0;
}
