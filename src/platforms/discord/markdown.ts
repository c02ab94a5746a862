/**
 * Discord markdown helpers. Reply text is plain text, except that commands wrap command names and
 * IDs in backticks by convention: paired backticks become inline code, and every other markdown
 * character is escaped so a title or query cannot bold, strike, spoil, quote or mask a link.
 * Mentions still render but never ping (`allowed_mentions: { parse: [] }` on every message).
 * @see https://support.discord.com/hc/en-us/articles/210298617-Markdown-Text-101-Chat-Formatting-Bold-Italic-Underline
 */
import { httpUrl, oneLine } from '../../core/text.js';

const URL_PATTERN = /https?:\/\/[^\s<>]+/g;
const INLINE_SPECIALS = /[\\*_~`|[\]<>]/g;
/** Line starts that Discord reads as headings, subtext, lists or quotes. */
const LINE_STARTS = /^([ \t]*)(#{1,3}[ \t]|-#|[-+][ \t])/gm;
const NUMBERED = /^([ \t]*\d+)\.([ \t])/gm;

function escapePlain(text: string): string {
  return text
    .replace(INLINE_SPECIALS, '\\$&')
    .replace(LINE_STARTS, (_m, space: string, token: string) => `${space}\\${token}`)
    .replace(NUMBERED, '$1\\.$2');
}

/** Escapes markdown outside URLs (escaping inside a URL would break the link). */
function escapeOutsideUrls(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    out += escapePlain(text.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return out + escapePlain(text.slice(last));
}

/** Plain reply text → Discord markdown: `code` spans kept as inline code, the rest escaped. */
export function toMarkdown(text: string): string {
  return text
    .split(/(`[^`\n]+`)/)
    .map((part, i) => (i % 2 === 1 ? part : escapeOutsideUrls(part)))
    .join('');
}

/** Plain reply text for fields that show no markdown (footers, button labels, choices). */
export function toPlain(text: string): string {
  return text.replace(/`([^`\n]+)`/g, '“$1”');
}

/** Collapses whitespace runs (including newlines) to single spaces. */
export { oneLine };

/**
 * Shortens text to at most `max` UTF-16 units with an ellipsis, at a word boundary when one is
 * near. Never splits a surrogate pair or leaves a lone backslash that would escape the ellipsis.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  if (max === 1) return '…';
  let cut = text.slice(0, max - 1);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const space = cut.lastIndexOf(' ');
  if (space >= cut.length * 0.7) cut = cut.slice(0, space);
  cut = cut.trimEnd();
  const slashes = /\\+$/.exec(cut)?.[0].length ?? 0;
  if (slashes % 2 === 1) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** An http(s) URL no longer than `maxLength`, or undefined (so a corpus link cannot be `javascript:`). */
export function safeUrl(url: string, maxLength: number): string | undefined {
  const parsed = httpUrl(url);
  return parsed && parsed.href.length <= maxLength ? parsed.href : undefined;
}
