/**
 * Structured logs with pino: JSON lines for containers, a compact human format for the console.
 * Secrets are removed by pino's `redact` before a line is serialised, so neither format can leak them.
 * @see https://getpino.io/#/docs/redaction
 */
import { pino, type DestinationStream, type Level, type Logger as PinoLogger } from 'pino';
import type { Logger } from '../core/logger.js';
import { describeError } from '../core/safe-error.js';
import { prettyStream } from './pretty.js';

export interface LoggerOptions {
  level: Level | 'silent';
  format: 'json' | 'pretty';
  /** Where lines go; JSON defaults to stdout, pretty to stderr (stdout belongs to the console chat). */
  destination?: DestinationStream;
  /** Colours in pretty mode; defaults to whether the destination is a TTY. */
  colors?: boolean;
}

/** Keys that hold credentials wherever they appear, one or two levels deep. */
const SECRET_KEYS = [
  'token',
  'botToken',
  'appToken',
  'signingSecret',
  'secret',
  'password',
  'authorization',
  'Authorization',
  'cookie',
  'connectionString',
  'databaseUrl',
  'DATABASE_URL',
  'DISCORD_TOKEN',
  'SLACK_BOT_TOKEN',
  'SLACK_APP_TOKEN',
  'SLACK_SIGNING_SECRET',
];

export const REDACT_PATHS = [
  ...SECRET_KEYS,
  ...SECRET_KEYS.map((k) => `*.${k}`),
  ...SECRET_KEYS.map((k) => `*.*.${k}`),
  // HTTP clients (axios in the Slack SDK, undici) put credentials in request headers of errors.
  ...['authorization', 'Authorization', 'cookie', 'x-slack-signature'].flatMap((h) => [
    `headers["${h}"]`,
    `*.headers["${h}"]`,
    `*.*.headers["${h}"]`,
    `err.config.headers["${h}"]`,
  ]),
];

export type AppLogger = PinoLogger;

/** Error objects become their safe summary; other values under these keys stay as they are. */
function safeError(value: unknown): unknown {
  return value instanceof Error ? describeError(value) : value;
}

export function createLogger(options: LoggerOptions): AppLogger {
  const pretty = options.format === 'pretty';
  const out = options.destination ?? (pretty ? process.stderr : pino.destination({ dest: 1, sync: true }));
  const colors = options.colors ?? (out === process.stderr && process.stderr.isTTY);
  const stream = pretty ? prettyStream(out, { colors }) : out;
  return pino(
    {
      level: options.level,
      base: { app: 'paperbot' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      // Errors are reduced to safe fields: HTTP client errors hide tokens deep in request objects.
      serializers: { err: safeError, error: safeError },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Level names rather than numbers read better in log search tools.
      formatters: { level: (label) => ({ level: label }) },
    },
    stream,
  );
}
