import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { startOpsServer } from '../../src/ops/server.js';

describe('liveness and readiness', () => {
  it('/livez stays 200 while a platform is down; /readyz and /healthz say 503', async () => {
    const ops = await startOpsServer({ port: 0, host: '127.0.0.1', checks: { database: () => true, discord: () => false } });
    try {
      const status = async (path: string) => (await fetch(`http://127.0.0.1:${ops.port}${path}`)).status;
      expect(await status('/livez')).toBe(200);
      expect(await status('/readyz')).toBe(503);
      expect(await status('/healthz')).toBe(503);
      const body = (await (await fetch(`http://127.0.0.1:${ops.port}/readyz`)).json()) as { checks: Record<string, { ok: boolean }> };
      expect(body.checks.discord).toEqual({ ok: false });
    } finally {
      await ops.close();
    }
  });
});

describe('the listen address', () => {
  it('is loopback unless PAPERBOT_LISTEN_HOST says otherwise', () => {
    expect(loadConfig({}).listenHost).toBe('127.0.0.1');
    expect(loadConfig({ PAPERBOT_LISTEN_HOST: '0.0.0.0' }).listenHost).toBe('0.0.0.0');
    expect(() => loadConfig({ PAPERBOT_LISTEN_HOST: 'http://example' })).toThrow(/PAPERBOT_LISTEN_HOST must be an address to listen on/);
  });

  it('is the only address the ops server answers on', async () => {
    // 127.0.0.2 is loopback too, so the test stays on this machine while telling the addresses apart.
    const ops = await startOpsServer({ port: 0, host: '127.0.0.2' });
    try {
      expect((await fetch(`http://127.0.0.2:${ops.port}/livez`)).status).toBe(200);
      await expect(fetch(`http://127.0.0.1:${ops.port}/livez`)).rejects.toThrow();
    } finally {
      await ops.close();
    }
  });
});
