/**
 * Reading what users type for a schedule: `08:30`, `Europe/Paris`, `weekdays`, `mon,wed,fri`.
 * Pure; every failure is a `UserError` with a hint, shown as is in chat.
 */
import { IANAZone } from 'luxon';
import { UserError } from '../errors.js';
import type { Weekday } from '../subscription.js';

export const EVERY_DAY: Weekday[] = [1, 2, 3, 4, 5, 6, 7];
const WEEKDAYS: Weekday[] = [1, 2, 3, 4, 5];
const WEEKEND: Weekday[] = [6, 7];
const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** `8:30` or `08:30` → `08:30`; undefined when it is not a time at all. Throws when out of range. */
export function parseTime(text: string): string {
  const match = /^(\d{1,2})[:h.](\d{2})$/i.exec(text.trim());
  const hour = Number(match?.[1]);
  const minute = Number(match?.[2]);
  if (!match || hour > 23 || minute > 59) {
    throw new UserError(`“${text}” is not a time I understand.`, 'Use 24-hour `HH:MM`, e.g. `08:30` or `17:00`.');
  }
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

export function looksLikeTime(word: string): boolean {
  return /^\d{1,2}[:h.]\d{2}$/i.test(word);
}

/** Canonical IANA name (`europe/paris` → `Europe/Paris`); throws for unknown zones. */
export function parseTimezone(text: string): string {
  const zone = text.trim();
  if (zone && IANAZone.isValidZone(zone)) {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  }
  throw new UserError(`I don't know the timezone “${text}”.`, 'Use an IANA name such as `Europe/Paris`, `America/New_York` or `UTC`.');
}

/**
 * `Europe/Pariss` or `Mars/Base` are (misspelt) timezones, worth an error; a lower-case
 * `encoder/decoder` is part of a topic.
 */
const ZONE_AREA = /^(africa|america|antarctica|arctic|asia|atlantic|australia|europe|indian|pacific|etc)\//i;
const ZONE_SHAPE = /^[A-Z][A-Za-z]*\/[A-Z]/;

export function looksLikeTimezone(word: string): boolean {
  // Not IANAZone.isValidZone: legacy aliases (`Japan`, `Israel`, `GB`) are ordinary topic words.
  return ZONE_AREA.test(word) || ZONE_SHAPE.test(word) || /^(utc|gmt)$/i.test(word);
}

function dayIndex(name: string): Weekday | undefined {
  const key = name.slice(0, 3).toLowerCase();
  const full = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
  const index = DAY_NAMES.indexOf(key);
  if (index === -1 || !(name.length === 3 || full[index]!.startsWith(name.toLowerCase()))) return undefined;
  return (index + 1) as Weekday;
}

/** `every day`, `weekdays`, `weekends`, `mon,wed,fri`, `mon-fri` → sorted weekdays. */
export function parseDays(text: string): Weekday[] {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (['every day', 'everyday', 'all', '*'].includes(t)) return EVERY_DAY;
  if (t === 'weekdays' || t === 'workdays') return WEEKDAYS;
  if (t === 'weekends' || t === 'weekend') return WEEKEND;
  const days = new Set<Weekday>();
  for (const part of t.split(/[,\s]+/).filter(Boolean)) {
    const [a, b] = part.split('-');
    const from = a ? dayIndex(a) : undefined;
    const to = b !== undefined ? dayIndex(b) : from;
    if (from === undefined || to === undefined) {
      throw new UserError(`“${text}” is not a list of days I understand.`, 'Use `every day`, `weekdays`, `weekends` or days like `mon,wed,fri`.');
    }
    for (let d = from; ; d = ((d % 7) + 1) as Weekday) {
      days.add(d);
      if (d === to) break;
    }
  }
  if (days.size === 0) throw new UserError('Please name at least one day.', 'Use `every day`, `weekdays` or days like `mon,wed,fri`.');
  return [...days].sort();
}

/** Day keywords, a day name, or a list/range with at least one day name (so `mon,funday` gets a friendly error). */
export function looksLikeDays(word: string): boolean {
  const w = word.toLowerCase();
  if (['everyday', 'weekdays', 'workdays', 'weekends', 'weekend'].includes(w)) return true;
  if (!/^[a-z]{3,9}([,-][a-z]{3,9})*,?$/.test(w)) return false;
  const parts = w.split(/[,-]/).filter(Boolean);
  return /[,-]/.test(w) ? parts.some((d) => dayIndex(d) !== undefined) : dayIndex(w) !== undefined;
}

export function formatDays(days: readonly Weekday[]): string {
  const key = [...days].sort().join(',');
  if (key === EVERY_DAY.join(',')) return 'every day';
  if (key === WEEKDAYS.join(',')) return 'weekdays';
  if (key === WEEKEND.join(',')) return 'weekends';
  return [...days].sort().map((d) => DAY_NAMES[d - 1]!.replace(/^./, (c) => c.toUpperCase())).join(', ');
}
