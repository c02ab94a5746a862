/** Discord as a platform adapter: its settings, limits and start. discord.js loads only on start. */
import { z } from 'zod';
import { httpUrl, looksLikeDiscordToken, snowflake } from '../../config/fields.js';
import type { ConfigProblem } from '../../config/errors.js';
import { defineAdapter } from '../adapter.js';

export interface DiscordSettings {
  token: string;
  applicationId: string;
  /** Register commands in this server only (instant updates, for testing); global when absent. */
  guildId?: string;
  /** REST base such as `https://discord.com/api`; the library default when absent. */
  apiUrl?: string;
  commandName: string;
}

export const DISCORD_DEFAULT_COMMAND = 'papers';

export const discordAdapter = defineAdapter({
  name: 'discord',
  env: {
    DISCORD_TOKEN: z
      .string()
      .refine((s) => !/^bot\s/i.test(s), 'must be the bare bot token, without the "Bot " prefix')
      .refine(
        (s) => /^bot\s/i.test(s) || looksLikeDiscordToken(s),
        'does not look like a Discord bot token (three dot-separated parts); copy it from the Developer Portal, Bot, Reset Token',
      )
      .optional(),
    DISCORD_APPLICATION_ID: snowflake('must be the numeric Application ID from the Developer Portal, General Information').optional(),
    DISCORD_GUILD_ID: snowflake('must be a numeric server ID (enable Developer Mode, right-click the server, Copy Server ID)').optional(),
    DISCORD_API_URL: httpUrl('must be an http(s) URL such as https://discord.com/api').optional(),
    DISCORD_COMMAND_NAME: z
      .string()
      // The subscription commands live under `<name>-admin`, which must fit Discord's 32 characters too.
      .regex(/^[a-z0-9_-]{1,26}$/, 'must be 1-26 lowercase letters, digits, - or _ (Discord allows 32, and paperbot adds -admin for the subscription commands)')
      .optional(),
  },
  secrets: ['DISCORD_TOKEN'],
  // ~50 requests/s per bot (keep room for commands) and ~5 messages per 5 s per channel.
  pacing: [
    { scope: 'global', perSecond: 40, burst: 40 },
    { scope: 'channel', perSecond: 1, burst: 5 },
  ],
  configure(env): { settings?: DiscordSettings; problems: ConfigProblem[] } {
    const problems: ConfigProblem[] = [];
    if (env.DISCORD_TOKEN !== undefined && env.DISCORD_APPLICATION_ID === undefined) {
      problems.push({
        variable: 'DISCORD_APPLICATION_ID',
        message: 'DISCORD_APPLICATION_ID is missing: it is required when DISCORD_TOKEN is set. Copy the Application ID from the Discord Developer Portal, General Information.',
      });
    }
    if (env.DISCORD_TOKEN === undefined && env.DISCORD_APPLICATION_ID !== undefined) {
      problems.push({
        variable: 'DISCORD_TOKEN',
        message: 'DISCORD_TOKEN is missing: DISCORD_APPLICATION_ID is set, so Discord needs its bot token too (Developer Portal, Bot, Reset Token). Unset DISCORD_APPLICATION_ID to run without Discord.',
      });
    }
    if (problems.length || !env.DISCORD_TOKEN || !env.DISCORD_APPLICATION_ID) return { problems };
    return {
      problems,
      settings: {
        token: env.DISCORD_TOKEN,
        applicationId: env.DISCORD_APPLICATION_ID,
        commandName: env.DISCORD_COMMAND_NAME ?? DISCORD_DEFAULT_COMMAND,
        ...(env.DISCORD_GUILD_ID && { guildId: env.DISCORD_GUILD_ID }),
        ...(env.DISCORD_API_URL && { apiUrl: env.DISCORD_API_URL }),
      },
    };
  },
  describe: (settings: DiscordSettings) => ({
    applicationId: settings.applicationId,
    guildId: settings.guildId ?? 'global commands',
    apiUrl: settings.apiUrl ?? 'default',
    commandName: settings.commandName,
    token: 'set',
  }),
  async start(settings: DiscordSettings, { bot, logger }) {
    const { startDiscord } = await import('./client.js');
    const discord = await startDiscord({ token: settings.token, rootName: settings.commandName, logger, ...(settings.apiUrl ? { apiUrl: settings.apiUrl } : {}) }, bot);
    return { poster: discord.poster, health: discord.isReady, stop: discord.stop };
  },
});
