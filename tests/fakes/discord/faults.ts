/**
 * Injectable REST faults with Discord's real status codes, JSON error bodies and headers.
 * @see https://discord.com/developers/docs/topics/rate-limits#exceeding-a-rate-limit
 * @see https://discord.com/developers/docs/topics/opcodes-and-status-codes#json-json-error-codes
 */

export interface FaultResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Never answer (until the fake stops): the client's timeout fires. */
  hang?: boolean;
  /** Answer after this many milliseconds. */
  delayMs?: number;
}

export interface Fault extends FaultResponse {
  /** HTTP method to match; any when omitted. */
  method?: string;
  /** Matched against the path after `/api/v10`, e.g. `/channels/123/messages`. */
  path: string | RegExp;
  /** How many requests the fault answers before it is used up (default 1; Infinity for all). */
  times?: number;
  /** How many matching requests pass untouched before the fault starts answering (default 0). */
  after?: number;
}

export const faults = {
  /** HTTP 429. `retryAfter` in seconds, as Discord sends it (body float, header too). */
  rateLimited(retryAfter: number, options: { global?: boolean; scope?: 'user' | 'global' | 'shared' } = {}): FaultResponse {
    const global = options.global ?? false;
    const headers: Record<string, string> = {
      'retry-after': String(retryAfter),
      'x-ratelimit-limit': '5',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(Date.now() / 1000 + retryAfter),
      'x-ratelimit-reset-after': String(retryAfter),
      'x-ratelimit-bucket': 'fakebucket0000000000000000000000',
      'x-ratelimit-scope': options.scope ?? (global ? 'global' : 'user'),
    };
    if (global) headers['x-ratelimit-global'] = 'true';
    return { status: 429, headers, body: { message: 'You are being rate limited.', retry_after: retryAfter, global } };
  },
  serverError(status = 500): FaultResponse {
    const text = status === 502 ? 'Bad Gateway' : status === 503 ? 'Service Unavailable' : 'Internal Server Error';
    return { status, body: { message: `${status}: ${text}`, code: 0 } };
  },
  unauthorized(): FaultResponse {
    return { status: 401, body: { message: '401: Unauthorized', code: 0 } };
  },
  unknownChannel(): FaultResponse {
    return { status: 404, body: { message: 'Unknown Channel', code: 10003 } };
  },
  unknownInteraction(): FaultResponse {
    return { status: 404, body: { message: 'Unknown interaction', code: 10062 } };
  },
  missingAccess(): FaultResponse {
    return { status: 403, body: { message: 'Missing Access', code: 50001 } };
  },
  missingPermissions(): FaultResponse {
    return { status: 403, body: { message: 'Missing Permissions', code: 50013 } };
  },
  /** The request never gets an answer. */
  hang(): FaultResponse {
    return { status: 0, hang: true };
  },
};
