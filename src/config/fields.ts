/**
 * Format checks for single settings. Each message completes the sentence "VARIABLE …" and says how
 * to fix it; none of them include the value, so they are safe for secrets too.
 */
import { z } from 'zod';
import { parseTime, parseTimezone } from '../core/schedule/spec.js';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** True when `parse` accepts the value: the schedule parsers double as configuration checks. */
function accepts(parse: (value: string) => string): (value: string) => boolean {
  return (value) => {
    try {
      parse(value);
      return true;
    } catch {
      return false;
    }
  };
}

export const isTimeZone = accepts(parseTimezone);

/** Intl accepts any letter case; the scheduler and logs should see the canonical name. */
export const canonicalTimeZone = parseTimezone;

/** Case-insensitive choice among fixed words. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T, message: string) {
  return z
    .string()
    .transform((s) => s.trim().toLowerCase())
    .pipe(z.enum(values, { error: message }));
}

export function wholeNumber(min: number, max: number, message: string) {
  return z
    .string()
    .regex(/^\s*\d+\s*$/, message)
    .transform(Number)
    .refine((n) => n >= min && n <= max, message);
}

export function tcpPort(message: string) {
  return wholeNumber(1, 65535, message);
}

/** `0` or `off` disable the listener (represented as 0). */
export function optionalPort(message: string) {
  return z
    .string()
    .regex(/^\s*(off|\d+)\s*$/i, message)
    .transform((s) => (/off/i.test(s) ? 0 : Number(s)))
    .refine((n) => n >= 0 && n <= 65535, message);
}

export function boolean(message: string) {
  const words: Record<string, boolean> = { true: true, false: false, '1': true, '0': false, yes: true, no: false, on: true, off: false };
  return z
    .string()
    .transform((s) => s.trim().toLowerCase())
    .refine((s) => s in words, message)
    .transform((s) => words[s] === true);
}

export function httpUrl(message: string) {
  return z.string().refine((s) => {
    try {
      const url = new URL(s);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  }, message);
}

/** Discord IDs are 64-bit snowflakes written as 17–20 digits. */
export function snowflake(message: string) {
  return z.string().regex(/^\d{17,20}$/, message);
}

/** `09:00` or `9:00`, normalised to `HH:MM`. */
export function clockTime(message: string) {
  return z.string().refine(accepts(parseTime), message).transform(parseTime);
}

/** Comma-separated Slack user IDs (`U…`, or `W…` on Enterprise Grid). */
export function slackUserList(message: string) {
  return z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean),
    )
    .refine((ids) => ids.every((id) => /^[UW][A-Z0-9]{2,}$/.test(id)), message);
}

/** Discord bot tokens are three base64url parts joined by dots; people often paste a `Bot ` prefix. */
export function looksLikeDiscordToken(value: string): boolean {
  return /^[\w-]{10,}\.[\w-]{4,}\.[\w-]{10,}$/.test(value);
}

/** `30m`, `2h`, `1d`, `90s` → seconds, within bounds. */
export function duration(minSeconds: number, maxSeconds: number, message: string) {
  const units: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };
  return z
    .string()
    .regex(/^\s*\d+\s*[smhd]\s*$/i, message)
    .transform((s) => {
      const match = /^\s*(\d+)\s*([smhd])\s*$/i.exec(s)!;
      return Number(match[1]) * units[match[2]!.toLowerCase()]!;
    })
    .refine((seconds) => seconds >= minSeconds && seconds <= maxSeconds, message);
}

const SOURCES = ['files', 'hf', 'arxiv'] as const;
export type SourceId = (typeof SOURCES)[number];

/** `files,hf`: known names, no repeats, and the seed corpus (`files`) always in. */
export function sourceList(message: string) {
  return z
    .string()
    .transform((s) => s.split(',').map((w) => w.trim().toLowerCase()).filter(Boolean))
    .refine((names) => names.every((n) => (SOURCES as readonly string[]).includes(n)) && names.includes('files') && new Set(names).size === names.length, message)
    .transform((names) => names as SourceId[]);
}

/** `cs.LG,cs.CV`: arXiv archive or archive.SUBJECT names. */
export function categoryList(message: string) {
  return z
    .string()
    .transform((s) => s.split(',').map((w) => w.trim()).filter(Boolean))
    .refine((list) => list.length > 0 && list.every((c) => /^[a-z-]+(\.[A-Za-z-]+)?$/.test(c)), message);
}
