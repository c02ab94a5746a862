/** Small normalisers shared by the sources. */
import { httpUrl as parseHttpUrl } from '../core/text.js';
import { collapseWhitespace as collapse } from '../corpus/normalise.js';

/** Runs of whitespace (newlines in arXiv titles included) become one space; empty becomes undefined. */
export function collapseWhitespace(value: string | undefined): string | undefined {
  return (value === undefined ? '' : collapse(value)) || undefined;
}

/** The UTC calendar day (YYYY-MM-DD) of an ISO date-time, or undefined when it does not parse. */
export function isoDay(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return undefined;
  const day = new Date(time).toISOString().slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : undefined;
}

/** The value when it is an absolute http(s) URL, else undefined (HF sends "" for "no link"). */
export function httpUrl(value: string | undefined): string | undefined {
  const text = value?.trim();
  return text && parseHttpUrl(text) ? text : undefined;
}

/** Throws unless `date` is a real calendar day written YYYY-MM-DD. */
export function assertIsoDate(date: string, name = 'date'): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || isoDay(`${date}T00:00:00Z`) !== date) {
    throw new RangeError(`${name} must be a YYYY-MM-DD day, got ${JSON.stringify(date.slice(0, 40))}`);
  }
}

/** A copy without the keys whose value is undefined, so absent fields are really absent. */
export function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}

/** "missing title", "missing title and abstract", "missing id, title and abstract". */
export function missingMessage(fields: readonly string[]): string {
  const last = fields.at(-1);
  const rest = fields.slice(0, -1);
  return `missing ${rest.length > 0 ? `${rest.join(', ')} and ${last}` : last}`;
}
