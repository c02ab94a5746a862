import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.js';

const corpus = loadCorpus(fileURLToPath(new URL('../../data', import.meta.url)));

/*
 * Expected numbers were counted independently of the parser, e.g.
 *   awk 'length($0)>300' FILE | wc -l            -> abstracts per file (titles <= 134 chars, abstracts >= 443)
 *   awk 'length($0)>300 {sub(/^Abstract:/,""); print}' data/*.txt | sort -u | wc -l   -> 488 distinct
 *   ... | sort | uniq -d | wc -l                  -> 30 abstracts seen twice (none three times)
 *   grep -c 'authors$' data/daily-papers-2025-11-14.txt -> 67 blocks with metadata out of 68
 * Nine of the ten abstracts-only entries appear nowhere else (the tenth is titled in the invariance export).
 */
describe('the real corpus in data/', () => {
  it('reads every entry of every file with the right layout', () => {
    expect(corpus.stats.files).toEqual([
      { file: 'abstracts-only.txt', layout: 'abstracts', entries: 10 },
      { file: 'daily-papers-2025-04-23.txt', layout: 'blocks', entries: 52, capturedOn: '2025-04-23' },
      { file: 'daily-papers-2025-11-14.txt', layout: 'blocks', entries: 68, capturedOn: '2025-11-14' },
      { file: 'daily-papers-undated-identity.txt', layout: 'compact', entries: 193 },
      { file: 'daily-papers-undated-invariance.txt', layout: 'compact', entries: 195 },
    ]);
    expect(corpus.stats.warnings).toEqual([]);
  });

  it('merges duplicates into unique papers', () => {
    expect(corpus.stats).toMatchObject({ entries: 518, papers: 488, duplicatesMerged: 30, derivedTitles: 9 });
    expect(corpus.papers.filter((p) => p.sources.length === 2)).toHaveLength(30);
    expect(new Set(corpus.papers.map((p) => p.id)).size).toBe(488);
  });

  it('gives every paper a title, an ID and cleaned links', () => {
    for (const p of corpus.papers) {
      expect(p.id).toMatch(/^p[a-z2-7]{7}$/);
      expect(p.title.trim()).not.toBe('');
      expect(p.title.length).toBeLessThanOrEqual(140);
      for (const l of p.links) expect(l.url).not.toMatch(/[.,;)}]$/);
    }
    const links = corpus.papers.flatMap((p) => p.links);
    expect(links).toHaveLength(113);
    expect(links.filter((l) => l.kind === 'code')).toHaveLength(90);
  });

  it('lets a titled copy win over an untitled one and keeps the best metadata', () => {
    const soft = corpus.papers.find((p) => p.abstract.startsWith('Datasets often have their intrinsic symmetries'))!;
    expect(soft).toMatchObject({ title: 'Regularizing Towards Soft Equivariance Under Mixed Symmetries', titleDerived: false });
    expect(soft.sources).toEqual(['abstracts-only.txt', 'daily-papers-undated-invariance.txt']);

    const vae = corpus.papers.find((p) => p.title.startsWith('Variational Inference with Latent Space Quantization'))!;
    expect(vae).toMatchObject({ authors: 5, published: '2019-03-24', upvotes: 2 });
    expect(vae.sources).toEqual(['daily-papers-2025-04-23.txt', 'daily-papers-2025-11-14.txt']);
  });

  it('derives readable titles for the untitled abstracts', () => {
    expect(corpus.papers.filter((p) => p.titleDerived).map((p) => p.title).sort()).toEqual([
      'DBN: Diffusion Bridge Network',
      'Exploiting symmetry inherent in data can significantly improve the sample efficiency…',
      'GDM: Groupwise Diffusion Model',
      'Image blending aims to combine multiple images seamlessly',
      'Image-agnostic style manipulation via text guidance enables new applications…',
      'Multivariate time series data for real-world applications typically contain…',
      'Portrait stylization has attracted considerable interest and many prior works…',
      'Recent text-driven image editing in diffusion models has shown remarkable success',
      'VP G-CNN: Variational Partial G-CNN',
    ]);
  });

  it('dates yearless entries in the capture year', () => {
    const franca = corpus.papers.find((p) => p.title.startsWith('Franca:'))!;
    expect(franca).toMatchObject({ published: '2025-07-18', upvotes: 5, authors: 8 });
  });
});
