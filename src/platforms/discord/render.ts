/**
 * Renders a neutral `Reply` as a Discord API v10 message payload (embeds, buttons, flags). Pure:
 * the same reply always gives the same payload, and no payload exceeds a Discord limit.
 * The payload is used as is for REST (poster) and handed to discord.js for interactions.
 * @see https://discord.com/developers/docs/resources/message#create-message-jsonform-params
 */
import type { APIEmbed } from 'discord.js';
import type { Reply, ReplyFile } from '../../core/reply.js';
import { renderComponents, type ActionEncoder, type ComponentRow } from './components.js';
import { renderEmbeds } from './embeds.js';
import { EPHEMERAL, LIMITS } from './limits.js';
import { clip, toMarkdown } from './markdown.js';

export interface DiscordMessage {
  content: string;
  embeds: APIEmbed[];
  components: ComponentRow[];
  /** Nothing in a message of ours may ping: queries and titles can contain @everyone or <@id>. */
  allowed_mentions: { parse: [] };
  flags?: number;
  /** Attachments (a reading-list export), sent with interaction answers; the poster sends none. */
  files?: ReplyFile[];
}

export interface RenderOptions {
  /** Encodes a button action into a custom_id (`bot.actions.encode`). */
  encodeAction: ActionEncoder;
  /** The command that produced the reply: its own buttons (next page, another one) update the message in place. */
  command?: string;
  /** Channel messages (scheduled posts) cannot be ephemeral. */
  channel?: boolean;
}

export function renderMessage(reply: Reply, options: RenderOptions): DiscordMessage {
  const embeds = renderEmbeds(reply.blocks, reply.error === true);
  // Text-only replies (and the odd reply without blocks) go into `content`; a message needs one or the other.
  const content = embeds.length ? '' : clip(toMarkdown(reply.text.trim()), LIMITS.content) || '…';
  const message: DiscordMessage = {
    content,
    embeds,
    components: renderComponents(reply.blocks, reply.buttons, options),
    allowed_mentions: { parse: [] },
  };
  if (reply.ephemeral && !options.channel) message.flags = EPHEMERAL;
  if (reply.files?.length && !options.channel) message.files = reply.files;
  return message;
}
