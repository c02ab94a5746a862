/**
 * The environment variables paperbot reads and the format each must have: the core settings
 * here, and each chat platform's own from its adapter (src/platforms/registry.ts). Presence rules
 * that involve several variables (a token needs its partner) live in the adapters.
 */
import { z } from 'zod';
import type { AnyAdapter } from '../platforms/adapter.js';
import { platformAdapters } from '../platforms/registry.js';
import { DATABASE_URL_MESSAGE, postgresUrl } from './database-url.js';
import { LOG_LEVELS, boolean, categoryList, clockTime, duration, httpUrl, isTimeZone, oneOf, optionalPort, sourceList, wholeNumber } from './fields.js';

export const coreEnvSchema = z.object({
  PAPERBOT_DATA_DIR: z.string().optional(),
  PAPERBOT_STATE_DIR: z.string().optional(),
  PAPERBOT_CACHE_DIR: z.string().optional(),
  DATABASE_URL: postgresUrl(DATABASE_URL_MESSAGE).optional(),
  PAPERBOT_FAILOVER_AFTER: duration(3, 600, 'must be a duration from 3s to 10m such as 30s or 1m').optional(),
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
  PAPERBOT_SOURCES: sourceList('must be a comma-separated list of files, hf and arxiv, with files (the seed corpus) included').optional(),
  PAPERBOT_INGEST_INTERVAL: duration(60, 7 * 86_400, 'must be a duration from 1m to 7d such as 30m, 2h or 1d').optional(),
  PAPERBOT_SOURCE_STALE_AFTER: duration(60, 30 * 86_400, 'must be a duration from 1m to 30d such as 6h').optional(),
  PAPERBOT_ARXIV_CATEGORIES: categoryList('must be comma-separated arXiv categories such as cs.LG,cs.CV,cs.CL').optional(),
  ARXIV_API_URL: httpUrl('must be an http(s) URL such as http://export.arxiv.org/api/query').optional(),
  HF_API_URL: httpUrl('must be an http(s) URL such as https://huggingface.co').optional(),
  HF_TOKEN: z.string().regex(/^\S+$/, 'must be a Hugging Face access token without spaces').optional(),
  PAPERBOT_EMBEDDINGS_URL: httpUrl('must be the http(s) base URL of an OpenAI-compatible API, such as https://api.openai.com/v1 or http://localhost:11434/v1').optional(),
  PAPERBOT_EMBEDDINGS_MODEL: z.string().regex(/^[^\s]{1,200}$/, 'must be the embedding model\'s name without spaces, such as text-embedding-3-small or nomic-embed-text').optional(),
  PAPERBOT_EMBEDDINGS_KEY: z.string().regex(/^[\x21-\x7e]{1,500}$/, 'must be an API key without spaces').optional(),
  PAPERBOT_LISTEN_HOST: z.string().regex(/^[\w.:-]+$/, 'must be an address to listen on, such as 127.0.0.1, 0.0.0.0 or ::').optional(),
  OPS_PORT: optionalPort('must be a port number from 1 to 65535, or 0/off to disable the health and metrics server').optional(),
});

export type ParsedEnv = z.output<typeof coreEnvSchema>;

/** The core settings plus every adapter's. */
export function envSchemaFor(adapters: readonly AnyAdapter[]) {
  return coreEnvSchema.extend(Object.assign({}, ...adapters.map((adapter) => adapter.env)) as z.ZodRawShape);
}

/** Values that must never appear in logs or error messages. */
export function secretVariables(adapters: readonly AnyAdapter[]): ReadonlySet<string> {
  return new Set(['HF_TOKEN', 'DATABASE_URL', 'PAPERBOT_EMBEDDINGS_KEY', ...adapters.flatMap((adapter) => adapter.secrets)]);
}

/** Every variable paperbot reads. */
export const ENV_NAMES: readonly string[] = Object.keys(envSchemaFor(platformAdapters).shape);
