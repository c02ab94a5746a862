/** The one error type the paper sources throw for network and format failures. */

export type SourceErrorKind = 'timeout' | 'network' | 'http_error' | 'rate_limited' | 'too_large' | 'malformed';

export interface SourceErrorDetails {
  status?: number;
  /** How long the server asked us to wait, when that was the reason to give up. */
  retryAfterMs?: number;
}

/**
 * A failed request or an unusable answer. The message is safe to log and show: it names host and
 * path only (query strings may carry keys), never header values, and quotes at most a short,
 * redacted snippet of a response body.
 */
export class SourceError extends Error {
  override readonly name = 'SourceError';
  readonly kind: SourceErrorKind;
  readonly status?: number;
  readonly retryAfterMs?: number;

  constructor(kind: SourceErrorKind, message: string, details: SourceErrorDetails = {}) {
    super(message);
    this.kind = kind;
    if (details.status !== undefined) this.status = details.status;
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
  }
}

/** `host/path` of a URL, e.g. `huggingface.co/api/daily_papers`. */
export function describeTarget(url: string): string {
  try {
    const { host, pathname } = new URL(url);
    return `${host}${pathname}`;
  } catch {
    return 'invalid URL';
  }
}

const SNIPPET_CHARS = 200;

/** Up to 200 characters of a response body for an error message, with any secret blanked out. */
export function bodySnippet(body: string, secrets: readonly string[] = []): string {
  let text = body.replace(/\s+/g, ' ').trim();
  for (const secret of secrets) text = text.split(secret).join('[redacted]');
  return text.length > SNIPPET_CHARS ? `${text.slice(0, SNIPPET_CHARS - 1)}…` : text;
}
