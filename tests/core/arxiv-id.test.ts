import { describe, expect, it } from 'vitest';
import { arxivLinks, canonicalArxivId } from '../../src/core/arxiv-id.js';

describe('canonicalArxivId', () => {
  it.each([
    ['2103.03230', '2103.03230'],
    ['2103.03230v2', '2103.03230'],
    ['arXiv:2103.03230', '2103.03230'],
    ['arxiv:2103.03230v12', '2103.03230'],
    ['  2103.03230  ', '2103.03230'],
    ['0704.0001', '0704.0001'],
    ['1412.6980v9', '1412.6980'],
    ['1501.00001', '1501.00001'],
    ['https://arxiv.org/abs/2103.03230v1', '2103.03230'],
    ['http://arxiv.org/abs/2103.03230', '2103.03230'],
    ['https://arxiv.org/pdf/2103.03230', '2103.03230'],
    ['https://arxiv.org/pdf/2103.03230v3.pdf', '2103.03230'],
    ['https://www.arxiv.org/abs/2103.03230?context=cs', '2103.03230'],
    ['http://export.arxiv.org/abs/2103.03230v1', '2103.03230'],
    ['https://huggingface.co/papers/2103.03230', '2103.03230'],
    ['https://huggingface.co/papers/2103.03230#community', '2103.03230'],
    ['hep-th/9901001', 'hep-th/9901001'],
    ['hep-th/9901001v2', 'hep-th/9901001'],
    ['math.GT/0309136v1', 'math/0309136'],
    ['arXiv:math.GT/0309136', 'math/0309136'],
    ['http://arxiv.org/abs/cond-mat/0102536v1', 'cond-mat/0102536'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalArxivId(input)).toBe(expected);
  });

  it.each([
    '',
    'diffusion models',
    '2103.0323',
    '2103.032301',
    '1412.69801',
    '2113.03230',
    '2100.03230',
    '2103.03230 and more',
    'see 2103.03230',
    'arXiv:',
    'hep-th/990100',
    'https://example.com/abs/2103.03230',
    'https://arxiv.org/list/cs.LG/recent',
    'https://huggingface.co/datasets/2103.03230',
  ])('rejects %j', (input) => {
    expect(canonicalArxivId(input)).toBeUndefined();
  });
});

describe('arxivLinks', () => {
  it('links the abstract, PDF and Hugging Face page of the versionless id', () => {
    expect(arxivLinks('arXiv:2103.03230v2')).toEqual({
      abs: 'https://arxiv.org/abs/2103.03230',
      pdf: 'https://arxiv.org/pdf/2103.03230',
      hf: 'https://huggingface.co/papers/2103.03230',
    });
    expect(arxivLinks('hep-th/9901001').abs).toBe('https://arxiv.org/abs/hep-th/9901001');
  });

  it('refuses text that is not an arXiv id', () => {
    expect(() => arxivLinks('not an id')).toThrow(RangeError);
  });
});
