/**
 * Health checks are functions injected by the composition root (corpus loaded, database open,
 * gateway connected), so this module knows nothing about the parts it reports on.
 */

/**
 * `true`/`false`, or an object with `ok` plus details to show (counts, states; never secrets).
 * `degraded: true` with `ok: true` reports a problem that does not stop the bot answering.
 */
export type CheckResult = boolean | ({ ok: boolean; degraded?: boolean } & Record<string, unknown>);
export type HealthCheck = () => CheckResult | Promise<CheckResult>;

export interface HealthReport {
  /** `degraded` still answers 200: liveness holds, but something needs a look. */
  status: 'ok' | 'degraded' | 'fail';
  checks: Record<string, { ok: boolean } & Record<string, unknown>>;
}

async function runOne(check: HealthCheck, timeoutMs: number): Promise<{ ok: boolean } & Record<string, unknown>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const result = await Promise.race([Promise.resolve().then(check), timeout]);
    return typeof result === 'boolean' ? { ok: result } : { ...result, ok: result.ok === true };
  } catch (error) {
    // A check that throws or hangs counts as failed; the reason helps whoever is paged.
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

/** Runs all checks concurrently, each bounded by `timeoutMs`, so a hung dependency cannot hang the probe. */
export async function runHealthChecks(checks: Record<string, HealthCheck>, timeoutMs = 2000): Promise<HealthReport> {
  const entries = await Promise.all(Object.entries(checks).map(async ([name, check]) => [name, await runOne(check, timeoutMs)] as const));
  const results = Object.fromEntries(entries);
  const status = !entries.every(([, r]) => r.ok) ? 'fail' : entries.some(([, r]) => r.degraded === true) ? 'degraded' : 'ok';
  return { status, checks: results };
}
