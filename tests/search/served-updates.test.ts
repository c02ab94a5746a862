/**
 * Papers from sources reach the served library without re-indexing it: new ones are appended,
 * a refreshed record with the same text swaps in place, and the library being used stays as it was.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Paper } from '../../src/corpus/paper.js';
import { loadLibrary } from '../../src/load-library.js';
import { addPapers } from '../../src/load-papers.js';
import { DEFAULT_DATA_DIR } from '../../src/paths.js';
import { buildIndex } from '../../src/search/postings.js';

// Every index build, by the number of papers it covered: appending must only index the newcomers.
const builds = vi.hoisted(() => [] as number[]);
vi.mock('../../src/search/postings.js', async (original) => {
  const real = await original<typeof import('../../src/search/postings.js')>();
  return {
    ...real,
    buildIndex: (papers: readonly Paper[]) => {
      builds.push(papers.length);
      return real.buildIndex(papers);
    },
  };
});

const seed = loadLibrary(DEFAULT_DATA_DIR, undefined, { cacheDir: false });
const fresh = (id: string, title: string, fields: Partial<Paper> = {}): Paper => ({
  id,
  title,
  titleDerived: false,
  abstract: `${title}. We introduce a method and evaluate it carefully.`,
  links: [],
  sources: ['hf'],
  firstSeen: '2026-11-30T09:00:00.000Z',
  ...fields,
});

describe('papers arriving in the served library', () => {
  it('new papers are appended to the index, not re-indexed, and are found at once', () => {
    builds.length = 0;
    const next = addPapers(seed, [fresh('pnew0001', 'Quokka Transformers for Burrow Mapping')]);
    expect(builds).toEqual([1]);
    builds.length = 0;
    expect(next.library.papers).toHaveLength(489);
    expect(next.postings!.docCount).toBe(489);
    // Appending keeps every existing term where it was: a rebuild would give the same, but
    // the postings of the old documents are shared, not recomputed, so the old prefix is identical.
    expect(next.postings!.terms.slice(0, seed.postings!.terms.length)).toEqual(seed.postings!.terms);
    expect(next.postings).toEqual(buildIndex(next.library.papers));
    expect(next.library.search('quokka burrow', { limit: 3 }).hits.map((h) => h.paper.id)).toEqual(['pnew0001']);
  });

  it('a search already holding the old library is undisturbed', () => {
    const before = seed.library;
    const total = before.search('diffusion', { limit: 5 }).total;
    addPapers(seed, [fresh('pnew0002', 'Diffusion of Quokkas Across Islands')]);
    expect(before.search('diffusion', { limit: 5 }).total).toBe(total);
    expect(before.search('quokkas', { limit: 5 }).total).toBe(0);
  });

  it('a record whose text is unchanged (new upvotes, authors) swaps in place: same index, new details', () => {
    const known = seed.library.get('pskim5ab')!;
    builds.length = 0;
    const next = addPapers(seed, [{ ...known, upvotes: 77, authorNames: ['Prafulla Dhariwal', 'Alex Nichol'], arxivId: '2105.05233' }]);
    expect(builds).toEqual([]);
    expect(next.postings).toBe(seed.postings);
    expect(next.library.get('pskim5ab')).toMatchObject({ upvotes: 77, arxivId: '2105.05233' });
    expect(next.library.byArxivId('2105.05233')?.id).toBe('pskim5ab');
  });

  it('a record whose indexed text changed is re-indexed, so search matches the new text', () => {
    const known = seed.library.get('pskim5ab')!;
    const next = addPapers(seed, [{ ...known, links: [...known.links, { url: 'https://github.com/example/wombat-diffusion', kind: 'code' as const }] }]);
    expect(next.postings).not.toBe(seed.postings);
    expect(next.postings).toEqual(buildIndex(next.library.papers));
    expect(next.library.papers).toHaveLength(488);
  });

  it('no papers to apply (semantic search being attached at start-up) rebuilds nothing and copies nothing', () => {
    builds.length = 0;
    const next = addPapers(seed, []);
    expect(builds).toEqual([]);
    expect(next.postings).toBe(seed.postings);
    // The same array: what libraries build per papers (ids, dates) is then built once.
    expect(next.library.papers).toBe(seed.library.papers);
    expect(next.library.get('pskim5ab')).toBe(seed.library.get('pskim5ab'));
    expect(next.library.search('diffusion', { limit: 5 }).hits.map((h) => h.paper.id)).toEqual(seed.library.search('diffusion', { limit: 5 }).hits.map((h) => h.paper.id));
  });
});
