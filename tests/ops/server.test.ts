import { afterEach, describe, expect, it } from 'vitest';
import { runHealthChecks } from '../../src/ops/health.js';
import { Metrics } from '../../src/ops/metrics.js';
import { startOpsServer, type OpsServer, type OpsServerOptions } from '../../src/ops/server.js';

let server: OpsServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(options: Omit<OpsServerOptions, 'port' | 'host'>): Promise<string> {
  server = await startOpsServer({ port: 0, host: '127.0.0.1', ...options });
  return `http://127.0.0.1:${server.port}`;
}

describe('GET /healthz', () => {
  it('answers 200 with every check when all pass', async () => {
    const base = await start({
      checks: {
        corpus: () => ({ ok: true, papers: 120 }),
        database: async () => true,
        discord: () => ({ ok: true, status: 'ready' }),
      },
    });
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.json()).toEqual({
      status: 'ok',
      checks: { corpus: { ok: true, papers: 120 }, database: { ok: true }, discord: { ok: true, status: 'ready' } },
    });
  });

  it('answers 503 naming the failed check, including ones that throw', async () => {
    const base = await start({
      checks: {
        corpus: () => ({ ok: true, papers: 120 }),
        database: () => {
          throw new Error('database is closed');
        },
        slack: () => false,
      },
    });
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      status: 'fail',
      checks: { corpus: { ok: true, papers: 120 }, database: { ok: false, error: 'database is closed' }, slack: { ok: false } },
    });
  });

  it('fails a check that does not answer in time', async () => {
    const report = await runHealthChecks({ gateway: () => new Promise<boolean>(() => {}) }, 20);
    expect(report).toEqual({ status: 'fail', checks: { gateway: { ok: false, error: 'no answer within 20 ms' } } });
  });
});

describe('GET /metrics', () => {
  it('exposes command, digest, rate-limit and corpus metrics with process metrics', async () => {
    const metrics = new Metrics();
    metrics.commandFinished({ command: 'search', platform: 'discord', outcome: 'ok', ms: 42 });
    metrics.commandFinished({ command: 'search', platform: 'discord', outcome: 'ok', ms: 1500 });
    metrics.commandFinished({ command: 'paper', platform: 'slack', outcome: 'user_error', ms: 3 });
    metrics.commandFinished({ command: 'search', platform: 'slack', outcome: 'rate_limited', ms: 0 });
    metrics.digestPosted('slack');
    metrics.digestFailed('discord', 'forbidden');
    metrics.rateLimitWait('slack', 1.5);
    metrics.rateLimitWait('slack', 2);
    metrics.corpusLoaded(321);
    const base = await start({ metrics });

    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text).toContain('paperbot_commands_total{command="search",platform="discord",outcome="ok"} 2');
    expect(text).toContain('paperbot_commands_total{command="paper",platform="slack",outcome="user_error"} 1');
    expect(text).toContain('paperbot_commands_total{command="search",platform="slack",outcome="rate_limited"} 1');
    expect(text).toContain('paperbot_command_duration_seconds_count{command="search",platform="discord"} 2');
    expect(text).toContain('paperbot_command_duration_seconds_bucket{le="0.05",command="search",platform="discord"} 1');
    expect(text).not.toContain('paperbot_command_duration_seconds_count{command="search",platform="slack"}');
    expect(text).toContain('paperbot_digests_posted_total{platform="slack"} 1');
    expect(text).toContain('paperbot_digests_failed_total{platform="discord",kind="forbidden"} 1');
    expect(text).toContain('paperbot_rate_limit_waits_total{platform="slack"} 2');
    expect(text).toContain('paperbot_rate_limit_wait_seconds_total{platform="slack"} 3.5');
    expect(text).toContain('paperbot_corpus_papers 321');
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toContain('nodejs_heap_size_used_bytes');
  });

  it('keeps user-typed command names out of the labels', async () => {
    const metrics = new Metrics({ defaultMetrics: false, commands: ['search'] });
    metrics.commandFinished({ command: 'search', platform: 'console', outcome: 'ok', ms: 1 });
    metrics.commandFinished({ command: 'hello world <script>', platform: 'console', outcome: 'user_error', ms: 1 });
    const { body } = await metrics.render();
    expect(body).toContain('paperbot_commands_total{command="other",platform="console",outcome="user_error"} 1');
    expect(body).not.toContain('script');
  });

  it('uses its own registry, so two instances do not clash', async () => {
    const a = new Metrics({ defaultMetrics: false });
    const b = new Metrics({ defaultMetrics: false });
    a.digestPosted('discord');
    expect((await b.render()).body).not.toContain('paperbot_digests_posted_total{platform="discord"} 1');
  });
});

describe('other requests', () => {
  it('answers 404 for unknown paths and 405 for other methods', async () => {
    const base = await start({ metrics: new Metrics({ defaultMetrics: false }) });
    expect((await fetch(`${base}/`)).status).toBe(404);
    expect((await fetch(`${base}/admin`)).status).toBe(404);
    expect((await fetch(`${base}/healthz`, { method: 'POST' })).status).toBe(405);
    expect((await fetch(`${base}/healthz?verbose=1`)).status).toBe(200);
  });
});
