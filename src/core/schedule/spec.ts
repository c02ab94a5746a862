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

/** `08:30`, `8.30`, `8h30`, `20h`, `8am`, `8:30pm`. */
const TIME = /^(\d{1,2})(?:[:h.](\d{2})|h)?\s*(am|pm)?$/i;

/** `8:30`, `8am`, `8:30pm`, `20h` → `HH:MM` (24-hour). Throws a friendly error for anything else. */
export function parseTime(text: string): string {
  const match = TIME.exec(text.trim());
  const bare = match && match[2] === undefined && match[3] === undefined && !/h$/i.test(text.trim());
  let hour = Number(match?.[1]);
  const minute = Number(match?.[2] ?? 0);
  const half = match?.[3]?.toLowerCase();
  if (half && (hour < 1 || hour > 12)) hour = 99;
  else if (half) hour = (hour % 12) + (half === 'pm' ? 12 : 0);
  if (!match || bare || hour > 23 || minute > 59) {
    throw new UserError(`“${text}” is not a time I understand.`, 'Use `08:30`, `17:00`, `8am` or `8:30pm`.');
  }
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** A word shaped like a time, valid or not (`25:00` gets an error rather than joining the topic). */
export function looksLikeTime(word: string): boolean {
  return /^\d{1,2}([:h.]\d{2}|h)$/i.test(word) || /^\d{1,2}([:.]\d{2})?(am|pm)$/i.test(word);
}

/**
 * Abbreviations people type, each mapped to one IANA zone that follows it (and its summer time).
 * They are ambiguous in general (CST is also China), so the confirmation names the zone chosen.
 */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  UTC: 'UTC', GMT: 'UTC',
  CET: 'Europe/Paris', CEST: 'Europe/Paris', WET: 'Europe/Lisbon', WEST: 'Europe/Lisbon', EET: 'Europe/Athens', EEST: 'Europe/Athens',
  BST: 'Europe/London', MSK: 'Europe/Moscow',
  EST: 'America/New_York', EDT: 'America/New_York', CST: 'America/Chicago', CDT: 'America/Chicago',
  MST: 'America/Denver', MDT: 'America/Denver', PST: 'America/Los_Angeles', PDT: 'America/Los_Angeles',
  IST: 'Asia/Kolkata', JST: 'Asia/Tokyo', KST: 'Asia/Seoul', SGT: 'Asia/Singapore', HKT: 'Asia/Hong_Kong',
  AEST: 'Australia/Sydney', AEDT: 'Australia/Sydney', NZST: 'Pacific/Auckland', NZDT: 'Pacific/Auckland',
};

let zoneIndex: { zones: string[]; cities: Map<string, string> } | undefined;

/** IANA zones, and each zone's city (`new york` → `America/New_York`), built once. */
function zones(): { zones: string[]; cities: Map<string, string> } {
  if (!zoneIndex) {
    const list = Intl.supportedValuesOf('timeZone');
    const cities = new Map<string, string>();
    for (const zone of list) {
      const city = zone.split('/').at(-1)!.replace(/_/g, ' ').toLowerCase();
      // Area/City only: `America/North_Dakota/Center` would make "Center" a timezone.
      if (zone.split('/').length === 2 && !cities.has(city)) cities.set(city, zone);
    }
    zoneIndex = { zones: list, cities };
  }
  return zoneIndex;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** The zone whose name or city is closest to a misspelling, if one is close enough to suggest. */
function closestZone(text: string): string | undefined {
  const wanted = text.toLowerCase().replace(/_/g, ' ');
  let best: { zone: string; d: number } | undefined;
  for (const zone of zones().zones) {
    const city = zone.split('/').at(-1)!.replace(/_/g, ' ').toLowerCase();
    const d = Math.min(distance(wanted, zone.toLowerCase().replace(/_/g, ' ')), distance(wanted, city));
    if (!best || d < best.d) best = { zone, d };
  }
  return best && best.d <= Math.max(1, Math.floor(wanted.length / 4)) ? best.zone : undefined;
}

/**
 * A canonical IANA name from what people type: `europe/paris` → `Europe/Paris`, `CET` →
 * `Europe/Paris`, `Tokyo` → `Asia/Tokyo`. Throws with a "did you mean" for a near miss.
 */
export function parseTimezone(text: string): string {
  const zone = text.trim();
  // Before the IANA names: legacy zones such as `EST` have no summer time, which no one means.
  const abbreviation = Object.hasOwn(ABBREVIATIONS, zone.toUpperCase()) ? ABBREVIATIONS[zone.toUpperCase()] : undefined;
  if (abbreviation) return abbreviation;
  if (zone && IANAZone.isValidZone(zone)) {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  }
  const known = zones().cities.get(zone.toLowerCase().replace(/_/g, ' '));
  if (known) return known;
  const near = zone ? closestZone(zone) : undefined;
  throw new UserError(
    `I don't know the timezone “${text}”.`,
    near ? `Did you mean \`${near}\`?` : 'Use an IANA name such as `Europe/Paris`, `America/New_York` or `UTC`, or a city such as `Paris`.',
  );
}

/**
 * `Europe/Pariss` or `Mars/Base` are (misspelt) timezones, worth an error; a lower-case
 * `encoder/decoder` is part of a topic.
 */
const ZONE_AREA = /^(africa|america|antarctica|arctic|asia|atlantic|australia|europe|indian|pacific|etc)\//i;
const ZONE_SHAPE = /^[A-Z][A-Za-z]*\/[A-Z]/;

/**
 * Whether a word of free text is meant as a timezone. A bare city counts only when `cities` is
 * on, which the subscribe parser sets when the text also names a time: "Project Phoenix" is a
 * topic, "diffusion 8am Phoenix" a schedule.
 */
export function looksLikeTimezone(word: string, options: { cities?: boolean } = {}): boolean {
  // Not IANAZone.isValidZone: legacy aliases (`Japan`, `Israel`, `GB`) are ordinary topic words.
  if (ZONE_AREA.test(word) || ZONE_SHAPE.test(word) || /^(utc|gmt)$/i.test(word)) return true;
  // Abbreviations count only in capitals (`cet` may be a word); a city only capitalised, as people write it.
  if (Object.hasOwn(ABBREVIATIONS, word)) return true;
  return options.cities === true && /^[A-Z][a-z]+([_-][A-Z][a-z]+)*$/.test(word) && zones().cities.has(word.replace(/_/g, ' ').toLowerCase());
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
