import { describe, expect, it } from 'vitest';
import { runHealthChecks } from '../../src/ops/health.js';
import { startOpsServer } from '../../src/ops/server.js';
import { Metrics } from '../../src/ops/metrics.js';
import { SourceHealth } from '../../src/sources/health.js';

describe('source metrics', () => {
  it('count papers by outcome and errors by kind, and tell the seconds since the last success', async () => {
    const metrics = new Metrics({ defaultMetrics: false });
    metrics.sourceFetched('hf', { fetched: 12, added: 5, merged: 2, unchanged: 4, skipped: 1 });
    metrics.sourceFetched('hf', { fetched: 3, added: 1, merged: 0, unchanged: 2, skipped: 0 });
    metrics.sourceFailed('arxiv', 'timeout');
    metrics.sourceSucceeded('hf', new Date(Date.now() - 90_000));
    const { body } = await metrics.render();
    expect(body).toContain('paperbot_source_papers_total{source="hf",outcome="fetched"} 15');
    expect(body).toContain('paperbot_source_papers_total{source="hf",outcome="new"} 6');
    expect(body).toContain('paperbot_source_fetch_errors_total{source="arxiv",kind="timeout"} 1');
    const seconds = Number(/paperbot_source_seconds_since_success\{source="hf"\} ([\d.]+)/.exec(body)?.[1]);
    expect(seconds).toBeGreaterThanOrEqual(90);
    expect(seconds).toBeLessThan(120);
  });

  it('a stale source makes the health report degraded, not failed', async () => {
    let now = 0;
    const health = new SourceHealth(['hf'], 60_000, () => now, 0);
    now = 120_000;
    const report = await runHealthChecks({ database: () => true, sources: () => health.check() });
    expect(report.status).toBe('degraded');
    expect(report.checks.sources).toMatchObject({ ok: true, degraded: true, sources: { hf: { lastSuccess: null, failingForSeconds: 120 } } });
    expect((await runHealthChecks({ database: () => false, sources: () => health.check() })).status).toBe('fail');
  });

  it('/healthz answers 200 with status degraded', async () => {
    const ops = await startOpsServer({ port: 0, host: '127.0.0.1', checks: { sources: () => ({ ok: true, degraded: true }) } });
    try {
      const response = await fetch(`http://127.0.0.1:${ops.port}/healthz`);
      expect(response.status).toBe(200);
      expect(((await response.json()) as { status: string }).status).toBe('degraded');
    } finally {
      await ops.close();
    }
  });
});
