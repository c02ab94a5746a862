/**
 * Slack text helpers. Slack treats `<...>` as control sequences (`<!channel>`, `<@U123>`,
 * `<url|label>`), so `&`, `<` and `>` in any text we did not write must be escaped.
 *
 * @see https://docs.slack.dev/messaging/formatting-message-text#escaping
 */
import { httpUrl, oneLine } from '../../core/text.js';

/** Escapes user or corpus text for any Slack text field. */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Reverses Slack's escaping of incoming text (slash command text arrives escaped). */
export function unescapeText(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * Escapes `raw` and clips it so that the escaped result is at most `max` UTF-16 units,
 * ending with an ellipsis (at a word boundary when one is near) when clipped.
 */
export function clipEscaped(raw: string, max: number): string {
  const full = escapeText(raw);
  if (full.length <= max) return full;
  if (max <= 0) return '';
  const kept: string[] = [];
  let size = 0;
  for (const char of raw) {
    const escaped = escapeText(char);
    if (size + escaped.length > max - 1) break;
    kept.push(char);
    size += escaped.length;
  }
  let cut = kept.join('');
  const space = cut.lastIndexOf(' ');
  if (space >= cut.length * 0.7) cut = cut.slice(0, space);
  return `${escapeText(cut.trimEnd())}…`;
}

/** Collapses runs of whitespace (including newlines) to single spaces. */
export { oneLine };

/**
 * A `<url|label>` link, built only from http(s) URLs. Returns undefined for anything else, so a
 * corpus entry can never smuggle in a `<!channel>` or a `javascript:` link.
 */
export function link(url: string, label: string, maxUrl = 1000): string | undefined {
  const safe = safeUrl(url, maxUrl);
  return safe ? `<${safe}|${escapeText(oneLine(label)).replace(/\|/g, '¦')}>` : undefined;
}

/** A normalised http(s) URL with Slack's control characters encoded, or undefined. */
export function safeUrl(url: string, maxLength: number): string | undefined {
  const parsed = httpUrl(url);
  if (!parsed) return undefined;
  const href = parsed.href.replace(/\|/g, '%7C').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/&/g, '&amp;');
  return href.length <= maxLength ? href : undefined;
}
