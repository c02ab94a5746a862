/**
 * A platform is one adapter: given only a new adapter, the configuration, start-up, digests,
 * health and shutdown all take it in, with no edit anywhere else.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startApp, type App } from '../../src/app.js';
import { ConfigError, describeConfig, loadConfig, settingsOf } from '../../src/config/index.js';
import { silentLogger } from '../../src/core/logger.js';
import type { Reply } from '../../src/core/reply.js';
import { defineAdapter, type AnyAdapter } from '../../src/platforms/adapter.js';
import { pacingFor, platformAdapters } from '../../src/platforms/registry.js';

/** A chat platform that keeps what it is sent in memory. */
function memoAdapter(inbox: { channelId: string; reply: Reply }[], events: string[]) {
  return defineAdapter({
    name: 'memo',
    env: { MEMO_TOKEN: z.string().startsWith('memo-', 'must start with memo-').optional() },
    secrets: ['MEMO_TOKEN'],
    pacing: [{ scope: 'channel', perSecond: 2, burst: 1 }],
    configure: (env) => ({ problems: [], ...(env.MEMO_TOKEN ? { settings: { token: env.MEMO_TOKEN } } : {}) }),
    describe: () => ({ token: 'set' }),
    async start(settings: { token: string }) {
      events.push(`start ${settings.token.length}`);
      return {
        poster: {
          platform: 'memo',
          post: async (channelId: string, reply: Reply) => {
            inbox.push({ channelId, reply });
            return { ok: true as const, messageId: `m${inbox.length}` };
          },
        },
        health: () => true,
        stop: async () => void events.push('stop'),
      };
    },
  });
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('the platform registry', () => {
  it('lists Discord and Slack, each with its own limits', () => {
    expect(platformAdapters.map((a) => a.name)).toEqual(['discord', 'slack']);
    expect(pacingFor()).toEqual({
      discord: [
        { scope: 'global', perSecond: 40, burst: 40 },
        { scope: 'channel', perSecond: 1, burst: 5 },
      ],
      slack: [{ scope: 'channel', perSecond: 1, burst: 1 }],
    });
  });

  it('GIVEN a new adapter THEN its settings are validated, its secret never echoed, and it is switched on by its credentials', () => {
    const memo = memoAdapter([], []);
    const adapters: AnyAdapter[] = [...platformAdapters, memo];
    expect(loadConfig({}, adapters).mode).toBe('console');
    const config = loadConfig({ MEMO_TOKEN: 'memo-secret-value' }, adapters);
    expect(config).toMatchObject({ mode: 'chat', platforms: ['memo'] });
    expect(settingsOf(config, memo)).toEqual({ token: 'memo-secret-value' });
    expect(JSON.stringify(describeConfig(config, adapters))).not.toContain('memo-secret-value');
    try {
      loadConfig({ MEMO_TOKEN: 'wrong-secret-value' }, adapters);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toContain('MEMO_TOKEN must start with memo-.');
      expect((error as Error).message).not.toContain('wrong-secret-value');
    }
    // Without the adapter in the list, its variable is just unknown (and not a PAPERBOT_ one, so no warning).
    expect(loadConfig({ MEMO_TOKEN: 'memo-x' }).platforms).toEqual([]);
  });

  it('GIVEN the app started with the new adapter THEN it posts digests there and stops it on shutdown', async () => {
    const inbox: { channelId: string; reply: Reply }[] = [];
    const events: string[] = [];
    const adapters: AnyAdapter[] = [...platformAdapters, memoAdapter(inbox, events)];
    const stateDir = mkdtempSync(join(tmpdir(), 'paperbot-memo-'));
    dirs.push(stateDir);
    const config = loadConfig({ MEMO_TOKEN: 'memo-abc', PAPERBOT_SOURCES: 'files', PAPERBOT_STATE_DIR: stateDir, PAPERBOT_CACHE_DIR: 'off', OPS_PORT: '0' }, adapters);
    const app: App = await startApp(config, silentLogger, { input: new PassThrough(), output: new PassThrough() }, adapters);
    try {
      expect(events).toEqual(['start 8']);
      const request = { platform: 'memo', userId: 'u1', channelId: 'room-1', canManageChannel: true };
      expect((await app.bot.run('subscribe', { topic: 'diffusion' }, request)).error).toBeUndefined();
      const posted = await app.bot.run('digest-now', {}, request);
      expect(posted.text).toMatch(/^Posted the digest for “diffusion” \(5 papers\)/);
      expect(inbox).toHaveLength(1);
      expect(inbox[0]!.channelId).toBe('room-1');
      expect(inbox[0]!.reply.blocks[0]).toEqual({ type: 'header', text: expect.stringMatching(/^Digest: diffusion/i) });
      expect(inbox[0]!.reply.blocks.filter((b) => b.type === 'paper')).toHaveLength(5);
    } finally {
      const report = await app.shutdown.shutdown({ timeoutMs: 2000 });
      expect(report.closed).toContain('memo');
    }
    expect(events).toEqual(['start 8', 'stop']);
  });
});
