/** How long a server asks us to wait before retrying. */

/** `Retry-After` as milliseconds: delta-seconds or an HTTP-date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Every HTTP-date form starts with a day name; Date.parse alone would take "-5" or "1.5" as dates.
  if (!/^[A-Za-z]{3}/.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/**
 * Milliseconds until an exhausted quota resets, from the IETF draft `RateLimit` header that
 * Hugging Face sends (`"api";r=0;t=55`: r = requests remaining, t = seconds until reset).
 * Only quotas with nothing remaining count; the longest wait wins.
 */
export function parseRateLimitReset(value: string | null): number | undefined {
  if (!value) return undefined;
  let wait: number | undefined;
  for (const member of value.split(',')) {
    const params = new Map<string, string>();
    for (const part of member.split(';').slice(1)) {
      const [key, raw] = part.split('=');
      if (key !== undefined && raw !== undefined) params.set(key.trim(), raw.trim());
    }
    const remaining = params.get('r');
    const reset = params.get('t');
    if (remaining === '0' && reset !== undefined && /^\d+$/.test(reset)) {
      wait = Math.max(wait ?? 0, Number(reset) * 1000);
    }
  }
  return wait;
}

/** The wait a 429 or 503 answer asks for: `Retry-After` first, then (429 only) `RateLimit`. */
export function requestedWait(status: number, headers: Headers, nowMs: number): number | undefined {
  const retryAfter = parseRetryAfter(headers.get('retry-after'), nowMs);
  if (retryAfter !== undefined || status !== 429) return retryAfter;
  return parseRateLimitReset(headers.get('ratelimit'));
}
