/**
 * The console chat: type commands as in Slack (`/search diffusion`), press buttons by number.
 * This is how a newcomer tries paperbot with no chat credentials.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Bot } from '../../core/bot.js';
import type { RequestInfo } from '../../core/command.js';
import type { Button, Reply, ReplyFile } from '../../core/reply.js';
import { plainStyle, renderConsole, type ConsoleStyle } from './render.js';

export const CONSOLE_REQUEST: RequestInfo = {
  platform: 'console',
  userId: 'console-user',
  channelId: 'console',
  workspaceId: 'local',
  // The person at the terminal owns this "channel".
  canManageChannel: true,
  // Personal digests print in the same terminal.
  openDirectChannel: async () => 'console-direct',
};

export interface ConsoleOptions {
  input: Readable;
  output: Writable;
  style?: ConsoleStyle;
  /** Shown once at start. */
  banner?: string;
  /** Writes a reply's file (a reading-list export) and returns where; without it, files are not offered. */
  saveFile?: (file: ReplyFile) => string;
}

export interface ConsoleSession {
  /** Resolves when the user quits or the input ends. */
  closed: Promise<void>;
  /** Prints a message that did not come from a typed command (scheduled digests). */
  print(reply: Reply): void;
  close(): void;
}

export function startConsole(bot: Bot, options: ConsoleOptions): ConsoleSession {
  const style = options.style ?? plainStyle;
  const rl = createInterface({ input: options.input, output: options.output, terminal: false });
  const write = (text: string) => options.output.write(`${text}\n`);
  let buttons: Button[] = [];

  const show = (reply: Reply) => {
    const rendered = renderConsole(reply, style);
    buttons = rendered.buttons;
    write(rendered.text);
    for (const file of reply.files ?? []) {
      write(options.saveFile ? `Saved ${file.name} to ${options.saveFile(file)}` : `(${file.name} cannot be saved from here.)`);
    }
    write('');
  };

  const handle = async (line: string): Promise<void> => {
    const input = line.trim();
    if (!input) return;
    if (input === 'quit' || input === 'exit' || input === '/quit') {
      rl.close();
      return;
    }
    if (/^\d+$/.test(input)) {
      const button = buttons[Number(input) - 1];
      if (!button) {
        write(buttons.length ? `Press a number from 1 to ${buttons.length}.` : 'There are no buttons to press yet.');
        return;
      }
      show(await bot.run(button.action.command, button.action.args, CONSOLE_REQUEST));
      return;
    }
    show(await bot.runText(input.replace(/^\//, ''), CONSOLE_REQUEST));
  };

  if (options.banner) write(options.banner);
  // Lines are handled one at a time, in order, even when a command is slow.
  let queue = Promise.resolve();
  rl.on('line', (line) => {
    queue = queue.then(() => handle(line)).catch((error: unknown) => {
      write(`Sorry, that failed: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  const closed = new Promise<void>((resolve) => rl.on('close', () => void queue.then(resolve)));
  return { closed, print: show, close: () => rl.close() };
}
