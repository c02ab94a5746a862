import { describe, expect, it } from 'vitest';
import { titleKey } from '../../src/corpus/title-key.js';
import { fuse } from '../../src/search/fusion.js';
import { createLibrary } from '../../src/search/library.js';
import { LsaProvider, lsaSemantic } from '../../src/search/lsa-provider.js';
import { buildIndex } from '../../src/search/postings.js';
import { byTitle, paper, realLibrary } from './helpers.js';

const ids = (hits: { paper: { id: string } }[]) => hits.map((h) => h.paper.id);
const text = (p: { title: string; abstract: string }) => `${p.title} ${p.abstract}`;

describe('fusing lexical and semantic rankings', () => {
  const similarity = (scores: Record<number, number>) => (doc: number) => scores[doc] ?? 0;

  it('score fusion weighs each side by its own best score; a paper only one side found scores 0 on the other', () => {
    const fused = fuse(
      {
        lexical: [
          { doc: 1, score: 10 },
          { doc: 2, score: 5 },
        ],
        semantic: [
          { doc: 3, score: 0.8 },
          { doc: 2, score: 0.7 },
        ],
        similarity: similarity({ 1: 0.2, 2: 0.7, 3: 0.8 }),
      },
      { method: 'score', alpha: 0.5 },
    );
    expect(fused.map((f) => f.doc)).toEqual([2, 1, 3]);
    expect(fused[0]!.score).toBeCloseTo(0.5 * 0.5 + 0.5 * 0.875);
    expect(fused[1]!.score).toBeCloseTo(0.5 + 0.5 * 0.25);
    expect(fused[2]!.score).toBeCloseTo(0.5);
  });

  it('rank fusion counts only ranks', () => {
    const fused = fuse({ lexical: [{ doc: 1, score: 100 }, { doc: 2, score: 1 }], semantic: [{ doc: 2, score: 0.9 }], similarity: () => 0 }, { method: 'rrf', k: 60, semanticWeight: 1 });
    expect(fused.map((f) => f.doc)).toEqual([2, 1]);
    expect(fused[0]!.score).toBeCloseTo(1 / 62 + 1 / 61);
  });
});

describe('hybrid search on the real corpus', () => {
  const { papers, library, lexical } = realLibrary();

  it('puts every paper first when searched by its exact title, and by the name before its colon', () => {
    const missed: string[] = [];
    for (const p of papers) {
      if (p.titleDerived) continue;
      const twins = papers.filter((o) => titleKey(o.title) === titleKey(p.title));
      const top = ids(library.search(p.title, { limit: twins.length }).hits);
      if (!top.includes(p.id)) missed.push(p.title);
    }
    expect(missed).toEqual([]);
    for (const [name, start] of [['Barlow Twins', 'Barlow Twins'], ['SmoothGrad', 'SmoothGrad'], ['CutMix', 'CutMix']]) {
      expect(library.search(name!, { limit: 1 }).hits[0]?.paper.id).toBe(byTitle(papers, start!).id);
    }
  });

  it('keeps quoted phrases precise: every hit contains the phrase, and a phrase alone ranks as lexical search does', () => {
    for (const phrase of ['score distillation', 'self-supervised', 'gradient inversion', 'normalizing flows']) {
      const pattern = new RegExp(`\\b${phrase.replace(/[- ]/g, '[-\\s]?')}`, 'i');
      expect(ids(library.search(`"${phrase}"`, { limit: 100 }).hits)).toEqual(ids(lexical.search(`"${phrase}"`, { limit: 100 }).hits));
      for (const query of [`"${phrase}"`, `diffusion "${phrase}"`, `"${phrase}" learning`]) {
        const result = library.search(query, { limit: 100 });
        expect(result.hits.length, query).toBeGreaterThan(0);
        expect(result.hits.every((h) => pattern.test(text(h.paper))), query).toBe(true);
        // What lexical search finds is still there; the semantic side may add papers with the phrase but not the other word.
        expect(ids(result.hits)).toEqual(expect.arrayContaining(ids(lexical.search(query, { limit: 100 }).hits)));
      }
    }
  });

  it('applies exclusions, dates and authors to the papers the semantic side adds', () => {
    const video = library.search('diffusion models -video', { limit: 100 });
    expect(video.hits.length).toBeGreaterThan(10);
    expect(video.hits.some((h) => /\bvideos?\b/i.test(text(h.paper)))).toBe(false);
    const dated = library.search('contrastive representation learning since:2025', { limit: 100 });
    expect(dated.hits.every((h) => (h.paper.published ?? '') >= '2025-01-01')).toBe(true);
    const plain = library.search('contrastive representation learning', { limit: 100 });
    expect(dated.total).toBeLessThan(plain.total);
  });

  it('finds papers that say it in other words, which lexical search leaves out', () => {
    const query = 'decorrelate embedding dimensions of two augmented views instead of using negative pairs';
    const hybrid = ids(library.search(query, { limit: 10 }).hits);
    const alone = ids(lexical.search(query, { limit: 10 }).hits);
    const added = hybrid.filter((id) => !alone.includes(id));
    expect(added.length).toBeGreaterThan(0);
    expect(library.search(query, { limit: 100 }).total).toBeGreaterThanOrEqual(lexical.search(query, { limit: 1 }).total);
  });

  it('orders sort:new and sort:top as lexical search does, and ranks lexically without free words', () => {
    for (const query of ['diffusion sort:new', 'contrastive sort:top', '"score distillation"', 'author:lecun']) {
      const a = library.search(query, { limit: 20 });
      const b = lexical.search(query, { limit: 20 });
      expect(ids(a.hits), query).toEqual(ids(b.hits));
      expect(a.total).toBe(b.total);
    }
  });

  it('pages through one ranking: pages join into the first N hits, without repeats', () => {
    for (const query of ['diffusion models', 'face identity preservation', 'gradient leakage attacks']) {
      const all = ids(library.search(query, { limit: 60 }).hits);
      const paged = [0, 1, 2, 3, 4, 5].flatMap((page) => ids(library.search(query, { limit: 10, offset: page * 10 }).hits));
      expect(paged).toEqual(all);
      expect(new Set(all).size).toBe(all.length);
    }
  });

  it('keeps the lexical hits below the fused head, in their order', () => {
    const result = library.search('learning', { limit: 400 });
    const lex = lexical.search('learning', { limit: 400 });
    expect(result.total).toBeGreaterThanOrEqual(lex.total);
    expect(lex.hits.length).toBeGreaterThan(250);
    // The fused head holds at most 100 lexical and 100 semantic hits; below it, lexical order.
    const tail = ids(result.hits).slice(200);
    expect(tail.length).toBeGreaterThan(50);
    expect(tail).toEqual(ids(lex.hits).filter((id) => tail.includes(id)));
    for (let i = 1; i < result.hits.length; i++) expect(result.hits[i]!.score).toBeLessThanOrEqual(result.hits[i - 1]!.score);
  });
});

describe('semantic search on a made-up corpus', () => {
  const corpus = [
    paper({ title: 'Dataset distillation for fast training', abstract: 'We compress a large training set into a small synthetic dataset.' }),
    paper({ title: 'Synthetic dataset distillation by matching gradients', abstract: 'A small synthetic training set learns as well as the full dataset.' }),
    paper({ title: 'Dataset condensation with matched gradients', abstract: 'We condense the training set into a small synthetic dataset that trains well.' }),
    paper({ title: 'Efficient condensation', abstract: 'Condensation makes a small synthetic training set from a large dataset.' }),
    paper({ title: 'Robot grasping with tactile sensors', abstract: 'A robot arm learns grasping of unknown objects from touch.' }),
    paper({ title: 'Learning to grasp with a robot hand', abstract: 'Tactile feedback helps the robot hand grasp objects.' }),
  ];
  const index = buildIndex(corpus);
  const provider = LsaProvider.train(index, { dimensions: 2, minDf: 1 });
  const library = createLibrary(corpus, { index, semantic: lsaSemantic(provider, index) });
  const lexicalOnly = createLibrary(corpus, { index });

  it('a query finds a paper without its word, and similar compares meanings', () => {
    expect(ids(lexicalOnly.search('distillation', { limit: 10 }).hits)).not.toContain(corpus[3]!.id);
    expect(ids(library.search('distillation', { limit: 10 }).hits)).toContain(corpus[3]!.id);
    expect(library.search('distillation', { limit: 10 }).hits.some((h) => /robot/i.test(h.paper.title))).toBe(false);
    expect(ids(library.similar(corpus[0]!.id, 3))).toEqual(expect.arrayContaining([corpus[1]!.id, corpus[2]!.id, corpus[3]!.id]));
  });

  it('is ready at once with a model in memory', async () => {
    await expect(library.prepareSearch('distillation')).resolves.toBeUndefined();
    await expect(library.prepareSearch('"unclosed')).resolves.toBeUndefined();
  });
});
