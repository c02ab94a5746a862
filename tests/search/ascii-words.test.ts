/**
 * ASCII text takes a loop instead of NFKC and a Unicode regular expression on its way to stems
 * (proximity re-ranking, phrases, topics). It must give exactly the stems the general path gives.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isContentWord, normalize, stem, stems, tokenize } from '../../src/search/text.js';
import { realLibrary } from './helpers.js';

const general = (text: string) => tokenize(normalize(text)).filter(isContentWord).map(stem);

describe('stems of ASCII text', () => {
  it('are those of the general path for every title and abstract of the real corpus', () => {
    const { papers } = realLibrary();
    const ascii = papers.flatMap((p) => [p.title, p.abstract]).filter((t) => /^[\x00-\x7f]*$/.test(t));
    expect(ascii.length).toBeGreaterThan(400);
    for (const text of ascii) expect(stems(text)).toEqual(general(text));
  });

  it('are those of the general path for any ASCII string, and for text that is not ASCII', () => {
    const pieces = fc.constantFrom('Self-Supervised', 'the', 'GANs', 'x', '3D', '2024', 'a1b2', '--', ' ', '\t\n', '.', 'ﬁne', 'Équivariant', 'ÄBC', '_', 'ok');
    fc.assert(fc.property(fc.array(fc.oneof(fc.string(), pieces), { maxLength: 30 }), (parts) => {
      const text = parts.join(' ');
      expect(stems(text)).toEqual(general(text));
    }), { numRuns: 500 });
  });
});
