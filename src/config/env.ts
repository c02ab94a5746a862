/**
 * Reads and validates paperbot's configuration from the environment, once, at start-up. Nothing
 * else in the app reads `process.env`: everything gets the typed `Config` from here.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve, join } from 'node:path';
import type { AnyAdapter, Env, PlatformAdapter } from '../platforms/adapter.js';
import { platformAdapters } from '../platforms/registry.js';
import { PROJECT_ROOT } from '../paths.js';
import { ConfigError, type ConfigProblem } from './errors.js';
import { DATABASE_URL_MESSAGE, isPostgresUrl } from './database-url.js';
import { canonicalTimeZone, type LogLevel } from './fields.js';
import { coreEnvSchema, envSchemaFor, secretVariables, type ParsedEnv } from './schema.js';

export type LogFormat = 'json' | 'pretty';

export interface Config {
  /** `console` when no chat platform has credentials. */
  mode: 'chat' | 'console';
  /** Names of the chat platforms switched on, in registry order. */
  platforms: string[];
  /** Each switched-on platform's settings, by adapter name; read them with `settingsOf`. */
  chat: Readonly<Record<string, unknown>>;
  /** Absolute path of the corpus folder. */
  dataDir: string;
  /** Absolute path of the folder for state; the SQLite file lives there. */
  stateDir: string;
  databaseFile: string;
  /** `DATABASE_URL`: Postgres instead of the SQLite file. Holds a password: never log it whole. */
  databaseUrl?: string;
  /** A replica silent this long is taken for dead: the others take over its digests and the sources. */
  failoverSeconds: number;
  /** Folder for index snapshots (faster start-up), or false when disabled. */
  cacheDir: string | false;
  /** Canonical IANA zone used for digest times. */
  timezone: string;
  /** Daily digest time, `HH:MM` in `timezone`. */
  digestTime: string;
  catchupGraceMinutes: number;
  rateLimit: { perMinute: number; burst: number };
  log: { level: LogLevel; format: LogFormat };
  /** Address the ops server and a platform's HTTP receiver listen on. */
  listenHost: string;
  /** Port of the health/metrics server; undefined when disabled (always in console mode). */
  opsPort?: number;
  watchCorpus: boolean;
  sources: SourceSettings;
  /** Where search's semantic vectors come from. */
  embeddings: EmbeddingSettings;
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
  failoverSeconds: 30,
  rateLimitPerMinute: 20,
  rateLimitBurst: 5,
  logLevel: 'info',
  opsPort: 9464,
} as const;

/** One platform's settings, typed by its adapter; undefined when that platform is off. */
export function settingsOf<S>(config: Pick<Config, 'chat'>, adapter: PlatformAdapter<S, any>): S | undefined {
  return config.chat[adapter.name] as S | undefined;
}

/** Drops empty and whitespace-only values: `FOO=` in a .env file means "not set". */
function normalise(env: Env): Env {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && value.trim() !== '') out[key] = value.trim();
  }
  return out;
}

function problemFor(variable: string, message: string, env: Env, secrets: ReadonlySet<string>): ConfigProblem {
  // Non-secret values are echoed to make typos obvious; secret ones never are.
  const shown = secrets.has(variable) || env[variable] === undefined ? '' : ` (got ${JSON.stringify(env[variable])})`;
  return { variable, message: `${variable} ${message}${shown}.` };
}

/**
 * Validates the environment and returns the typed configuration, or throws a `ConfigError`
 * listing every problem. `adapters` are the chat platforms that may be switched on.
 */
export function loadConfig(env: Env = process.env, adapters: readonly AnyAdapter[] = platformAdapters): Config {
  const clean = normalise(env);
  const secrets = secretVariables(adapters);
  const parsed = envSchemaFor(adapters).safeParse(clean);
  const problems: ConfigProblem[] = [];
  if (!parsed.success) {
    const seen = new Set<string>();
    for (const issue of parsed.error.issues) {
      const variable = String(issue.path[0] ?? 'environment');
      if (seen.has(variable)) continue; // one message per variable is enough
      seen.add(variable);
      problems.push(problemFor(variable, issue.message, clean, secrets));
    }
  }
  // Presence rules only look at which variables are set, so they run on the raw values when
  // some failed to parse: every problem is reported in one go.
  const values: Record<string, unknown> = parsed.success ? parsed.data : clean;
  const chat: Record<string, unknown> = {};
  for (const adapter of adapters) {
    const { settings, problems: missing } = adapter.configure(values);
    problems.push(...missing);
    if (settings !== undefined) chat[adapter.name] = settings;
  }
  if (parsed.success) problems.push(...portClashes(parsed.data, chat, adapters));
  problems.push(...dataDirProblems(storagePaths(clean).dataDir, clean));
  problems.push(...embeddingProblems(clean));
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  return build(parsed.data, chat, clean, adapters);
}

/** A corpus folder that is not there would otherwise surface as a stack trace from deep in the loader. */
export function dataDirProblems(dataDir: string, env: Env): ConfigProblem[] {
  if (existsSync(dataDir) && statSync(dataDir).isDirectory()) return [];
  const named = env.PAPERBOT_DATA_DIR ? `PAPERBOT_DATA_DIR is ${JSON.stringify(env.PAPERBOT_DATA_DIR)}, which` : `The corpus folder ${dataDir}`;
  return [{ variable: 'PAPERBOT_DATA_DIR', message: `${named} is not a folder that exists: point it at the folder with the corpus .txt files (or leave it unset for the bundled data/).` }];
}

function portClashes(data: ParsedEnv, chat: Record<string, unknown>, adapters: readonly AnyAdapter[]): ConfigProblem[] {
  const ops = data.OPS_PORT ?? DEFAULTS.opsPort;
  const listeners = adapters
    .filter((adapter) => adapter.name in chat)
    .flatMap((adapter) => (adapter.ports?.(chat[adapter.name]) ?? []).map((p) => ({ adapter, ...p })));
  const problems: ConfigProblem[] = listeners
    .filter((l) => ops !== 0 && l.port === ops)
    .map(({ adapter, variable }) => ({
      variable: 'OPS_PORT',
      message: `OPS_PORT and ${variable} are both ${ops}: the health/metrics server and the ${adapter.name} listener need different ports.`,
    }));
  // Two platforms' HTTP listeners (Slack's receiver and Discord's interactions endpoint) on one port.
  listeners.forEach((a, i) => {
    const b = listeners.slice(i + 1).find((other) => other.port === a.port && other.adapter !== a.adapter);
    if (b) {
      problems.push({
        variable: b.variable,
        message: `${a.variable} and ${b.variable} are both ${a.port}: the ${a.adapter.name} and ${b.adapter.name} listeners need different ports.`,
      });
    }
  });
  return problems;
}

/** Each setting that parses, ignoring the ones that do not. */
function leniently(env: Env): ParsedEnv {
  const out: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(coreEnvSchema.shape)) {
    const result = schema.safeParse(env[name]);
    if (result.success && result.data !== undefined) out[name] = result.data;
  }
  return out as ParsedEnv;
}

/**
 * Semantic search's embedding model: by default one learnt from the corpus (LSA, nothing to
 * download, no network); with `PAPERBOT_EMBEDDINGS_URL` an OpenAI-compatible endpoint. The key is a secret.
 */
export type EmbeddingSettings = { provider: 'lsa' } | { provider: 'http'; url: string; model: string; apiKey?: string };

/** The embedding settings of already validated values. */
export function embeddingSettings(data: Pick<ParsedEnv, 'PAPERBOT_EMBEDDINGS_URL' | 'PAPERBOT_EMBEDDINGS_MODEL' | 'PAPERBOT_EMBEDDINGS_KEY'>): EmbeddingSettings {
  if (!data.PAPERBOT_EMBEDDINGS_URL || !data.PAPERBOT_EMBEDDINGS_MODEL) return { provider: 'lsa' };
  return { provider: 'http', url: data.PAPERBOT_EMBEDDINGS_URL, model: data.PAPERBOT_EMBEDDINGS_MODEL, ...(data.PAPERBOT_EMBEDDINGS_KEY ? { apiKey: data.PAPERBOT_EMBEDDINGS_KEY } : {}) };
}

/** Embedding settings read leniently from the raw environment (the one-shot CLI): invalid ones fall back to the default model. */
export function embeddingSettingsFromEnv(env: Env): EmbeddingSettings {
  const clean = normalise(env);
  return embeddingProblems(clean).length ? { provider: 'lsa' } : embeddingSettings(leniently(clean));
}

/** The endpoint needs its model, and a model or key means nothing without the endpoint. */
export function embeddingProblems(env: Env): ConfigProblem[] {
  const has = (name: string) => env[name] !== undefined;
  if (has('PAPERBOT_EMBEDDINGS_URL') && !has('PAPERBOT_EMBEDDINGS_MODEL')) {
    return [{ variable: 'PAPERBOT_EMBEDDINGS_MODEL', message: 'PAPERBOT_EMBEDDINGS_MODEL is required with PAPERBOT_EMBEDDINGS_URL: name the embedding model the endpoint serves, such as text-embedding-3-small.' }];
  }
  const orphan = ['PAPERBOT_EMBEDDINGS_MODEL', 'PAPERBOT_EMBEDDINGS_KEY'].filter(has);
  if (!has('PAPERBOT_EMBEDDINGS_URL') && orphan.length) {
    return orphan.map((variable) => ({ variable, message: `${variable} is set but PAPERBOT_EMBEDDINGS_URL is not: set the endpoint too, or unset ${variable} to use the model learnt from the corpus.` }));
  }
  return [];
}

/** The paper sources' settings; the token is a secret. The `ingest` command reads them too. */
export interface SourceSettings {
  /** Network sources polled by the bot (`files`, the seed corpus, is always read). */
  poll: ('hf' | 'arxiv')[];
  intervalSeconds: number;
  /** A source failing for longer than this makes /healthz report degraded. */
  staleAfterSeconds: number;
  hfApiUrl: string;
  hfToken?: string;
  arxivApiUrl: string;
  arxivCategories: string[];
}

export const SOURCE_DEFAULTS = {
  sources: ['files', 'hf'],
  intervalSeconds: 30 * 60,
  staleAfterSeconds: 6 * 3600,
  hfApiUrl: 'https://huggingface.co',
  arxivApiUrl: 'http://export.arxiv.org/api/query',
  arxivCategories: ['cs.LG', 'cs.CV', 'cs.CL'],
} as const;

/** From already validated values (`loadConfig`), or leniently from the raw environment (the CLI). */
export function sourceSettings(env: Env, parsed?: ParsedEnv): SourceSettings {
  // The CLI reads each setting on its own: one invalid variable (say LOG_LEVEL) must not drop the others.
  const data = parsed ?? leniently(normalise(env));
  const sources = data.PAPERBOT_SOURCES ?? SOURCE_DEFAULTS.sources;
  return {
    poll: sources.filter((s): s is 'hf' | 'arxiv' => s !== 'files'),
    intervalSeconds: data.PAPERBOT_INGEST_INTERVAL ?? SOURCE_DEFAULTS.intervalSeconds,
    staleAfterSeconds: data.PAPERBOT_SOURCE_STALE_AFTER ?? SOURCE_DEFAULTS.staleAfterSeconds,
    hfApiUrl: data.HF_API_URL ?? SOURCE_DEFAULTS.hfApiUrl,
    ...(data.HF_TOKEN ? { hfToken: data.HF_TOKEN } : {}),
    arxivApiUrl: data.ARXIV_API_URL ?? SOURCE_DEFAULTS.arxivApiUrl,
    arxivCategories: data.PAPERBOT_ARXIV_CATEGORIES ?? [...SOURCE_DEFAULTS.arxivCategories],
  };
}

/**
 * Where the corpus, state and snapshots live. Given paths are relative to where paperbot runs;
 * defaults live inside the project. Also used by the one-shot CLI, which needs no other setting.
 */
export function storagePaths(env: Env): { dataDir: string; stateDir: string; databaseFile: string; cacheDir: string | false } {
  const given = (name: string) => env[name]?.trim() || undefined;
  const dataDir = given('PAPERBOT_DATA_DIR');
  const stateDir = given('PAPERBOT_STATE_DIR') ? resolve(given('PAPERBOT_STATE_DIR')!) : join(PROJECT_ROOT, DEFAULTS.stateDir);
  const cache = given('PAPERBOT_CACHE_DIR');
  return {
    dataDir: dataDir ? resolve(dataDir) : join(PROJECT_ROOT, DEFAULTS.dataDir),
    stateDir,
    databaseFile: join(stateDir, DEFAULTS.databaseFileName),
    cacheDir: cache === 'off' ? false : cache ? resolve(cache) : join(stateDir, 'cache'),
  };
}

/**
 * Where the one-shot CLI finds the store: Postgres when `DATABASE_URL` is set, else the SQLite
 * file. A malformed URL is a `ConfigError` that does not echo it (it holds a password).
 */
export function storeLocation(env: Env): { databaseUrl?: string; databaseFile: string } {
  const clean = normalise(env);
  const url = clean.DATABASE_URL;
  if (url !== undefined && !isPostgresUrl(url)) throw new ConfigError([{ variable: 'DATABASE_URL', message: `DATABASE_URL ${DATABASE_URL_MESSAGE}.` }]);
  return { ...(url ? { databaseUrl: url } : {}), databaseFile: storagePaths(clean).databaseFile };
}

function build(data: ParsedEnv, chat: Record<string, unknown>, env: Env, adapters: readonly AnyAdapter[]): Config {
  const platforms = Object.keys(chat);
  const isChat = platforms.length > 0;
  const config: Config = {
    mode: isChat ? 'chat' : 'console',
    platforms,
    chat,
    ...storagePaths(env),
    ...(data.DATABASE_URL ? { databaseUrl: data.DATABASE_URL } : {}),
    failoverSeconds: data.PAPERBOT_FAILOVER_AFTER ?? DEFAULTS.failoverSeconds,
    timezone: canonicalTimeZone(data.PAPERBOT_TIMEZONE ?? DEFAULTS.timezone),
    digestTime: data.PAPERBOT_DIGEST_TIME ?? DEFAULTS.digestTime,
    catchupGraceMinutes: data.PAPERBOT_CATCHUP_GRACE_MINUTES ?? DEFAULTS.catchupGraceMinutes,
    rateLimit: {
      perMinute: data.PAPERBOT_RATE_LIMIT_PER_MINUTE ?? DEFAULTS.rateLimitPerMinute,
      burst: data.PAPERBOT_RATE_LIMIT_BURST ?? DEFAULTS.rateLimitBurst,
    },
    // In the console chat, per-command info lines would interleave with the replies.
    log: { level: data.LOG_LEVEL ?? (isChat ? DEFAULTS.logLevel : 'warn'), format: data.LOG_FORMAT ?? (isChat ? 'json' : 'pretty') },
    watchCorpus: data.PAPERBOT_WATCH_CORPUS ?? false,
    // Loopback unless asked: a bot on a laptop or behind a reverse proxy should not listen to the network.
    listenHost: data.PAPERBOT_LISTEN_HOST ?? '127.0.0.1',
    sources: sourceSettings(env, data),
    embeddings: embeddingSettings(data),
    warnings: unknownVariables(env, adapters),
  };
  // The console is a local, interactive run: no listener on a port.
  const opsPort = isChat ? (data.OPS_PORT ?? DEFAULTS.opsPort) : 0;
  if (opsPort !== 0) config.opsPort = opsPort;
  if (!isChat && data.OPS_PORT) config.warnings.push('OPS_PORT is ignored in console mode (no chat platform configured).');
  return config;
}

/** A misspelt PAPERBOT_ variable would otherwise be ignored without a word. */
function unknownVariables(env: Env, adapters: readonly AnyAdapter[]): string[] {
  const known = new Set<string>(Object.keys(envSchemaFor(adapters).shape));
  return Object.keys(env)
    .filter((name) => name.startsWith('PAPERBOT_') && !known.has(name))
    .sort()
    .map((name) => `${name} is not a paperbot setting and is ignored (check the spelling against .env.example).`);
}
