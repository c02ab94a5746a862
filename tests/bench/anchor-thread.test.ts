/**
 * The benchmark's anchors run in a thread of their own (bench/lib/anchor-thread.ts) so their
 * garbage is not collected during the engine's queries. The thread must run the very query it is
 * given, on the same anchor, and time it. Worker threads need compiled JavaScript: like the
 * process tests, this uses the build in dist/ that `npm test` brings up to date first.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anchorSearch, buildAnchor } from '../../bench/lib/anchor.js';
import type { AnchorThread } from '../../bench/lib/anchor-thread.js';
import { loadCorpus } from '../../src/corpus/index.js';
import { PROJECT_ROOT } from '../../src/paths.js';

const compiled = pathToFileURL(join(PROJECT_ROOT, 'dist', 'bench', 'lib', 'anchor-thread.js')).href;

describe('the anchor thread', () => {
  let thread: AnchorThread;
  const here = buildAnchor(loadCorpus('data').papers);

  beforeAll(async () => {
    const { AnchorThread: Thread } = (await import(compiled)) as typeof import('../../bench/lib/anchor-thread.js');
    thread = await Thread.start('real', 2);
  });
  afterAll(async () => {
    await thread?.close();
  });

  it('reports how long its builds took', () => {
    expect(thread.buildMs).toBeGreaterThan(0);
    expect(Number.isFinite(thread.buildMs)).toBe(true);
  });

  it.each([
    ['diffusion', 'exact'],
    ['difusion', 'exact'],
    ['difusion', 'fuzzy'],
    ['equivar', 'fuzzy'],
    ['qzxvbnmwk', 'fuzzy'],
    ['"neural radiance" year:2024 -video', 'exact'],
    ['généralisation ünïcode', 'fuzzy'],
  ] as const)('answers "%s" (%s) as the anchor does in this thread, and times it', (q, mode) => {
    const { ms, hits } = thread.ask(q, mode);
    expect(hits).toBe(anchorSearch(here, q, mode).length);
    expect(ms).toBeGreaterThanOrEqual(0);
    expect(ms).toBeLessThan(10_000);
  });

  it('tells a misspelling from a word only in typo mode, so the mode reaches the thread', () => {
    expect(thread.ask('difusion', 'exact').hits).toBe(0);
    expect(thread.ask('difusion', 'fuzzy').hits).toBe(5);
  });
});
