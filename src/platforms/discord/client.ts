/**
 * The Discord adapter: a discord.js gateway client that answers our slash commands, buttons and
 * autocomplete, plus a `Poster` for scheduled digests. Slash commands need no privileged intents;
 * `Guilds` keeps `interaction.guild` populated.
 * @see https://discord.com/developers/docs/topics/gateway#gateway-intents
 */
import { Client, Events, GatewayIntentBits, Partials, type MessageReaction, type PartialMessageReaction, type PartialUser, type User } from 'discord.js';
import type { Bot } from '../../core/bot.js';
import { silentLogger, type Logger } from '../../core/logger.js';
import type { Poster } from '../../core/poster.js';
import { describeError } from '../../core/safe-error.js';
import { handleInteraction } from './gateway-interaction.js';
import { DiscordPoster } from './poster.js';

export interface DiscordOptions {
  token: string;
  /** REST base without version (e.g. a local fake's `http://127.0.0.1:PORT/api`); default Discord's. */
  apiUrl?: string;
  /** The root slash command, e.g. `papers`. Used by registration; interactions are routed by subcommand. */
  rootName: string;
  logger?: Logger;
  /** Run a command this long before deferring the interaction. Default 2000 ms. */
  deferAfterMs?: number;
  /** Give up connecting after this long. Default 30 s. */
  readyTimeoutMs?: number;
}

export interface DiscordHandle {
  client: Client;
  poster: Poster;
  stop(): Promise<void>;
  isReady(): boolean;
}

function waitReady(client: Client, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`discord: not ready after ${ms} ms`)), ms);
    client.once(Events.ClientReady, () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export async function startDiscord(options: DiscordOptions, bot: Bot): Promise<DiscordHandle> {
  const log = (options.logger ?? silentLogger).child({ platform: 'discord' });
  const client = new Client({
    // Reactions in servers are not a privileged intent: 👍 and 👎 on a threaded digest's papers are votes.
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessageReactions],
    // Reactions arrive for messages the client has not cached (every digest, posted over REST).
    partials: [Partials.Message, Partials.Reaction, Partials.User, Partials.Channel],
    allowedMentions: { parse: [] },
    ...(options.apiUrl ? { rest: { api: options.apiUrl } } : {}),
  });
  const ctx = { bot, log, deferAfterMs: options.deferAfterMs ?? 2000, rootName: options.rootName };
  client.on(Events.InteractionCreate, (interaction) => void handleInteraction(interaction, ctx));
  const onReaction = (added: boolean) => (reaction: MessageReaction | PartialMessageReaction, user: User | PartialUser) => {
    if (user.bot || user.id === client.user?.id) return;
    const event = { platform: 'discord', channelId: reaction.message.channelId, messageId: reaction.message.id, userId: user.id, emoji: reaction.emoji.name ?? '', added };
    bot.react(event).catch((error: unknown) => log.warn({ err: describeError(error), messageId: event.messageId }, 'discord reaction not counted'));
  };
  client.on(Events.MessageReactionAdd, onReaction(true));
  client.on(Events.MessageReactionRemove, onReaction(false));
  client.on(Events.Error, (error) => log.error({ err: { name: error.name, message: error.message } }, 'discord client error'));
  client.on(Events.Warn, (message) => log.warn({ message }, 'discord client warning'));
  client.on(Events.ShardDisconnect, (event, shard) => log.warn({ shard, code: event.code }, 'discord gateway disconnected'));

  const ready = waitReady(client, options.readyTimeoutMs ?? 30_000);
  try {
    await client.login(options.token);
    await ready;
  } catch (error) {
    ready.catch(() => undefined);
    await client.destroy();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`discord: could not connect (${reason})`);
  }
  log.info({ user: client.user?.tag, application: client.application?.id }, 'discord connected');

  const poster = new DiscordPoster({
    token: options.token,
    ...(options.apiUrl ? { apiUrl: options.apiUrl } : {}),
    encodeAction: (action, max) => bot.actions.encode(action, max),
    logger: log,
  });
  return {
    client,
    poster,
    isReady: () => client.isReady(),
    async stop() {
      poster.close();
      await client.destroy();
    },
  };
}
