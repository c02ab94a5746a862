/** Reads the neutral request (who, where, may they manage the channel) and arguments from an interaction. */
import {
  ApplicationCommandOptionType,
  PermissionFlagsBits,
  type AutocompleteInteraction,
  type BaseInteraction,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
} from 'discord.js';
import type { RequestInfo } from '../../core/command.js';
import { adminRootName } from './commands.js';

/** `/papers search …`, and `/papers-admin subscribe …` for the commands that change channel settings. */
export function discordPrefix(rootName: string): NonNullable<RequestInfo['commandPrefix']> {
  return (command) => `/${command.requiresManage ? adminRootName(rootName) : rootName} `;
}

export function requestInfo(interaction: BaseInteraction, rootName?: string): RequestInfo {
  return {
    ...(rootName ? { commandPrefix: discordPrefix(rootName) } : {}),
    platform: 'discord',
    userId: interaction.user.id,
    channelId: interaction.channelId ?? '',
    ...(interaction.guildId ? { workspaceId: interaction.guildId } : {}),
    // Server admins can change who sees a command, so the permission is checked on every run.
    canManageChannel: interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels) ?? false,
    // POST /users/@me/channels: the same DM channel every time, so personal digests stay put.
    openDirectChannel: async () => (await interaction.user.createDM()).id,
  };
}

function subcommandOptions(data: readonly CommandInteractionOption[]): readonly CommandInteractionOption[] {
  return data.find((option) => option.type === ApplicationCommandOptionType.Subcommand)?.options ?? [];
}

/** The command name (the subcommand under our root) and its option values. */
export function commandCall(interaction: ChatInputCommandInteraction | AutocompleteInteraction): {
  name: string;
  args: Record<string, string | number | boolean>;
} {
  const name = interaction.options.getSubcommand(false) ?? interaction.commandName;
  const args: Record<string, string | number | boolean> = {};
  for (const option of subcommandOptions(interaction.options.data)) {
    if (option.value !== undefined && option.value !== null) args[option.name] = option.value;
  }
  return { name, args };
}
