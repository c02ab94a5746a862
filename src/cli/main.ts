/** The `paperbot` command line: one-shot commands, corpus tools, and starting the bot. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { createRegistry } from '../../commands/index.js';
import { Bot } from '../core/bot.js';
import type { RequestInfo } from '../core/command.js';
import { UserError } from '../core/errors.js';
import type { RawArgs } from '../core/args.js';
import { loadLibrary } from '../load-library.js';
import { ConfigError, dataDirProblems, loadDotenv, storagePaths, storeLocation } from '../config/index.js';
import { embeddingSettingsFromEnv } from '../config/index.js';
import { loadSemantic } from '../embeddings/semantic-load.js';
import { withStoredPapers } from '../load-papers.js';
import { PACKAGE_VERSION } from '../paths.js';
import { openStore, type Store, type StoreSettings } from '../store/index.js';
import { ansiStyle, plainStyle, renderConsole } from '../platforms/console/render.js';
import { CliUsageError, parseCli, USAGE, type CliInvocation } from './args.js';
import { corpusStatsJson, corpusStatsText } from './corpus-stats.js';
import { searchJson, searchJsonLines } from './search-json.js';

/** What sources have stored, when the bot has a database; a one-shot command never creates a SQLite file. */
async function withStore<T>(location: StoreSettings, use: (store: Store | undefined) => Promise<T>): Promise<T> {
  if (!location.databaseUrl && !existsSync(location.databaseFile)) return use(undefined);
  const store = await openStore(location);
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

const CLI_REQUEST: RequestInfo = { platform: 'cli', userId: 'cli', channelId: 'cli', canManageChannel: true };

/** Maps CLI words onto a chat command and its arguments. */
function chatCommand(cli: CliInvocation): { name: string; args: RawArgs } | undefined {
  const [name] = cli.command;
  const rest = cli.positionals.join(' ');
  switch (name) {
    case 'search':
      return { name, args: { query: rest, page: cli.page } };
    case 'random':
      return { name, args: { topic: rest } };
    case 'digest':
      return { name, args: { topic: rest, count: cli.count } };
    case 'paper':
      return { name, args: { id: rest } };
    case 'similar':
      return { name, args: { id: rest, count: cli.count } };
    case 'topics':
    case 'help':
      return { name, args: {} };
    default:
      return undefined;
  }
}

export interface CliIo {
  stdin: Readable;
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable;
}

const processIo: CliIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };

async function run(cli: CliInvocation, env: NodeJS.ProcessEnv, io: CliIo): Promise<number> {
  const paths = storagePaths(env);
  const [name, sub] = cli.command;
  if (cli.version) {
    io.stdout.write(`paperbot ${PACKAGE_VERSION}\n`);
    return 0;
  }
  if (cli.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (name === 'start') {
    const { main } = await import('../main.js');
    return main({ dataDir: cli.dataDir });
  }
  if (name === 'discord' && sub === 'register') {
    const { registerFromCli } = await import('./discord-register.js');
    return registerFromCli({ guildId: cli.guild }, io.stdout, io.stderr);
  }
  if (name === 'ingest' && sub === 'status') {
    const { ingestStatus } = await import('./ingest.js');
    return ingestStatus(env, io.stdout);
  }
  const dataDir = cli.dataDir ? resolve(cli.dataDir) : paths.dataDir;
  if (dataDirProblems(dataDir, {}).length) {
    const named = cli.dataDir ? `--data ${cli.dataDir}` : env.PAPERBOT_DATA_DIR ? `PAPERBOT_DATA_DIR=${env.PAPERBOT_DATA_DIR}` : dataDir;
    throw new UserError(`${named} is not a folder that exists.`, 'Point it at the folder with the corpus .txt files.');
  }
  const seed = loadLibrary(dataDir, undefined, { cacheDir: paths.cacheDir });
  // The library as the bot serves it: stored papers laid over the seed corpus, with semantic search
  // for the commands that search.
  const searches = name !== 'ingest' && !(name === 'corpus' && sub === 'stats');
  const { stored, corpus, library } =
    name === 'ingest'
      ? { stored: [], ...seed }
      : await withStore(storeLocation(env), async (store) => {
          const papers = store ? await store.papers.all() : [];
          if (!searches) return { stored: papers, ...withStoredPapers(seed, papers) };
          const { loaded } = await loadSemantic(seed, papers, {
            settings: embeddingSettingsFromEnv(env),
            cacheDir: paths.cacheDir,
            dataDir,
            ...(store ? { repo: store.embeddings } : {}),
            userAgent: `paperbot/${PACKAGE_VERSION}`,
          });
          return { stored: papers, ...loaded };
        });
  const counts = { stored: stored.length, served: library.papers.length };
  if (name === 'ingest') {
    const { ingestArxiv, ingestHf } = await import('./ingest.js');
    if (sub === 'arxiv') {
      const options = { ...(cli.category && { category: cli.category }), ...(cli.since && { since: cli.since }) };
      return ingestArxiv(env, corpus.papers, options, io.stdout, io.stderr);
    }
    if (sub !== 'hf') throw new CliUsageError(`unknown source: ${sub || '(none)'}; try: paperbot ingest hf --since YYYY-MM-DD`);
    const range = { ...(cli.date && { date: cli.date }), ...(cli.since && { since: cli.since }), ...(cli.until && { until: cli.until }) };
    return ingestHf(env, corpus.papers, range, io.stdout, io.stderr);
  }
  if (name === 'corpus' && sub === 'stats') {
    io.stdout.write(`${cli.json ? JSON.stringify(corpusStatsJson(corpus, counts)) : corpusStatsText(corpus, counts)}\n`);
    return 0;
  }
  if (name === 'search' && cli.json) {
    const limit = cli.limit ?? 10;
    if (cli.positionals.length === 0) {
      const failed = await searchJsonLines(library, limit, io.stdin, io.stdout, io.stderr);
      return failed > 0 ? 1 : 0;
    }
    await library.prepareSearch(cli.positionals.join(' '));
    io.stdout.write(`${JSON.stringify(searchJson(library, cli.positionals.join(' '), limit, ((cli.page ?? 1) - 1) * limit))}\n`);
    return 0;
  }
  const chat = chatCommand(cli);
  if (!chat) throw new CliUsageError(`unknown command: ${cli.command.filter(Boolean).join(' ')}`);
  const bot = new Bot({ registry: createRegistry(), library: () => library });
  const reply = await bot.run(chat.name, chat.args, CLI_REQUEST);
  if (cli.json) {
    io.stdout.write(`${JSON.stringify(reply)}\n`);
  } else {
    const style = io.stdout.isTTY && !env.NO_COLOR ? ansiStyle : plainStyle;
    (reply.error ? io.stderr : io.stdout).write(`${renderConsole(reply, style).text}\n`);
  }
  return reply.error ? 1 : 0;
}

export async function cliMain(argv: string[], env: NodeJS.ProcessEnv = process.env, io: CliIo = processIo): Promise<number> {
  // A local .env applies to one-shot commands too (real environment variables win).
  if (env === process.env) loadDotenv();
  try {
    return await run(parseCli(argv), env, io);
  } catch (error) {
    if (error instanceof CliUsageError) {
      io.stderr.write(`paperbot: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof UserError) {
      io.stderr.write(`paperbot: ${error.message}${error.hint ? ` ${error.hint}` : ''}\n`);
      return 1;
    }
    if (error instanceof ConfigError) {
      io.stderr.write(`${error.message}\n`);
      return 1;
    }
    io.stderr.write(`paperbot: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
