/**
 * Error summaries that are safe to log. HTTP client errors (axios in the Slack SDK, undici in
 * discord.js) carry their request configuration, Authorization header included, so they are
 * never logged whole: only name, message, stack and the platform's error code.
 */
export interface SafeError {
  name?: string;
  message: string;
  stack?: string;
  code?: string | number;
  status?: number;
  /** Slack's `error` string from a Web API response. */
  error?: string;
}

export function describeError(error: unknown): SafeError {
  if (!(error instanceof Error)) return { message: String(error) };
  const e = error as Error & { code?: unknown; status?: unknown; data?: { error?: unknown } };
  return {
    name: e.name,
    message: e.message,
    ...(e.stack ? { stack: e.stack } : {}),
    ...(typeof e.code === 'string' || typeof e.code === 'number' ? { code: e.code } : {}),
    ...(typeof e.status === 'number' ? { status: e.status } : {}),
    ...(typeof e.data?.error === 'string' ? { error: e.data.error } : {}),
  };
}
