import { afterAll, describe, expect, it } from 'vitest';
import { Pacer } from '../../src/scheduler/pacer.js';
import { pacingFor } from '../../src/platforms/registry.js';
import { FakeClock, harness, subInput, tempDir } from './helpers.js';

const dir = tempDir();
afterAll(() => dir.cleanup());

describe('fan-out at scale', () => {
  it('10,000 subscriptions due at the same minute: composed quickly, each posted exactly once', async () => {
    const h = harness(dir.path('scale.db'), FakeClock.at('2026-03-02T08:00:00Z'), { maxConcurrentPosts: 64 });
    const topics = ['diffusion', 'vae', 'llm', 'gan', '3d', 'contrastive', 'time-series', 'daily'];
    const created = new Date('2026-03-01T12:00:00Z');
    for (let i = 0; i < 10_000; i++) {
      const topic = topics[i % topics.length]!;
      await h.store.subscriptions.upsert(subInput({ channelId: `c${i}`, topic, kind: topic === 'daily' ? 'daily' : 'topic' }), created);
    }
    const started = performance.now();
    const report = await h.scheduler.tick();
    const elapsed = performance.now() - started;
    expect(report.claimed).toBe(10_000);
    expect(report.deliveries.filter((d) => d.state === 'sent')).toHaveLength(10_000);
    expect(h.poster.calls).toHaveLength(10_000);
    expect(new Set(h.poster.posted.map((p) => p.key)).size).toBe(10_000);
    expect(new Set(h.poster.posted.map((p) => p.channelId)).size).toBe(10_000);
    expect(h.poster.posted.every((p) => p.reply.blocks.filter((b) => b.type === 'paper').length === 3)).toBe(true);
    expect(elapsed).toBeLessThan(20_000);
    // A second tick in the same minute finds nothing to do.
    expect((await h.scheduler.tick()).claimed).toBe(0);
    h.store.close();
  }, 60_000);

  it('paces Discord at its global rate and Slack at one message per second per channel', async () => {
    const pacer = new Pacer(pacingFor());
    const waits = Array.from({ length: 10_000 }, (_, i) => pacer.reserve('discord', `c${i}`, 0));
    expect(waits.slice(0, 40).every((w) => w === 0)).toBe(true);
    expect(waits[40]).toBe(25);
    expect(waits.at(-1)).toBeCloseTo((10_000 - 40) * 25, 0);
    expect(Math.max(...waits)).toBe(waits.at(-1));

    expect(pacer.reserve('slack', 'C1', 0)).toBe(0);
    expect(pacer.reserve('slack', 'C2', 0)).toBe(0);
    expect(pacer.reserve('slack', 'C1', 0)).toBe(1000);
    expect(pacer.reserve('slack', 'C1', 1000)).toBe(1000);
    expect(pacer.reserve('slack', 'C1', 5000)).toBe(0);
    expect(pacer.reserve('console', 'x', 0)).toBe(0);
  });
});
