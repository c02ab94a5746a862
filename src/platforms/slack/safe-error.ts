/** Error summaries that are safe to log. */

/**
 * A loggable summary of an error: name, message, stack, and a Web API error's code and Slack
 * error string. HTTP client errors carry their request config, Authorization header included,
 * so they are never logged whole.
 */
export function describeError(error: unknown): { name?: string; message: string; stack?: string; code?: string; error?: string } {
  if (!(error instanceof Error)) return { message: String(error) };
  const e = error as Error & { code?: string; data?: { error?: string } };
  return {
    name: e.name,
    message: e.message,
    ...(e.stack ? { stack: e.stack } : {}),
    ...(typeof e.code === 'string' ? { code: e.code } : {}),
    ...(e.data?.error ? { error: e.data.error } : {}),
  };
}
