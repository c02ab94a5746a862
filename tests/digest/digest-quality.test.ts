/**
 * Digests worth reading: a relevance floor (short digests for narrow topics), a freshness and
 * popularity prior, no near-duplicates, and a line on why each paper is there that every
 * platform shows.
 */
import { describe, expect, it } from 'vitest';
import { renderDigest } from '../../src/core/digest-view.js';
import type { Paper } from '../../src/corpus/paper.js';
import { DUPLICATE_COSINE } from '../../src/digest/digest.js';
import { renderConsole } from '../../src/platforms/console/render.js';
import { renderMessage } from '../../src/platforms/discord/index.js';
import { renderReply } from '../../src/platforms/slack/index.js';
import { composeDigest } from '../../src/scheduler/compose.js';
import { createLibrary } from '../../src/search/library.js';
import { TfIdf } from '../../src/search/similar.js';
import { byTitle, paper, realLibrary } from '../search/helpers.js';

const text = (p: { title: string; abstract: string }) => `${p.title} ${p.abstract}`;

describe('relevance floor', () => {
  it('a narrow topic on the real corpus gets a short digest of papers on it, not filler', () => {
    const { library } = realLibrary();
    const items = library.digest('posterior collapse', 5);
    expect(items.length).toBeGreaterThanOrEqual(1);
    expect(items.length).toBeLessThan(5);
    for (const item of items) expect(text(item.paper)).toMatch(/posterior collapse/i);
  });

  it('papers with only some of the topic words are left out', () => {
    const both = paper({ title: 'Quantum lattice models', abstract: 'Spins on a quantum lattice.' });
    const some = Array.from({ length: 6 }, (_, i) => paper({ title: `Quantum paper ${i}`, abstract: `Quantum effects number ${i}.` }));
    const library = createLibrary([both, ...some]);
    expect(library.search('quantum lattice', { limit: 10 }).total).toBe(7);
    expect(library.digest('quantum lattice', 5).map((i) => i.paper.id)).toEqual([both.id]);
  });
});

describe('freshness and popularity prior', () => {
  // Equally relevant to "quantum" (same title length, the word once), different enough not to be duplicates.
  const make = (extra: Partial<Paper>, words: string) => paper({ title: 'Quantum sampler', abstract: words, ...extra });
  const old = make({ published: '2024-01-10', upvotes: 1 }, 'Annealing schedules for spin glasses at low temperature.');
  const plain = make({}, 'Tensor network contraction orders chosen greedily.');
  const hot = make({ published: '2024-06-01', upvotes: 90 }, 'Error mitigation through zero noise extrapolation circuits.');

  it('puts the fresh, upvoted paper first among equally relevant ones, and says why', () => {
    const items = createLibrary([old, plain, hot]).digest('quantum', 3);
    expect(items.map((i) => i.paper.id)).toEqual([hot.id, old.id, plain.id]);
    expect(items[0]!.why).toContain('most upvoted this week');
    expect(items[1]!.why).not.toContain('most upvoted this week');
  });

  it('without upvotes or dates, relevance alone decides', () => {
    const strong = paper({ title: 'Quantum sampler', abstract: 'Quantum circuits for sampling quantum states.' });
    const weak = paper({ title: 'Quantum sampler for many other unrelated things', abstract: 'Greedy contraction orders.' });
    expect(createLibrary([weak, strong]).digest('quantum', 2).map((i) => i.paper.id)).toEqual([strong.id, weak.id]);
  });
});

describe('near-duplicates', () => {
  it('never puts a paper and its extended version in one digest (TF-IDF cosine 0.68 on the real corpus)', () => {
    const { papers, library } = realLibrary();
    const pair = [byTitle(papers, 'Hard Patches Mining for Masked Image Modeling'), byTitle(papers, 'Bootstrap Masked Visual Modeling via Hard Patches')];
    const ids = library.digest('hard patches mining', 5).map((i) => i.paper.id);
    expect(ids.filter((id) => pair.some((p) => p.id === id))).toHaveLength(1);
  });

  it('keeps every pair in real digests below the duplicate threshold', () => {
    const { papers, library } = realLibrary();
    const vectors = new TfIdf(papers);
    const index = new Map(papers.map((p, i) => [p.id, i]));
    for (const topic of ['diffusion', 'masked image modeling', 'face identity', 'self-supervised', 'equivariant']) {
      const items = library.digest(topic, 8);
      for (const a of items) for (const b of items) if (a !== b) expect(vectors.cosine(index.get(a.paper.id)!, index.get(b.paper.id)!)).toBeLessThan(DUPLICATE_COSINE);
    }
  });
});

describe('why this paper', () => {
  it('names the topic words a paper matches, and where', () => {
    const { library } = realLibrary();
    for (const item of library.digest('diffusion', 5)) expect(item.why).toMatch(/^“diffusion” in the (title|abstract)/);
    const inAbstract = paper({ title: 'Samplers', abstract: 'Faster samplers for diffusion models.' });
    const inTitle = paper({ title: 'Diffusion samplers', abstract: 'Faster samplers.' });
    const items = createLibrary([inAbstract, inTitle]).digest('diffusion', 2);
    expect(items.map((i) => i.why)).toEqual(['“diffusion” in the title', '“diffusion” in the abstract']);
    expect(createLibrary([inTitle]).digest('diffusion samplers', 1)[0]?.why).toBe('“diffusion samplers” in the title');
    expect(createLibrary([inTitle]).digest('"diffusion samplers"', 1)[0]?.why).toBe('“diffusion samplers” in the title');
  });

  it('is carried in the neutral reply, and every platform shows it', () => {
    const { library } = realLibrary();
    const items = library.digest('contrastive', 3);
    const reply = renderDigest({ heading: 'Digest: contrastive', items });
    expect(reply.text).toContain(`(why: ${items[0]!.why})`);
    const shown = {
      console: renderConsole(reply).text,
      discord: JSON.stringify(renderMessage(reply, { encodeAction: () => 'x' }).embeds),
      slack: JSON.stringify(renderReply(reply, { encode: () => 'x' }).blocks),
    };
    for (const [platform, out] of Object.entries(shown)) {
      for (const item of items) expect(out, platform).toContain(item.why!);
    }
  });

  it('a new-papers digest says the papers are new, the most upvoted first', () => {
    const arrived = (title: string, upvotes: number): Paper =>
      paper({ title, abstract: `${title}: diffusion models, faster.`, upvotes, firstSeen: '2025-01-15T08:00:00.000Z', published: '2025-01-14' });
    const library = createLibrary([arrived('Fast diffusion sampling', 40), arrived('Diffusion for audio', 12)]);
    const digest = composeDigest({
      library,
      subscription: { id: 1, kind: 'topic', topic: 'diffusion', count: 5, platform: 'discord', channelId: 'c', mode: 'new' },
      posted: new Set(),
      localDate: '2025-01-15',
      since: new Date('2025-01-15T00:00:00Z'),
      themes: [],
    });
    expect(digest.reply.text).toContain('new since the last digest, the most upvoted of them (▲ 40)');
    expect(digest.reply.text).toContain('new since the last digest (▲ 12)');
  });
});
