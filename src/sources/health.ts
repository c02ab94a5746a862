/**
 * Which sources have been failing for too long. A streak starts at the first failure after a
 * success (or at start-up); only a streak longer than `staleAfterMs` degrades health, so one
 * timeout never pages anyone.
 */
export class SourceHealth {
  private readonly failingSince = new Map<string, number>();
  private readonly lastSuccess = new Map<string, number>();

  constructor(
    private readonly sources: readonly string[],
    private readonly staleAfterMs: number,
    private readonly now: () => number = Date.now,
    startedAt = now(),
  ) {
    // Until its first success, a source counts as failing since start-up.
    for (const source of sources) this.failingSince.set(source, startedAt);
  }

  succeeded(source: string, at: Date): void {
    this.lastSuccess.set(source, at.getTime());
    this.failingSince.delete(source);
  }

  failed(source: string): void {
    if (!this.failingSince.has(source)) this.failingSince.set(source, this.now());
  }

  /** For /healthz: never fails liveness, `degraded` when a source is stale. */
  check(): { ok: true; degraded: boolean; sources: Record<string, { lastSuccess: string | null; failingForSeconds?: number }> } {
    const now = this.now();
    let degraded = false;
    const sources: Record<string, { lastSuccess: string | null; failingForSeconds?: number }> = {};
    for (const source of this.sources) {
      const since = this.failingSince.get(source);
      const last = this.lastSuccess.get(source);
      const failing = since === undefined ? undefined : Math.round((now - since) / 1000);
      if (failing !== undefined && failing * 1000 > this.staleAfterMs) degraded = true;
      sources[source] = { lastSuccess: last ? new Date(last).toISOString() : null, ...(failing !== undefined ? { failingForSeconds: failing } : {}) };
    }
    return { ok: true, degraded, sources };
  }
}
