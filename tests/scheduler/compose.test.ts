import { describe, expect, it } from 'vitest';
import { composeDigest } from '../../src/scheduler/compose.js';
import { loadThemes, pickTheme, themeCandidates } from '../../src/scheduler/themes.js';
import { realLibrary } from './helpers.js';

const sub = { id: 7, kind: 'topic' as const, topic: 'vae', count: 3, platform: 'discord' as const, channelId: 'c1' };

describe('composeDigest on the real corpus', () => {
  it('never repeats a posted paper while unseen relevant ones remain, then says the topic is exhausted', async () => {
    const library = realLibrary();
    const posted = new Set<string>();
    const relevant = library.search(library.findTopic('vae')!.query, { limit: 1000 }).total;
    let rounds = 0;
    for (;;) {
      const digest = composeDigest({ library, subscription: sub, posted, localDate: '2026-03-02', themes: [] });
      if (digest.exhausted) {
        expect(digest.reply.text).toContain("You've seen every paper on Variational autoencoders");
        expect(digest.paperIds.length).toBeGreaterThan(0); // the most relevant again
        expect(digest.paperIds.every((id) => posted.has(id))).toBe(true);
        break;
      }
      for (const id of digest.paperIds) {
        expect(posted.has(id)).toBe(false);
        posted.add(id);
      }
      expect(digest.reply.text.startsWith('Digest: Variational autoencoders')).toBe(true);
      expect(++rounds).toBeLessThan(200);
    }
    expect(posted.size).toBeGreaterThan(3);
    expect(posted.size).toBeLessThanOrEqual(relevant);
  });

  it('a query with no papers posts a short notice', async () => {
    const digest = composeDigest({ library: realLibrary(), subscription: { ...sub, topic: 'zzqxv nonexistentword' }, posted: new Set(), localDate: '2026-03-02', themes: [] });
    expect(digest.paperIds).toEqual([]);
    expect(digest.reply.text).toContain('No papers match');
  });
});

describe('daily theme rotation', () => {
  const themes = loadThemes('config/themes.json');

  it('config/themes.json names curated topics the library knows', async () => {
    const candidates = themeCandidates(themes, realLibrary());
    expect(candidates.length).toBe(themes.length);
    expect(candidates.every((t) => t.kind === 'curated')).toBe(true);
  });

  it('falls back to discovered themes when no configured theme is known', async () => {
    const candidates = themeCandidates(['no-such-theme'], realLibrary());
    expect(candidates.length).toBeGreaterThan(0);
    expect(candidates.every((t) => t.kind === 'discovered')).toBe(true);
  });

  it('is deterministic by date and channel, and changes every day', async () => {
    const list = ['a', 'b', 'c', 'd', 'e'];
    expect(pickTheme(list, '2026-03-02', 'discord:c1')).toBe(pickTheme(list, '2026-03-02', 'discord:c1'));
    const week = ['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05'].map((d) => pickTheme(list, d, 'discord:c1'));
    expect(new Set(week).size).toBe(5);
    const channels = Array.from({ length: 20 }, (_, i) => pickTheme(list, '2026-03-02', `slack:C${i}`));
    expect(new Set(channels).size).toBeGreaterThan(1);
    expect(pickTheme([], '2026-03-02', 'x')).toBeUndefined();
  });

  it('a daily subscription posts the day’s theme', async () => {
    const library = realLibrary();
    const daily = { ...sub, kind: 'daily' as const, topic: 'daily' };
    const a = composeDigest({ library, subscription: daily, posted: new Set(), localDate: '2026-03-02', themes });
    const b = composeDigest({ library, subscription: daily, posted: new Set(), localDate: '2026-03-03', themes });
    expect(a.reply.text).toMatch(/^Daily theme: /);
    expect(a.label).not.toBe(b.label);
    expect(a.paperIds.length).toBe(3);
  });
});
