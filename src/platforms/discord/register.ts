/**
 * Registers the slash commands (bulk overwrite) and builds the invite URL. Guild commands update
 * instantly, so use a guild while testing; global commands are for production.
 * @see https://discord.com/developers/docs/interactions/application-commands#bulk-overwrite-global-application-commands
 * @see https://discord.com/developers/docs/interactions/application-commands#bulk-overwrite-guild-application-commands
 * @see https://discord.com/developers/docs/topics/oauth2#bot-authorization-flow
 */
import { REST, Routes } from 'discord.js';
import { commandList } from '../../../commands/index.js';
import type { AnyCommand } from '../../core/command.js';
import { buildCommands, type CommandJSON } from './commands.js';
import { PERMISSIONS } from './limits.js';

export interface RegisterOptions {
  token: string;
  applicationId: string;
  /** Register in this guild only (instant); omit for global commands. */
  guildId?: string;
  /** REST base without version, e.g. `http://127.0.0.1:4000/api`; default Discord's. */
  apiUrl?: string;
  rootName: string;
  /** Defaults to the full command list. */
  commands?: readonly AnyCommand[];
}

export interface RegisterResult {
  scope: 'guild' | 'global';
  /** Registered root commands, as Discord returned them. */
  commands: { id: string; name: string }[];
}

export async function registerDiscordCommands(options: RegisterOptions): Promise<RegisterResult> {
  const body: CommandJSON[] = buildCommands(options.commands ?? commandList, options.rootName);
  const rest = new REST(options.apiUrl ? { api: options.apiUrl } : {}).setToken(options.token);
  try {
    const route = options.guildId
      ? Routes.applicationGuildCommands(options.applicationId, options.guildId)
      : Routes.applicationCommands(options.applicationId);
    const result = (await rest.put(route, { body })) as { id: string; name: string }[];
    return { scope: options.guildId ? 'guild' : 'global', commands: result.map(({ id, name }) => ({ id, name })) };
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
}

/** Permissions the bot needs in channels: see them, post, embed, and read history for follow-ups. */
export const BOT_PERMISSIONS =
  PERMISSIONS.viewChannel |
  PERMISSIONS.sendMessages |
  PERMISSIONS.embedLinks |
  PERMISSIONS.readMessageHistory |
  PERMISSIONS.createPublicThreads |
  PERMISSIONS.sendMessagesInThreads;

/** The OAuth2 URL that adds the bot and its slash commands to a server. */
export function inviteUrl(applicationId: string): string {
  const params = new URLSearchParams({
    client_id: applicationId,
    scope: 'bot applications.commands',
    permissions: BOT_PERMISSIONS.toString(),
  });
  return `https://discord.com/oauth2/authorize?${params.toString()}`;
}
