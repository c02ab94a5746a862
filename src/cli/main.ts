/** The `paperbot` command line: one-shot commands, corpus tools, and starting the bot. */
import { createRegistry } from '../../commands/index.js';
import { Bot } from '../core/bot.js';
import type { RequestInfo } from '../core/command.js';
import { UserError } from '../core/errors.js';
import type { RawArgs } from '../core/args.js';
import { loadLibrary } from '../load-library.js';
import { DEFAULT_DATA_DIR } from '../paths.js';
import { ansiStyle, plainStyle, renderConsole } from '../platforms/console/render.js';
import { CliUsageError, parseCli, USAGE, type CliInvocation } from './args.js';
import { corpusStatsJson, corpusStatsText } from './corpus-stats.js';
import { searchJson, searchJsonLines } from './search-json.js';

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

async function run(cli: CliInvocation, env: NodeJS.ProcessEnv): Promise<number> {
  const dataDir = cli.dataDir ?? (env.PAPERBOT_DATA_DIR || DEFAULT_DATA_DIR);
  const [name, sub] = cli.command;
  if (cli.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (name === 'start') {
    const { main } = await import('../main.js');
    return main({ dataDir: cli.dataDir });
  }
  const { corpus, library } = loadLibrary(dataDir);
  if (name === 'corpus' && sub === 'stats') {
    process.stdout.write(`${cli.json ? JSON.stringify(corpusStatsJson(corpus)) : corpusStatsText(corpus)}\n`);
    return 0;
  }
  if (name === 'search' && cli.json) {
    const limit = cli.limit ?? 10;
    if (cli.positionals.length === 0) {
      const failed = await searchJsonLines(library, limit, process.stdin, process.stdout, process.stderr);
      return failed > 0 ? 1 : 0;
    }
    process.stdout.write(`${JSON.stringify(searchJson(library, cli.positionals.join(' '), limit, ((cli.page ?? 1) - 1) * limit))}\n`);
    return 0;
  }
  const chat = chatCommand(cli);
  if (!chat) throw new CliUsageError(`unknown command: ${cli.command.filter(Boolean).join(' ')}`);
  const bot = new Bot({ registry: createRegistry(), library: () => library });
  const reply = await bot.run(chat.name, chat.args, CLI_REQUEST);
  if (cli.json) {
    process.stdout.write(`${JSON.stringify(reply)}\n`);
  } else {
    const style = process.stdout.isTTY && !env.NO_COLOR ? ansiStyle : plainStyle;
    (reply.error ? process.stderr : process.stdout).write(`${renderConsole(reply, style).text}\n`);
  }
  return reply.error ? 1 : 0;
}

export async function cliMain(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  try {
    return await run(parseCli(argv), env);
  } catch (error) {
    if (error instanceof CliUsageError) {
      process.stderr.write(`paperbot: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof UserError) {
      process.stderr.write(`paperbot: ${error.message}${error.hint ? ` ${error.hint}` : ''}\n`);
      return 1;
    }
    process.stderr.write(`paperbot: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
