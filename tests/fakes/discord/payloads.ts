/**
 * Builders for Discord objects as the API and gateway send them (users, guilds, channels,
 * messages, interactions), trimmed to the fields that clients read.
 * @see https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object
 * @see https://discord.com/developers/docs/resources/message#message-object
 */
import { randomBytes } from 'node:crypto';

const DISCORD_EPOCH = 1420070400000n;
let increment = 0n;

/** A snowflake for the current time, unique within this process. */
export function snowflake(at = Date.now()): string {
  increment = (increment + 1n) % 4096n;
  return (((BigInt(at) - DISCORD_EPOCH) << 22n) | (1n << 17n) | increment).toString();
}

export const interactionToken = (): string => `aW50ZXJhY3Rpb24${randomBytes(48).toString('base64url')}`;

/** Everything except Administrator; Manage Channels (16) is toggled per test. */
export const ALL_PERMISSIONS = (2n ** 50n - 1n) & ~8n;
export const MANAGE_CHANNELS = 16n;

export interface FakeUser {
  id: string;
  username: string;
  global_name: string | null;
  discriminator: string;
  avatar: string | null;
  bot?: boolean;
}

export function user(id: string, username: string, bot = false): FakeUser {
  return { id, username, global_name: bot ? null : username, discriminator: '0', avatar: null, ...(bot ? { bot: true } : {}) };
}

export function textChannel(id: string, guildId: string, name = 'general'): Record<string, unknown> {
  return { id, type: 0, guild_id: guildId, name, position: 0, permission_overwrites: [], nsfw: false, parent_id: null, topic: null, last_message_id: null, rate_limit_per_user: 0, flags: 0 };
}

export function guild(id: string, channelIds: string[], owner: string): Record<string, unknown> {
  return {
    id,
    name: 'Paper Readers',
    icon: null,
    owner_id: owner,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [{ id, name: '@everyone', color: 0, hoist: false, position: 0, permissions: '1071698660929', managed: false, mentionable: false, flags: 0 }],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    system_channel_id: channelIds[0] ?? null,
    system_channel_flags: 0,
    rules_channel_id: null,
    joined_at: new Date().toISOString(),
    large: false,
    unavailable: false,
    member_count: 2,
    voice_states: [],
    members: [],
    channels: channelIds.map((channelId, i) => textChannel(channelId, id, i === 0 ? 'general' : `papers-${i}`)),
    threads: [],
    presences: [],
    max_members: 500000,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    preferred_locale: 'en-US',
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    safety_alerts_channel_id: null,
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

export function member(who: FakeUser, permissions: bigint): Record<string, unknown> {
  return {
    user: who,
    roles: [],
    permissions: permissions.toString(),
    joined_at: new Date().toISOString(),
    nick: null,
    avatar: null,
    banner: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    premium_since: null,
    communication_disabled_until: null,
    unusual_dm_activity_until: null,
  };
}

export interface FakeMessage {
  id: string;
  channel_id: string;
  type: number;
  content: string;
  author: FakeUser;
  embeds: unknown[];
  components: unknown[];
  flags: number;
  timestamp: string;
  edited_timestamp: string | null;
  tts: false;
  mention_everyone: false;
  mentions: [];
  mention_roles: [];
  /** Files sent with the message (multipart uploads), with their text. */
  attachments: { id: string; filename: string; content: string }[];
  pinned: false;
  nonce?: string | number;
  application_id?: string;
  webhook_id?: string;
  allowed_mentions?: unknown;
  /** Who ran the interaction a response message answers (Discord's message interaction metadata). */
  interaction_metadata?: { id: string; type: number; user: FakeUser; authorizing_integration_owners: Record<string, string> };
}

/** A message created from a create/edit body (content, embeds, components, flags, ...). */
export function message(channelId: string, author: FakeUser, body: Record<string, unknown>, extra: Partial<FakeMessage> = {}): FakeMessage {
  return {
    id: snowflake(),
    channel_id: channelId,
    type: 0,
    content: typeof body.content === 'string' ? body.content : '',
    author,
    embeds: Array.isArray(body.embeds) ? body.embeds : [],
    components: Array.isArray(body.components) ? body.components : [],
    flags: typeof body.flags === 'number' ? body.flags : 0,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: Array.isArray(body.__files) ? (body.__files as { name: string; content: string }[]).map((f) => ({ id: snowflake(), filename: f.name, content: f.content })) : [],
    pinned: false,
    ...(body.nonce !== undefined ? { nonce: body.nonce as string } : {}),
    ...(body.allowed_mentions !== undefined ? { allowed_mentions: body.allowed_mentions } : {}),
    ...extra,
  };
}

/** Applies an edit body to a stored message; fields left out stay as they were, files are added. */
export function applyEdit(target: FakeMessage, body: Record<string, unknown>): FakeMessage {
  if (typeof body.content === 'string') target.content = body.content;
  if (Array.isArray(body.embeds)) target.embeds = body.embeds;
  if (Array.isArray(body.components)) target.components = body.components;
  if (body.allowed_mentions !== undefined) target.allowed_mentions = body.allowed_mentions;
  // Files uploaded with an edit are added to the message.
  if (Array.isArray(body.__files)) {
    target.attachments.push(...(body.__files as { name: string; content: string }[]).map((f) => ({ id: snowflake(), filename: f.name, content: f.content })));
  }
  target.edited_timestamp = new Date().toISOString();
  return target;
}
