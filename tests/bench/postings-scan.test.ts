/**
 * The benchmark's floor, a plain scan of the postings, must score as the engine does: for a
 * query the engine answers by the same postings alone (known words, every paper has them all, no
 * pairs to re-rank), both give the same papers in the same order.
 */
import { describe, expect, it } from 'vitest';
import { PostingsScan } from '../../bench/lib/postings-scan.js';
import { loadCorpus } from '../../src/corpus/index.js';
import { createLibrary } from '../../src/search/library.js';
import { buildIndex } from '../../src/search/postings.js';

describe('the plain postings scan', () => {
  const { papers } = loadCorpus('data');
  const index = buildIndex(papers);
  const library = createLibrary(papers, { index });
  const scan = new PostingsScan(index);

  it.each(['diffusion', 'transformer', 'contrastive', 'graph', 'reinforcement'])('ranks "%s" as the engine does', (q) => {
    const engine = library.search(q, { limit: 5 }).hits.map((h) => papers.indexOf(h.paper));
    expect(engine).toHaveLength(5);
    expect(scan.search(q)).toEqual(engine);
  });

  it('leaves out what the engine adds: operators, exclusions, and typos it does not expand', () => {
    expect(scan.search('diffusion year:2024 sort:top -video')).toEqual(scan.search('diffusion'));
    expect(scan.search('qzxvbnmwk')).toEqual([]);
  });
});
