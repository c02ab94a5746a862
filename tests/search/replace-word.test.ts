/** "Did you mean" rewrites replace whole words only, ignoring case, exactly as the look-around pattern they replace did. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replaceWord } from '../../src/search/suggest.js';

/** The former implementation: word boundaries as Unicode look-arounds in the pattern. */
function reference(text: string, word: string, by: string): string {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text.normalize('NFKC').replace(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'giu'), by);
}

describe('replaceWord', () => {
  it('replaces whole words in any case, and leaves words that merely contain it', () => {
    expect(replaceWord('Difusion models; difusion-based DIFUSION, difusions', 'difusion', 'diffusion')).toBe('diffusion models; diffusion-based diffusion, difusions');
    expect(replaceWord('xdifusion 2difusion difusion2 é-difusion 𐐀difusion', 'difusion', 'D')).toBe('xdifusion 2difusion difusion2 é-D 𐐀difusion');
  });

  it('agrees with the look-around pattern on any text', () => {
    const word = fc.constantFrom('difusion', 'gan', 'a1', 'équivar', 'ss');
    const piece = fc.oneof(fc.string(), fc.constantFrom('difusion', 'DIFUSION', 'Gan', 'gans', 'A1', 'ÉQUIVAR', 'ß', 'SS', '𝐀', '𐐀', '-', ' ', 'é', '1', 'ﬁ'));
    fc.assert(fc.property(fc.array(piece, { maxLength: 12 }), word, (parts, w) => {
      const text = parts.join('');
      expect(replaceWord(text, w, '<X>')).toBe(reference(text, w, '<X>'));
    }), { numRuns: 1000 });
  });
});
