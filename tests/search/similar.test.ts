import { describe, expect, it } from 'vitest';
import { byTitle, realLibrary } from './helpers.js';

describe('similar papers', () => {
  const { papers, library } = realLibrary();
  const text = (p: { title: string; abstract: string }) => `${p.title} ${p.abstract}`;

  it('"Diffusion Models Beat GANs on Image Synthesis" finds diffusion and generative papers, no time series', () => {
    const similar = library.similar(byTitle(papers, 'Diffusion Models Beat GANs').id, 10);
    expect(similar).toHaveLength(10);
    expect(similar.filter((h) => /time[ -]series|forecast/i.test(text(h.paper))).map((h) => h.paper.title)).toEqual([]);
    expect(similar.every((h) => /diffusion|generat|GAN|synthesi/i.test(text(h.paper)))).toBe(true);
  });
});
