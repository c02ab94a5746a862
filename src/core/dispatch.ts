/**
 * Runs a command by name: validate, execute, and turn every failure into a friendly reply.
 * Adapters call this and only translate requests in and replies out.
 */
import { randomBytes } from 'node:crypto';
import { validateArgs, type RawArgs } from './args.js';
import type { AnyCommand, CommandContext } from './command.js';
import { UserError } from './errors.js';
import { silentLogger, type Logger } from './logger.js';
import { apologyReply, errorReply, type Reply } from './reply.js';

export type CommandRegistry = ReadonlyMap<string, AnyCommand>;

export function errorReference(): string {
  return `E-${randomBytes(3).toString('hex').toUpperCase()}`;
}

export async function runCommand(
  registry: CommandRegistry,
  name: string,
  raw: RawArgs,
  ctx: CommandContext,
  log: Logger = silentLogger,
): Promise<Reply> {
  const command = registry.get(name.toLowerCase());
  if (!command) {
    const known = [...registry.keys()].join(', ');
    return errorReply(`I don't know the command \`${name.slice(0, 40)}\`.`, `Try one of: ${known}.`);
  }
  if (command.requiresManage && !ctx.request.canManageChannel) {
    return errorReply(
      `Only people who can manage this channel may use \`${command.name}\`.`,
      'Ask a channel manager or workspace admin to do it for you.',
    );
  }
  try {
    const args = validateArgs(command, raw);
    return await command.execute(args as never, ctx);
  } catch (error) {
    if (error instanceof UserError) return errorReply(error.message, error.hint);
    const ref = errorReference();
    log.error({ err: error, ref, command: name, platform: ctx.request.platform }, 'command failed');
    return apologyReply(ref);
  }
}
