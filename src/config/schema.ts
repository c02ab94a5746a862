/**
 * The environment variables paperbot reads and the format each must have. Presence rules that
 * involve several variables (a token needs its partner) live in `platforms.ts`.
 */
import { z } from 'zod';
import {
  LOG_LEVELS,
  boolean,
  clockTime,
  httpUrl,
  isTimeZone,
  looksLikeDiscordToken,
  oneOf,
  optionalPort,
  slackUserList,
  snowflake,
  tcpPort,
  wholeNumber,
} from './fields.js';

/** Values that must never appear in logs or error messages. */
export const SECRET_VARIABLES: ReadonlySet<string> = new Set(['DISCORD_TOKEN', 'SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN']);

export const envSchema = z.object({
  PAPERBOT_DATA_DIR: z.string().optional(),
  PAPERBOT_STATE_DIR: z.string().optional(),
  PAPERBOT_CACHE_DIR: z.string().optional(),
  PAPERBOT_TIMEZONE: z
    .string()
    .refine(isTimeZone, 'must be an IANA time zone name such as UTC, Europe/Berlin or America/New_York')
    .optional(),
  PAPERBOT_DIGEST_TIME: clockTime('must be a 24-hour time HH:MM such as 09:00').optional(),
  PAPERBOT_CATCHUP_GRACE_MINUTES: wholeNumber(0, 1440, 'must be a whole number of minutes from 0 to 1440').optional(),
  PAPERBOT_RATE_LIMIT_PER_MINUTE: wholeNumber(1, 10_000, 'must be a whole number of commands per minute, at least 1').optional(),
  PAPERBOT_RATE_LIMIT_BURST: wholeNumber(1, 1000, 'must be a whole number of commands, at least 1').optional(),
  PAPERBOT_WATCH_CORPUS: boolean('must be true or false').optional(),
  LOG_LEVEL: oneOf(LOG_LEVELS, `must be one of ${LOG_LEVELS.join(', ')}`).optional(),
  LOG_FORMAT: oneOf(['json', 'pretty'], 'must be json or pretty').optional(),
  OPS_PORT: optionalPort('must be a port number from 1 to 65535, or 0/off to disable the health and metrics server').optional(),

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
    .regex(/^[a-z0-9_-]{1,32}$/, 'must be 1-32 lowercase letters, digits, - or _ (Discord command name rules)')
    .optional(),

  SLACK_BOT_TOKEN: z.string().startsWith('xoxb-', 'must start with xoxb- (OAuth & Permissions, Bot User OAuth Token)').optional(),
  SLACK_SIGNING_SECRET: z
    .string()
    .regex(/^[0-9a-f]{16,}$/i, 'must be the hex Signing Secret from Basic Information, App Credentials')
    .optional(),
  SLACK_APP_TOKEN: z.string().startsWith('xapp-', 'must start with xapp- (Basic Information, App-Level Tokens, with connections:write)').optional(),
  SLACK_MODE: oneOf(['socket', 'http'], 'must be socket or http').optional(),
  PORT: tcpPort('must be a port number from 1 to 65535').optional(),
  SLACK_API_URL: httpUrl('must be an http(s) URL such as https://slack.com/api/').optional(),
  SLACK_COMMAND_NAME: z
    .string()
    .regex(/^\/[a-z0-9_-]{1,31}$/, 'must be a slash command such as /papers (a leading /, then lowercase letters, digits, - or _)')
    .optional(),
  SLACK_MANAGE_POLICY: oneOf(['everyone', 'admins'], 'must be everyone or admins').optional(),
  SLACK_MANAGERS: slackUserList('must be comma-separated Slack user IDs such as U012ABCDEF,U045GHIJKL').optional(),
});

export type ParsedEnv = z.output<typeof envSchema>;
export type EnvName = keyof z.input<typeof envSchema>;
export const ENV_NAMES = Object.keys(envSchema.shape) as EnvName[];
