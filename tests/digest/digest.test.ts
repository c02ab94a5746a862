import { describe, expect, it } from 'vitest';
import { selectDiverse } from '../../src/digest/digest.js';
import { splitSentences, tldr, TLDR_HARD_MAX } from '../../src/digest/tldr.js';
import { createLibrary } from '../../src/search/library.js';
import { TfIdf } from '../../src/search/similar.js';
import { byTitle, paper, realLibrary } from '../search/helpers.js';

const ORIGINAL =
  'We propose a diffusion sampler that distills a pretrained teacher into a one-step student using score matching on latent codes.';

describe('digest', () => {
  const fixtures = [
    paper({ title: 'One-step diffusion distillation', abstract: ORIGINAL }),
    paper({ title: 'One-step diffusion distillation (v2)', abstract: `${ORIGINAL} Code is available.` }),
    paper({ title: 'Diffusion guidance for video', abstract: 'We introduce classifier-free diffusion guidance for temporally consistent video generation.' }),
    paper({ title: 'Diffusion models for molecules', abstract: 'This paper presents an equivariant diffusion model that generates 3D molecules.' }),
    paper({ title: 'Contrastive learning', abstract: 'We study contrastive learning of visual representations.' }),
  ];
  const library = createLibrary(fixtures);

  it('does not pick two near-identical papers', () => {
    const items = library.digest('diffusion', 3);
    expect(items).toHaveLength(3);
    const ids = items.map((i) => i.paper.id);
    expect(ids.includes(fixtures[0]!.id) && ids.includes(fixtures[1]!.id)).toBe(false);
    expect(items.every((i) => /diffusion/i.test(i.paper.title))).toBe(true);
  });

  it('skips excluded papers (already sent)', () => {
    const exclude = new Set([fixtures[0]!.id, fixtures[2]!.id]);
    const ids = library.digest('diffusion', 3, { exclude }).map((i) => i.paper.id);
    expect(ids.some((id) => exclude.has(id))).toBe(false);
    expect(ids).toContain(fixtures[1]!.id);
  });

  it('returns fewer items than asked when the topic has fewer papers', () => {
    expect(library.digest('contrastive', 5)).toHaveLength(1);
  });

  it('on the real corpus, picks no near-duplicates and attaches short TL;DRs', () => {
    const { papers, library: real } = realLibrary();
    const items = real.digest('diffusion', 8);
    expect(items).toHaveLength(8);
    const vectors = new TfIdf(papers);
    const index = new Map(papers.map((p, i) => [p.id, i]));
    for (const a of items) {
      expect(a.tldr.length).toBeGreaterThan(20);
      expect(a.tldr.length).toBeLessThanOrEqual(TLDR_HARD_MAX);
      for (const b of items) {
        if (a !== b) expect(vectors.cosine(index.get(a.paper.id)!, index.get(b.paper.id)!)).toBeLessThan(0.5);
      }
    }
  });
});

describe('selectDiverse (MMR)', () => {
  it('prefers a less relevant but novel item over a near copy of the best one', () => {
    const sim = (a: string, b: string) => (a[0] === b[0] ? 0.9 : 0.1);
    const picked = selectDiverse(
      [
        { item: 'a1', relevance: 10 },
        { item: 'a2', relevance: 9.9 },
        { item: 'b1', relevance: 5 },
      ],
      2,
      sim,
    );
    expect(picked.map((p) => p.item)).toEqual(['a1', 'b1']);
    expect(picked[0]?.relevance).toBe(1);
  });
});

describe('tldr', () => {
  it('picks the contribution sentence of real abstracts', () => {
    const { papers } = realLibrary();
    expect(tldr(byTitle(papers, 'Barlow Twins').abstract)).toMatch(/^We propose an objective function that naturally avoids collapse/);
    expect(tldr(byTitle(papers, 'Factorized Visual Tokenization').abstract)).toMatch(/^We introduce Factorized Quantization \(FQ\)/);
    expect(tldr(byTitle(papers, 'Equivariant Transformer Networks').abstract)).toMatch(/^We propose Equivariant Transformers/);
    expect(tldr(byTitle(papers, 'StRegA').abstract)).toMatch(/^This research proposes a compact version of the "context-encoding" VAE/);
  });

  it('falls back to the first sentence when no sentence states a contribution', () => {
    expect(tldr('Cats are great. Dogs are fine too.')).toBe('Cats are great.');
  });

  it('does not split at abbreviations', () => {
    expect(splitSentences('Methods (e.g. GANs) work. Smith et al. showed this. Done.')).toEqual([
      'Methods (e.g. GANs) work.',
      'Smith et al. showed this.',
      'Done.',
    ]);
  });

  it('shortens a long sentence at a clause boundary and ends it with a full stop, never with an ellipsis', () => {
    const long = `We propose ${'a very long method name '.repeat(8)}for images, which ${'works on every benchmark '.repeat(8)}we tried.`;
    const out = tldr(long);
    expect(out).toBe(`We propose ${'a very long method name '.repeat(8)}for images.`);
    expect(tldr('short and sweet')).toBe('short and sweet');
  });
});
