/**
 * Interactions that arrive as raw JSON (the HTTP interactions endpoint): the fields paperbot reads,
 * checked, and the handlers' view of them. The same reading as the gateway's (request.ts and
 * gateway-interaction.ts), from Discord's payload instead of discord.js objects.
 * @see https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object
 */
import { z } from 'zod';
import type { RequestInfo } from '../../core/command.js';
import type { AutocompleteResponder, CommandArgs, ComponentResponder, Incoming } from './exchange.js';
import { EPHEMERAL, PERMISSIONS } from './limits.js';
import { discordPrefix } from './request.js';

/** @see https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object-interaction-type */
export const INTERACTION = { ping: 1, command: 2, component: 3, autocomplete: 4 } as const;
const CHAT_INPUT = 1;
const SUBCOMMAND = 1;
const BUTTON = 2;
const STRING_SELECT = 3;
const ADMINISTRATOR = 1n << 3n;

const snowflake = z.string().regex(/^\d{1,20}$/);
const userRef = z.object({ id: snowflake });

interface RawOption {
  name: string;
  type: number;
  value?: string | number | boolean | undefined;
  focused?: boolean | undefined;
  options?: RawOption[] | undefined;
}
const option: z.ZodType<RawOption> = z.lazy(() =>
  z.object({
    name: z.string(),
    type: z.number(),
    value: z.union([z.string(), z.number(), z.boolean()]).optional(),
    focused: z.boolean().optional(),
    options: z.array(option).optional(),
  }),
);

const rawInteraction = z.object({
  id: snowflake,
  application_id: snowflake,
  type: z.number().int(),
  token: z.string().min(1).optional(),
  guild_id: snowflake.optional(),
  channel_id: snowflake.optional(),
  channel: z.object({ id: snowflake }).optional(),
  member: z.object({ user: userRef, permissions: z.string().regex(/^\d+$/).optional() }).optional(),
  user: userRef.optional(),
  data: z
    .object({
      name: z.string().optional(),
      type: z.number().optional(),
      options: z.array(option).optional(),
      custom_id: z.string().optional(),
      component_type: z.number().optional(),
      values: z.array(z.string()).optional(),
    })
    .optional(),
  message: z.object({ flags: z.number().optional(), interaction_metadata: z.object({ user: userRef }).optional() }).optional(),
});

export type RawInteraction = z.output<typeof rawInteraction>;

/** The payload, or undefined when it is not shaped like an interaction. */
export function readInteraction(json: unknown): RawInteraction | undefined {
  const parsed = rawInteraction.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

/** Who, where, and whether they may manage the channel, as `requestInfo` reads it from discord.js. */
export function apiRequestInfo(raw: RawInteraction, rootName?: string, openDm?: (userId: string) => Promise<string>): RequestInfo {
  const permissions = raw.member?.permissions === undefined ? 0n : BigInt(raw.member.permissions);
  const userId = raw.member?.user.id ?? raw.user?.id ?? '';
  return {
    ...(rootName ? { commandPrefix: discordPrefix(rootName) } : {}),
    platform: 'discord',
    userId,
    channelId: raw.channel_id ?? raw.channel?.id ?? '',
    ...(raw.guild_id ? { workspaceId: raw.guild_id } : {}),
    // As discord.js's `has`: Administrator implies every permission.
    canManageChannel: (permissions & (PERMISSIONS.manageChannels | ADMINISTRATOR)) !== 0n,
    ...(openDm && userId ? { openDirectChannel: () => openDm(userId) } : {}),
  };
}

/** The subcommand under our root and its options, as `commandCall` reads them. */
function commandCall(raw: RawInteraction): { name: string; options: readonly RawOption[] } {
  const sub = raw.data?.options?.find((o) => o.type === SUBCOMMAND);
  return { name: sub?.name ?? raw.data?.name ?? '', options: sub?.options ?? [] };
}

function argsOf(options: readonly RawOption[]): CommandArgs {
  const args: CommandArgs = {};
  for (const o of options) if (o.value !== undefined) args[o.name] = o.value;
  return args;
}

/** The handlers' view of a raw interaction; undefined for kinds paperbot does not use (as over the gateway). */
export function incomingFromApi(
  raw: RawInteraction,
  answer: ComponentResponder & AutocompleteResponder,
  rootName?: string,
  openDm?: (userId: string) => Promise<string>,
): Incoming | undefined {
  const channelId = raw.channel_id ?? raw.channel?.id;
  const common = {
    id: raw.id,
    type: raw.type,
    request: apiRequestInfo(raw, rootName, openDm),
    ...(raw.guild_id ? { guildId: raw.guild_id } : {}),
    ...(channelId ? { channelId } : {}),
  };
  const data = raw.data;
  if (raw.type === INTERACTION.command && data?.type === CHAT_INPUT) {
    const { name, options } = commandCall(raw);
    return { ...common, kind: 'command', name, args: argsOf(options), answer };
  }
  if (raw.type === INTERACTION.component && data?.custom_id !== undefined && raw.message && (data.component_type === BUTTON || data.component_type === STRING_SELECT)) {
    const owner = raw.message.interaction_metadata?.user.id;
    return {
      ...common,
      kind: 'component',
      customId: data.custom_id,
      ...(data.component_type === STRING_SELECT ? { values: data.values ?? [] } : {}),
      messageEphemeral: ((raw.message.flags ?? 0) & EPHEMERAL) !== 0,
      ...(owner ? { messageOwnerId: owner } : {}),
      answer,
    };
  }
  if (raw.type === INTERACTION.autocomplete) {
    const { name, options } = commandCall(raw);
    const focused = options.find((o) => o.focused);
    if (!focused) return undefined;
    return { ...common, kind: 'autocomplete', name, focused: { name: focused.name, value: String(focused.value ?? '') }, answer };
  }
  return undefined;
}
