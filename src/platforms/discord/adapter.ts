/** Discord as a platform adapter: its settings, limits and start. discord.js loads only on start. */
import { z } from 'zod';
import { httpUrl, looksLikeDiscordToken, oneOf, snowflake, tcpPort } from '../../config/fields.js';
import type { ConfigProblem } from '../../config/errors.js';
import { defineAdapter } from '../adapter.js';
import { isEd25519PublicKey } from './signature.js';

export interface DiscordSettings {
  token: string;
  applicationId: string;
  /** Register commands in this server only (instant updates, for testing); global when absent. */
  guildId?: string;
  /** REST base such as `https://discord.com/api`; the library default when absent. */
  apiUrl?: string;
  commandName: string;
  /**
   * Present in `DISCORD_MODE=http`: interactions arrive at an HTTP endpoint instead of the gateway.
   * The public key is not a secret (Discord shows it to anyone with the application).
   */
  http?: { publicKey: string; port: number };
}

export const DISCORD_DEFAULT_COMMAND = 'papers';
/** Next to Slack's HTTP receiver (3000), so both can listen with their defaults. */
export const DISCORD_DEFAULT_HTTP_PORT = 3001;

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
    DISCORD_MODE: oneOf(['gateway', 'http'], 'must be gateway or http').optional(),
    DISCORD_PUBLIC_KEY: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, 'must be the 64 hex characters of the Public Key from the Developer Portal, General Information')
      .refine((s) => !/^[0-9a-fA-F]{64}$/.test(s) || isEd25519PublicKey(s), 'is not a usable Ed25519 public key; copy the Public Key again from the Developer Portal, General Information')
      .optional(),
    DISCORD_HTTP_PORT: tcpPort('must be a port number from 1 to 65535').optional(),
  },
  // The public key is not secret, but a bot token pasted into it by mistake must not be echoed.
  secrets: ['DISCORD_TOKEN', 'DISCORD_PUBLIC_KEY'],
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
    if (env.DISCORD_TOKEN === undefined && env.DISCORD_APPLICATION_ID === undefined && env.DISCORD_PUBLIC_KEY !== undefined) {
      problems.push({
        variable: 'DISCORD_TOKEN',
        message: 'DISCORD_TOKEN is missing: DISCORD_PUBLIC_KEY is set, so Discord needs its bot token and DISCORD_APPLICATION_ID too (the bot token posts digests). Unset DISCORD_PUBLIC_KEY to run without Discord.',
      });
    }
    // Unparsed values (another setting is invalid) can still be checked for presence.
    const http = String(env.DISCORD_MODE ?? '').trim().toLowerCase() === 'http';
    if (http && env.DISCORD_TOKEN !== undefined && env.DISCORD_PUBLIC_KEY === undefined) {
      problems.push({
        variable: 'DISCORD_PUBLIC_KEY',
        message: 'DISCORD_PUBLIC_KEY is missing: it is required when DISCORD_MODE=http, to check that requests come from Discord (Developer Portal, General Information, Public Key).',
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
        ...(http && env.DISCORD_PUBLIC_KEY && { http: { publicKey: env.DISCORD_PUBLIC_KEY.toLowerCase(), port: env.DISCORD_HTTP_PORT ?? DISCORD_DEFAULT_HTTP_PORT } }),
      },
    };
  },
  describe: (settings: DiscordSettings) => ({
    mode: settings.http ? 'http' : 'gateway',
    ...(settings.http && { port: settings.http.port, publicKey: settings.http.publicKey }),
    applicationId: settings.applicationId,
    guildId: settings.guildId ?? 'global commands',
    apiUrl: settings.apiUrl ?? 'default',
    commandName: settings.commandName,
    token: 'set',
  }),
  ports: (settings: DiscordSettings) => (settings.http ? [{ variable: 'DISCORD_HTTP_PORT', port: settings.http.port }] : []),
  async start(settings: DiscordSettings, { bot, logger, listenHost }) {
    if (settings.http) {
      const { startDiscordHttp } = await import('./http-endpoint.js');
      const endpoint = await startDiscordHttp(
        {
          token: settings.token,
          publicKey: settings.http.publicKey,
          port: settings.http.port,
          rootName: settings.commandName,
          logger,
          ...(listenHost ? { host: listenHost } : {}),
          ...(settings.apiUrl ? { apiUrl: settings.apiUrl } : {}),
        },
        bot,
      );
      return { poster: endpoint.poster, health: endpoint.isReady, stop: endpoint.stop };
    }
    const { startDiscord } = await import('./client.js');
    const discord = await startDiscord({ token: settings.token, rootName: settings.commandName, logger, ...(settings.apiUrl ? { apiUrl: settings.apiUrl } : {}) }, bot);
    return { poster: discord.poster, health: discord.isReady, stop: discord.stop };
  },
});
