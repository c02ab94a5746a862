/**
 * Free-text form of `subscribe` for Slack and the console:
 * `subscribe diffusion models 08:30 Europe/Paris weekdays 3`. Schedule words are recognised by
 * their shape from the end of the text, in any order; the words before them are the topic.
 * Discord sends the same fields as typed options; those win over anything read from the text.
 */
import { UserError } from '../errors.js';
import type { DigestMode, Weekday } from '../subscription.js';
import { looksLikeFilter, parseFilter } from './filters.js';
import { EVERY_DAY, looksLikeDays, looksLikeTime, looksLikeTimezone, parseDays, parseTime, parseTimezone } from './spec.js';

export interface ScheduleFields {
  time?: string;
  timezone?: string;
  days?: Weekday[];
  count?: number;
  mode?: DigestMode;
  /** `new-notify`: new papers, and a short line on days with none. */
  emptyNote?: boolean;
  /** `thread`: the papers in a thread under one message. */
  thread?: boolean;
  /** Canonical filters, in the order given. */
  filters?: string[];
}

export interface SubscribeRequest extends ScheduleFields {
  topic: string;
}

/**
 * Splits trailing schedule words off `text`, filling only fields that `given` leaves unset.
 * A quoted topic is taken as written, so `"llama 3" 08:00` keeps its number.
 */
export function parseSubscribeText(text: string, given: ScheduleFields = {}): SubscribeRequest {
  const quoted = /^\s*["“]([^"”]+)["”]\s*(.*)$/.exec(text);
  // Filters may sit anywhere after the first word: they refine the topic without being part of it.
  // A quoted exclusion (`-"point cloud"`) or author (`author:"Yann LeCun"`) is one word.
  const all = (quoted ? quoted[2]! : text).trim().match(/[^\s"“]*["“][^"”]*["”]\S*|\S+/g) ?? [];
  const filters = all.filter((word, i) => (quoted || i > 0) && looksLikeFilter(word)).map(parseFilter);
  const words = all.filter((word, i) => !((quoted || i > 0) && looksLikeFilter(word)));
  const out: ScheduleFields = { ...given, ...(filters.length ? { filters: [...(given.filters ?? []), ...filters] } : {}) };
  // A bare city is a timezone only beside a time: otherwise "Project Phoenix" would lose a word.
  const cities = words.some(looksLikeTime);
  // Keep at least one word: `subscribe weekdays` subscribes to the topic "weekdays".
  while (words.length > (quoted ? 0 : 1)) {
    const last = words[words.length - 1]!;
    const before = (words[words.length - 2] ?? '').toLowerCase();
    if (out.thread === undefined && /^(thread|threaded)$/i.test(last)) {
      out.thread = true;
    } else if (out.mode === undefined && /^(new|best|new-notify)$/i.test(last)) {
      Object.assign(out, parseMode(last));
    } else if (out.count === undefined && /^\d+$/.test(last)) {
      out.count = parseCount(last);
    } else if (out.time === undefined && looksLikeTime(last)) {
      out.time = parseTime(last);
    } else if (out.timezone === undefined && looksLikeTimezone(last, { cities })) {
      out.timezone = parseTimezone(last);
    } else if (out.days === undefined && last.toLowerCase() === 'day' && before === 'every' && words.length > (quoted ? 1 : 2)) {
      out.days = EVERY_DAY;
      words.pop();
    } else if (out.days === undefined && looksLikeDays(last)) {
      out.days = parseDays(last);
    } else {
      break;
    }
    words.pop();
  }
  // A time left inside the topic means the words after it were not understood: say which.
  // (A typed time option, on Discord, wins over one in the text, as before.)
  const stray = quoted || given.time !== undefined ? -1 : words.findIndex((word, i) => i > 0 && looksLikeTime(word));
  if (stray > 0) {
    const after = words.slice(stray + 1);
    if (after.length === 0) throw new UserError(`A subscription has one time: I have ${out.time} already, and “${words[stray]}” is another.`, 'Example: `subscribe diffusion 8am Europe/Paris`.');
    for (const word of after) {
      if (looksLikeDays(word)) parseDays(word);
      // Capitalised or with a slash, it was meant as a timezone: its own error has a suggestion.
      else if (/^[A-Z]|\//.test(word)) parseTimezone(word);
    }
    throw new UserError(
      `I read “${words[stray]}” as a time, but not what follows it: \`${after.join(' ')}\`.`,
      'Example: `subscribe diffusion 8am Europe/Paris weekdays 3`, or quote a topic that holds a time.',
    );
  }
  if (quoted && words.length > 0) {
    throw new UserError(`I don't understand \`${words.join(' ')}\` after the quoted topic.`, 'Example: `subscribe "llama 3" 08:30 Europe/Paris weekdays 3`');
  }
  const topic = quoted ? quoted[1]!.trim() : words.join(' ');
  if (!topic) throw new UserError('Please name a topic, or `daily` for the daily theme.', 'Example: `subscribe diffusion 08:30 Europe/Paris weekdays 3`');
  return { topic, ...out };
}

export function parseCount(text: string | number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 10) {
    throw new UserError(`The number of papers must be between 1 and 10, not ${text}.`, 'Example: `subscribe diffusion 08:30 weekdays 3`');
  }
  return n;
}

/** `best`, `new`, or `new-notify` (new papers, and a short line on days with none). */
export function parseMode(text: string): { mode: DigestMode; emptyNote?: boolean } {
  const mode = text.trim().toLowerCase();
  if (mode === 'best' || mode === 'new') return { mode };
  if (mode === 'new-notify') return { mode: 'new', emptyNote: true };
  throw new UserError(`“${text}” is not a digest mode.`, 'Use `new` (only new arrivals), `new-notify` (the same, with a short line on quiet days) or `best` (the best unseen papers on the topic, the default).');
}

/** `message` (all papers in one message) or `thread` (one message, the papers in its thread): true for a thread. */
export function parsePostStyle(text: string): boolean {
  const style = text.trim().toLowerCase();
  if (style === 'message') return false;
  if (style === 'thread') return true;
  throw new UserError(`“${text}” is not a way to post a digest.`, 'Use `message` (all papers in one message, the default) or `thread` (one message, with the papers in its thread).');
}

/** `author:"Yann LeCun"` (or `author:lecun`) as a topic follows that author: their name, else undefined. */
export function authorFollowed(topic: string): string | undefined {
  const match = /^author:\s*["“]?([^"”]+?)["”]?\s*$/i.exec(topic.trim());
  return match?.[1];
}
