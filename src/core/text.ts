/** Small text helpers shared by commands and renderers. */

/** Shortens `text` to at most `max` characters, at a word boundary when one is near, with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (max <= 0) return '';
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  if (max === 1) return '…';
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  const base = space >= cut.length * 0.7 ? cut.slice(0, space) : cut;
  return `${base.trimEnd()}…`;
}

// Built once: creating a formatter per call dominated digest composition at scale. Built on first
// use, not at import: the first Intl formatter of a process loads locale data (tens of ms of start-up).
let dateFormat: Intl.DateTimeFormat | undefined;

/** Formats a `YYYY-MM-DD` date as `Nov 25, 2024`. */
export function formatDate(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  dateFormat ??= new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
  return dateFormat.format(date);
}

/** Collapses all whitespace, newlines included, to single spaces. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The parsed URL when `url` is a valid http(s) URL, else undefined (no `javascript:` and the like). */
export function httpUrl(url: string): URL | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
