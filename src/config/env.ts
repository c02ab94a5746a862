/**
 * Reads and validates paperbot's configuration from the environment, once, at start-up. Nothing
 * else in the app reads `process.env`: everything gets the typed `Config` from here.
 */
import { resolve, join } from 'node:path';
import { PROJECT_ROOT } from '../paths.js';
import { ConfigError, type ConfigProblem } from './errors.js';
import { canonicalTimeZone, type LogLevel } from './fields.js';
import { choosePlatforms, type Env, type SlackMode } from './platforms.js';
import { ENV_NAMES, SECRET_VARIABLES, envSchema, type ParsedEnv } from './schema.js';

export type PlatformName = 'discord' | 'slack';
export type LogFormat = 'json' | 'pretty';

export interface DiscordConfig {
  token: string;
  applicationId: string;
  /** Register commands in this server only (instant updates, for testing); global when absent. */
  guildId?: string;
  /** REST base such as `https://discord.com/api`; the library default when absent. */
  apiUrl?: string;
  commandName: string;
}

interface SlackCommon {
  botToken: string;
  apiUrl?: string;
  commandName: string;
  managePolicy: 'everyone' | 'admins';
  /** User IDs allowed to manage channel subscriptions in addition to workspace admins. */
  managers: string[];
}
export type SlackConfig =
  | (SlackCommon & { mode: 'http'; signingSecret: string; port: number; appToken?: string })
  | (SlackCommon & { mode: 'socket'; appToken: string; signingSecret?: string });

export interface Config {
  /** `console` when no chat platform has credentials. */
  mode: 'chat' | 'console';
  platforms: PlatformName[];
  discord?: DiscordConfig;
  slack?: SlackConfig;
  /** Absolute path of the corpus folder. */
  dataDir: string;
  /** Absolute path of the folder for state; the SQLite file lives there. */
  stateDir: string;
  databaseFile: string;
  /** Folder for index snapshots (faster start-up), or false when disabled. */
  cacheDir: string | false;
  /** Canonical IANA zone used for digest times. */
  timezone: string;
  /** Daily digest time, `HH:MM` in `timezone`. */
  digestTime: string;
  catchupGraceMinutes: number;
  rateLimit: { perMinute: number; burst: number };
  log: { level: LogLevel; format: LogFormat };
  /** Port of the health/metrics server; undefined when disabled (always in console mode). */
  opsPort?: number;
  watchCorpus: boolean;
  /** Non-fatal oddities worth a log line, such as unknown PAPERBOT_* variables. */
  warnings: string[];
}

export const DEFAULTS = {
  dataDir: 'data',
  stateDir: 'var',
  databaseFileName: 'paperbot.db',
  timezone: 'UTC',
  digestTime: '09:00',
  catchupGraceMinutes: 120,
  rateLimitPerMinute: 20,
  rateLimitBurst: 5,
  logLevel: 'info',
  opsPort: 9464,
  slackPort: 3000,
  discordCommandName: 'papers',
  slackCommandName: '/papers',
  slackManagePolicy: 'admins',
} as const;

/** Drops empty and whitespace-only values: `FOO=` in a .env file means "not set". */
function normalise(env: Env): Env {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && value.trim() !== '') out[key] = value.trim();
  }
  return out;
}

function problemFor(variable: string, message: string, env: Env): ConfigProblem {
  // Non-secret values are echoed to make typos obvious; secret ones never are.
  const shown = SECRET_VARIABLES.has(variable) || env[variable] === undefined ? '' : ` (got ${JSON.stringify(env[variable])})`;
  return { variable, message: `${variable} ${message}${shown}.` };
}

/**
 * Validates the environment and returns the typed configuration, or throws a `ConfigError`
 * listing every problem.
 */
export function loadConfig(env: Env = process.env): Config {
  const clean = normalise(env);
  const parsed = envSchema.safeParse(clean);
  const problems: ConfigProblem[] = [];
  if (!parsed.success) {
    const seen = new Set<string>();
    for (const issue of parsed.error.issues) {
      const variable = String(issue.path[0] ?? 'environment');
      if (seen.has(variable)) continue; // one message per variable is enough
      seen.add(variable);
      problems.push(problemFor(variable, issue.message, clean));
    }
  }
  const { choice, problems: presence } = choosePlatforms(clean);
  problems.push(...presence);
  if (parsed.success) problems.push(...portClash(parsed.data, choice.slack));
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  return build(parsed.data, choice.discord, choice.slack, clean);
}

function portClash(data: ParsedEnv, slack: SlackMode | undefined): ConfigProblem[] {
  const ops = data.OPS_PORT ?? DEFAULTS.opsPort;
  const web = data.PORT ?? DEFAULTS.slackPort;
  if (slack !== 'http' || ops === 0 || ops !== web) return [];
  return [{ variable: 'OPS_PORT', message: `OPS_PORT and PORT are both ${web}: the health/metrics server and Slack's HTTP receiver need different ports.` }];
}

/**
 * Where the corpus, state and snapshots live. Given paths are relative to where paperbot runs;
 * defaults live inside the project. Also used by the one-shot CLI, which needs no other setting.
 */
export function storagePaths(env: Env): { dataDir: string; stateDir: string; cacheDir: string | false } {
  const given = (name: string) => env[name]?.trim() || undefined;
  const dataDir = given('PAPERBOT_DATA_DIR');
  const stateDir = given('PAPERBOT_STATE_DIR') ? resolve(given('PAPERBOT_STATE_DIR')!) : join(PROJECT_ROOT, DEFAULTS.stateDir);
  const cache = given('PAPERBOT_CACHE_DIR');
  return {
    dataDir: dataDir ? resolve(dataDir) : join(PROJECT_ROOT, DEFAULTS.dataDir),
    stateDir,
    cacheDir: cache === 'off' ? false : cache ? resolve(cache) : join(stateDir, 'cache'),
  };
}

function build(data: ParsedEnv, discordOn: boolean, slackMode: SlackMode | undefined, env: Env): Config {
  const platforms: PlatformName[] = [];
  const config: Config = {
    mode: 'console',
    platforms,
    ...storagePaths(env),
    databaseFile: '',
    timezone: canonicalTimeZone(data.PAPERBOT_TIMEZONE ?? DEFAULTS.timezone),
    digestTime: data.PAPERBOT_DIGEST_TIME ?? DEFAULTS.digestTime,
    catchupGraceMinutes: data.PAPERBOT_CATCHUP_GRACE_MINUTES ?? DEFAULTS.catchupGraceMinutes,
    rateLimit: {
      perMinute: data.PAPERBOT_RATE_LIMIT_PER_MINUTE ?? DEFAULTS.rateLimitPerMinute,
      burst: data.PAPERBOT_RATE_LIMIT_BURST ?? DEFAULTS.rateLimitBurst,
    },
    log: { level: data.LOG_LEVEL ?? DEFAULTS.logLevel, format: 'json' },
    watchCorpus: data.PAPERBOT_WATCH_CORPUS ?? false,
    warnings: unknownVariables(env),
  };
  config.databaseFile = join(config.stateDir, DEFAULTS.databaseFileName);

  if (discordOn && data.DISCORD_TOKEN && data.DISCORD_APPLICATION_ID) {
    platforms.push('discord');
    config.discord = {
      token: data.DISCORD_TOKEN,
      applicationId: data.DISCORD_APPLICATION_ID,
      commandName: data.DISCORD_COMMAND_NAME ?? DEFAULTS.discordCommandName,
      ...(data.DISCORD_GUILD_ID && { guildId: data.DISCORD_GUILD_ID }),
      ...(data.DISCORD_API_URL && { apiUrl: data.DISCORD_API_URL }),
    };
  }
  if (slackMode && data.SLACK_BOT_TOKEN) {
    platforms.push('slack');
    config.slack = slackConfig(data, data.SLACK_BOT_TOKEN, slackMode);
  }

  const chat = platforms.length > 0;
  config.mode = chat ? 'chat' : 'console';
  config.log.format = data.LOG_FORMAT ?? (chat ? 'json' : 'pretty');
  // In the console chat, per-command info lines would interleave with the replies.
  if (!chat && data.LOG_LEVEL === undefined) config.log.level = 'warn';
  // The console is a local, interactive run: no listener on a port.
  const opsPort = chat ? (data.OPS_PORT ?? DEFAULTS.opsPort) : 0;
  if (opsPort !== 0) config.opsPort = opsPort;
  if (!chat && data.OPS_PORT) config.warnings.push('OPS_PORT is ignored in console mode (no chat platform configured).');
  return config;
}

function slackConfig(data: ParsedEnv, botToken: string, mode: SlackMode): SlackConfig {
  const common: SlackCommon = {
    botToken,
    commandName: data.SLACK_COMMAND_NAME ?? DEFAULTS.slackCommandName,
    managePolicy: data.SLACK_MANAGE_POLICY ?? DEFAULTS.slackManagePolicy,
    managers: data.SLACK_MANAGERS ?? [],
    ...(data.SLACK_API_URL && { apiUrl: data.SLACK_API_URL }),
  };
  const appToken = data.SLACK_APP_TOKEN;
  const signingSecret = data.SLACK_SIGNING_SECRET;
  // choosePlatforms has already reported a missing partner, so these are present here.
  if (mode === 'socket') return { ...common, mode, appToken: appToken!, ...(signingSecret && { signingSecret }) };
  return { ...common, mode, signingSecret: signingSecret!, port: data.PORT ?? DEFAULTS.slackPort, ...(appToken && { appToken }) };
}

/** A misspelt PAPERBOT_ variable would otherwise be ignored without a word. */
function unknownVariables(env: Env): string[] {
  const known = new Set<string>(ENV_NAMES);
  return Object.keys(env)
    .filter((name) => name.startsWith('PAPERBOT_') && !known.has(name))
    .sort()
    .map((name) => `${name} is not a paperbot setting and is ignored (check the spelling against .env.example).`);
}
