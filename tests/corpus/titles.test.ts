import { describe, expect, it } from 'vitest';
import { deriveTitle } from '../../src/corpus/index.js';
import { trimAtWord } from '../../src/corpus/titles.js';

describe('deriveTitle', () => {
  it.each([
    ['We present the Groupwise Diffusion Model (GDM), which divides data into multiple groups.', 'GDM: Groupwise Diffusion Model'],
    ['Deep Ensemble (DE) approach is a straightforward technique. We propose a novel approach called Diffusion Bridge Network (DBN) to address this challenge.', 'DBN: Diffusion Bridge Network'],
    ['Group Equivariant CNNs (G-CNNs) have shown promising efficacy. In this paper, we propose a novel approach, Variational Partial G-CNN (VP G-CNN), to capture varying levels.', 'VP G-CNN: Variational Partial G-CNN'],
    ['Deep point cloud registration methods face challenges. To address these issues, we propose UDPReg, an unsupervised deep probabilistic registration framework.', 'UDPReg'],
  ])('names the proposed method: %s', (abstract, title) => {
    expect(deriveTitle(abstract)).toBe(title);
  });

  it('does not take a background method for the proposed one', () => {
    expect(deriveTitle('Image blending aims to combine multiple images seamlessly. Then we propose a 3D-aware blending method using generative Neural Radiance Fields (NeRF).')).toBe(
      'Image blending aims to combine multiple images seamlessly',
    );
  });

  it.each([
    ['Recent text-driven image editing in diffusion models has shown remarkable success. However, ...', 'Recent text-driven image editing in diffusion models has shown remarkable success'],
    [
      'Exploiting symmetry inherent in data can significantly improve the sample efficiency of a learning procedure and the generalization of learned models. When ...',
      'Exploiting symmetry inherent in data can significantly improve the sample efficiency…',
    ],
    [
      'With the advantages of fast inference and human-friendly flexible manipulation, image-agnostic style manipulation via text guidance enables new applications that were not previously available. The ...',
      'Image-agnostic style manipulation via text guidance enables new applications…',
    ],
    [
      'Portrait stylization, which translates a real human face image into an artistically stylized image, has attracted considerable interest and many prior works have shown impressive quality in recent years. However, ...',
      'Portrait stylization has attracted considerable interest and many prior works…',
    ],
  ])('otherwise uses the first clause, trimmed: %s', (abstract, title) => {
    expect(deriveTitle(abstract)).toBe(title);
  });

  it('is never empty and stays short', () => {
    expect(deriveTitle('...')).not.toBe('');
    expect(deriveTitle('a '.repeat(200)).length).toBeLessThanOrEqual(90);
    expect(trimAtWord('one two three four', 12)).toBe('one two…');
  });
});
