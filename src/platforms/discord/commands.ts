/**
 * The application commands, derived from the command registry: one root (`/papers`) with a
 * subcommand per command, and a second root (`/papers-admin`) for commands that change channel
 * settings, hidden by default from members without Manage Channels. Server admins can override
 * that default, so the Bot still checks the permission at run time.
 * @see https://discord.com/developers/docs/interactions/application-commands#application-command-object
 * @see https://discord.com/developers/docs/interactions/application-commands#permissions
 */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandSubcommandOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { AnyCommand, ArgSpec } from '../../core/command.js';
import { LIMITS, PERMISSIONS } from './limits.js';
import { clip, oneLine } from './markdown.js';

export type CommandJSON = RESTPostAPIChatInputApplicationCommandsJSONBody;

/** Lowercase letters, digits, `-` and `_`: what Discord accepts for chat-input names. */
const NAME = /^[-_\p{Ll}\p{N}]{1,32}$/u;

export const adminRootName = (rootName: string): string => `${rootName}-admin`;

function checkName(name: string, what: string): string {
  if (!NAME.test(name)) throw new Error(`discord: invalid ${what} name "${name}" (1-32 lowercase letters, digits, - or _)`);
  return name;
}

const description = (text: string): string => clip(oneLine(text), LIMITS.commandDescription) || '-';

function option(arg: ArgSpec): APIApplicationCommandBasicOption {
  const base = { name: checkName(arg.name, 'option'), description: description(arg.description), required: arg.required === true };
  const autocomplete = arg.autocomplete !== undefined ? { autocomplete: true } : {};
  if (arg.type === 'integer') {
    return {
      ...base,
      type: ApplicationCommandOptionType.Integer,
      ...(arg.min !== undefined ? { min_value: arg.min } : {}),
      ...(arg.max !== undefined ? { max_value: arg.max } : {}),
      ...autocomplete,
    };
  }
  return {
    ...base,
    type: ApplicationCommandOptionType.String,
    ...(arg.maxLength !== undefined ? { max_length: Math.min(arg.maxLength, 6000) } : {}),
    ...autocomplete,
  };
}

function subcommand(command: AnyCommand): APIApplicationCommandSubcommandOption {
  // `hidden` arguments are only hidden from free-text parsing: Discord takes them as typed options
  // (subscribe's time and timezone, search's page). Discord wants required options first.
  const args = command.args;
  const sorted = [...args.filter((arg) => arg.required), ...args.filter((arg) => !arg.required)];
  if (sorted.length > LIMITS.commandOptions) throw new Error(`discord: command "${command.name}" has more than ${LIMITS.commandOptions} options`);
  return {
    type: ApplicationCommandOptionType.Subcommand,
    name: checkName(command.name, 'command'),
    description: description(command.description),
    options: sorted.map(option),
  };
}

function root(name: string, text: string, commands: readonly AnyCommand[]): CommandJSON {
  if (commands.length > LIMITS.commandOptions) throw new Error(`discord: more than ${LIMITS.commandOptions} subcommands under /${name}`);
  return {
    type: ApplicationCommandType.ChatInput,
    name: checkName(name, 'root command'),
    description: description(text),
    options: commands.map(subcommand),
    integration_types: [ApplicationIntegrationType.GuildInstall],
  };
}

/** The command JSON for a bulk overwrite (PUT): `/root` and, when needed, `/root-admin`. */
export function buildCommands(commands: readonly AnyCommand[], rootName: string): CommandJSON[] {
  const open = commands.filter((command) => !command.requiresManage);
  const managed = commands.filter((command) => command.requiresManage);
  const out: CommandJSON[] = [
    { ...root(rootName, 'Research papers: search, digests, random picks and more', open), contexts: [InteractionContextType.Guild, InteractionContextType.BotDM] },
  ];
  if (managed.length) {
    out.push({
      ...root(adminRootName(rootName), 'Channel settings for paperbot (needs Manage Channels)', managed),
      default_member_permissions: PERMISSIONS.manageChannels.toString(),
      // `contexts` replaces the deprecated `dm_permission`; both say "servers only".
      dm_permission: false,
      contexts: [InteractionContextType.Guild],
    });
  }
  return out;
}
