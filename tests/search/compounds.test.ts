import { describe, expect, it } from 'vitest';
import { joinedCompounds, normalize } from '../../src/search/text.js';

describe('joinedCompounds', () => {
  it('joins letters and digits linked by single hyphens, up to five parts', () => {
    const text = normalize('Self-supervised text-to-3D U-Net a-b-c-d-e-f state-of-the-art 2-3 -x y- a--b é-ẋy');
    expect(joinedCompounds(text)).toEqual(['selfsupervised', 'textto3d', 'unet', 'stateoftheart', '23', 'éẋy']);
  });

  it('takes the non-breaking hyphen (folded by NFKC) and letters beyond the BMP', () => {
    expect(joinedCompounds(normalize('fine\u2011tuning'))).toEqual(['finetuning']);
    expect(joinedCompounds('𝔸-b')).toEqual(['𝔸b']);
  });

  it('finds nothing without hyphens', () => {
    expect(joinedCompounds('no compounds here, only words.')).toEqual([]);
  });
});
