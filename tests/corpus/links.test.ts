import { describe, expect, it } from 'vitest';
import { extractLinks } from '../../src/corpus/index.js';

const urls = (text: string) => extractLinks(text).map((l) => l.url);

describe('extractLinks', () => {
  // Each case is a real abstract ending from data/.
  it.each([
    ['Our code is available at https://github.com/pwang322/DLF.', 'https://github.com/pwang322/DLF'],
    ['Our code is available at https://github.com/ModelTC/L2_Compression .', 'https://github.com/ModelTC/L2_Compression'],
    ['Our codes are available at \\url{https://github.com/kogyeonghoon/learning-symmetry-from-scratch.git}.', 'https://github.com/kogyeonghoon/learning-symmetry-from-scratch.git'],
    ['Project Page: \\url{https://idaligner.github.io/}', 'https://idaligner.github.io/'],
    ['\\textcolor[rgb]{1, 0, 0}{Code available at http://www.bhchen.cn/}.', 'http://www.bhchen.cn/'],
    ['Project page: red{https://xiaojiu-z.github.io/Stable-Hair.github.io/}', 'https://xiaojiu-z.github.io/Stable-Hair.github.io/'],
    ['models such as DALLE~3. https://mingkangz.github.io/logosticker{Project page}.', 'https://mingkangz.github.io/logosticker'],
    ['page can be found here (https://wuw2019.github.io/R-AMT/).', 'https://wuw2019.github.io/R-AMT/'],
    ['Code is available at www.robots.ox.ac.uk/~vgg/research/DVE/.', 'https://www.robots.ox.ac.uk/~vgg/research/DVE/'],
    ['The code is available at https://github.com/huawei-noah/Federated-Learning/tree/main/HessianAlignment.', 'https://github.com/huawei-noah/Federated-Learning/tree/main/HessianAlignment'],
  ])('cleans %s', (text, url) => {
    expect(urls(text)).toEqual([url]);
  });

  it('keeps brackets that are balanced inside the URL', () => {
    expect(urls('See (https://en.wikipedia.org/wiki/Mixture_(probability)).')).toEqual(['https://en.wikipedia.org/wiki/Mixture_(probability)']);
  });

  it('finds several links, classifies them and drops repeats', () => {
    const text =
      'Project Page: https://tongzhouwang.info/hypersphere Code: https://github.com/SsnL/align_uniform , https://github.com/SsnL/moco_align_uniform ' +
      'and https://huggingface.co/org/model; again https://github.com/SsnL/align_uniform.';
    expect(extractLinks(text)).toEqual([
      { url: 'https://tongzhouwang.info/hypersphere', kind: 'project' },
      { url: 'https://github.com/SsnL/align_uniform', kind: 'code' },
      { url: 'https://github.com/SsnL/moco_align_uniform', kind: 'code' },
      { url: 'https://huggingface.co/org/model', kind: 'code' },
    ]);
  });

  it('treats github.io pages as project pages and gitlab as code', () => {
    expect(extractLinks('https://three-bee.github.io/head_stylization and https://gitlab.com/a/b.')).toEqual([
      { url: 'https://three-bee.github.io/head_stylization', kind: 'project' },
      { url: 'https://gitlab.com/a/b', kind: 'code' },
    ]);
  });
});
