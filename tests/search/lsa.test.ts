import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gaussianMatrix, multiply, orthonormalColumns, symmetricEigen } from '../../src/search/linalg.js';
import { embedIndex, embedPaperText, embedQueryText, trainLsa } from '../../src/search/lsa.js';
import { LsaProvider } from '../../src/search/lsa-provider.js';
import { PaperVectors } from '../../src/search/paper-vectors.js';
import { buildIndex } from '../../src/search/postings.js';
import { paper, realLibrary } from './helpers.js';

describe('dense linear algebra', () => {
  it('eigendecomposes symmetric matrices: A·v = λ·v, orthonormal vectors, values descending', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 1000 }), (n, seed) => {
        const m = gaussianMatrix(n, n, seed);
        const a = new Float64Array(n * n);
        for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) a[i * n + j] = m[i * n + j]! + m[j * n + i]!;
        const { values, vectors } = symmetricEigen(a, n);
        const av = multiply(a, n, n, vectors, n);
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) expect(av[i * n + j]!).toBeCloseTo(values[j]! * vectors[i * n + j]!, 8);
        }
        for (let j = 1; j < n; j++) expect(values[j]!).toBeLessThanOrEqual(values[j - 1]!);
        for (let p = 0; p < n; p++) {
          for (let q = 0; q < n; q++) {
            let dot = 0;
            for (let i = 0; i < n; i++) dot += vectors[i * n + p]! * vectors[i * n + q]!;
            expect(dot).toBeCloseTo(p === q ? 1 : 0, 8);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('gives an orthonormal basis of a matrix\'s columns, dropping directions it does not span', () => {
    const rows = 30;
    const base = gaussianMatrix(rows, 3, 7);
    // Five columns, the last two combinations of the first three: rank 3.
    const m = new Float64Array(rows * 5);
    for (let r = 0; r < rows; r++) {
      const [x, y, z] = [base[r * 3]!, base[r * 3 + 1]!, base[r * 3 + 2]!];
      m.set([x, y, z, x + y, 2 * z - x], r * 5);
    }
    const { q, cols } = orthonormalColumns(m, rows, 5);
    expect(cols).toBe(3);
    for (let a = 0; a < cols; a++) {
      for (let b = 0; b < cols; b++) {
        let dot = 0;
        for (let r = 0; r < rows; r++) dot += q[r * cols + a]! * q[r * cols + b]!;
        expect(dot).toBeCloseTo(a === b ? 1 : 0, 8);
      }
    }
  });
});

describe('LSA learnt from the corpus', () => {
  // Two topics. "distillation" and "condensation" never meet in one paper, but share every other word of theirs.
  const corpus = [
    paper({ title: 'Dataset distillation for fast training', abstract: 'We compress a large training set into a small synthetic dataset.' }),
    paper({ title: 'Synthetic dataset distillation by matching gradients', abstract: 'A small synthetic training set learns as well as the full dataset.' }),
    paper({ title: 'Dataset condensation with matched gradients', abstract: 'We condense the training set into a small synthetic dataset that trains well.' }),
    paper({ title: 'Efficient dataset condensation', abstract: 'Condensation makes a small synthetic training set from a large dataset.' }),
    paper({ title: 'Robot grasping with tactile sensors', abstract: 'A robot arm learns grasping of unknown objects from touch.' }),
    paper({ title: 'Learning to grasp with a robot hand', abstract: 'Tactile feedback helps the robot hand grasp objects.' }),
    paper({ title: 'Tactile robot manipulation', abstract: 'Manipulation of objects by a robot with tactile skin.' }),
  ];
  const index = buildIndex(corpus);

  it('places words used in the same papers together: "condensation" finds the distillation papers before the robots', () => {
    const provider = LsaProvider.train(index, { dimensions: 2, minDf: 1 });
    const vectors = provider.vectorsOf(index);
    const found = vectors.nearest(provider.embedQueryNow('distillation')!, corpus.length).map((h) => corpus[h.doc]!.title);
    expect(found.slice(0, 4).sort()).toEqual(corpus.slice(0, 4).map((p) => p.title).sort());
    expect(found.slice(0, 4)).toContain('Efficient dataset condensation');
  });

  it('is deterministic: the same papers give the same model, and its name says which', () => {
    const a = LsaProvider.train(index, { dimensions: 3, minDf: 1 });
    const b = LsaProvider.train(index, { dimensions: 3, minDf: 1 });
    expect(a.model).toBe(b.model);
    expect([...a.lsa.basis]).toEqual([...b.lsa.basis]);
    expect(LsaProvider.train(buildIndex(corpus.slice(1)), { dimensions: 3, minDf: 1 }).model).not.toBe(a.model);
    expect(a.model).toMatch(/^lsa-3-[0-9a-f]{12}$/);
  });

  it('folds a paper\'s text in exactly as it folds the same paper in from the index', () => {
    const { papers } = realLibrary();
    const real = buildIndex(papers);
    const model = trainLsa(real, { dimensions: 20 });
    const { vectors, present } = embedIndex(model, real);
    for (const doc of [0, 17, 101, 250, papers.length - 1]) {
      const p = papers[doc]!;
      const v = embedPaperText(model, p.title, p.abstract)!;
      expect(present[doc]).toBe(1);
      for (let j = 0; j < 20; j++) expect(v[j]!).toBeCloseTo(vectors[doc * 20 + j]!, 5);
    }
  });

  it('folds papers in block by block exactly as in one pass, whatever the block size', () => {
    const { papers } = realLibrary();
    const real = buildIndex(papers);
    const model = trainLsa(real, { dimensions: 20 });
    const onePass = embedIndex(model, real, papers.length);
    for (const block of [1, 7, 64, 487]) {
      const blocked = embedIndex(model, real, block);
      expect(blocked.present).toEqual(onePass.present);
      // Bit for bit: each paper gets its words' additions in the same order.
      expect(Buffer.from(blocked.vectors.buffer).equals(Buffer.from(onePass.vectors.buffer))).toBe(true);
    }
    expect(onePass.present.filter((x) => x === 1).length).toBeGreaterThan(papers.length * 0.95);
  });

  it('gives no vector to a text without a word it knows, and unit vectors otherwise', () => {
    const model = trainLsa(index, { dimensions: 2, minDf: 1 });
    expect(embedQueryText(model, 'zebra quokka')).toBeUndefined();
    expect(embedQueryText(model, 'the of and')).toBeUndefined();
    const v = embedQueryText(model, 'Robot GRASPING!')!;
    expect(Math.hypot(...v)).toBeCloseTo(1, 6);
  });

  it('counts each word of a query alike: the query lies as close to each word\'s own direction', () => {
    const { papers } = realLibrary();
    const model = trainLsa(buildIndex(papers), { dimensions: 20 });
    // A frequent word and a rare one, whose TF-IDF weights and directions' lengths differ widely.
    const words = ['learning', 'equivariant'];
    const [a, b] = words.map((w) => embedQueryText(model, w)!);
    const both = embedQueryText(model, words.join(' '))!;
    const cosine = (x: Float32Array, y: Float32Array) => x.reduce((sum, v, j) => sum + v * y[j]!, 0);
    expect(cosine(both, a!)).toBeCloseTo(cosine(both, b!), 5);
    expect(embedQueryText(model, 'learning learning equivariant')).toEqual(both);
  });

  it('trains on an evenly spaced sample of a larger corpus, and still folds every paper in', () => {
    const many = Array.from({ length: 60 }, (_, i) => corpus[i % corpus.length]!);
    const big = buildIndex(many);
    const model = trainLsa(big, { dimensions: 2, minDf: 1, maxTrainingPapers: 20 });
    expect(model.trainedOn).toBe(20);
    expect(model.corpusSize).toBe(60);
    expect(embedIndex(model, big).present.every((x) => x === 1)).toBe(true);
  });

  it('copes with corpora smaller than its dimensions, and with no words at all', () => {
    const tiny = buildIndex(corpus.slice(0, 2));
    const model = trainLsa(tiny, { dimensions: 100, minDf: 1 });
    expect(model.dimensions).toBeLessThanOrEqual(2);
    expect(model.dimensions).toBeGreaterThan(0);
    const empty = trainLsa(buildIndex([paper({ title: 'the of' })]));
    expect(empty.dimensions).toBe(0);
    expect(embedQueryText(empty, 'anything')).toBeUndefined();
  });
});

describe('nearest vectors', () => {
  it('runs the WebAssembly SIMD scan here', () => {
    expect(PaperVectors.empty('m', 100, 10).simd).toBe(true);
  });

  it('finds exactly the papers a full scan finds, whatever the length, filter and skipped paper', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 120 }), fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 10_000 }), (k, n, limit, seed) => {
        // Decaying directions, like LSA's: most of the length in the first numbers.
        const raw = gaussianMatrix(n + 1, k, seed);
        const unit = (row: number) => {
          const v = Float32Array.from({ length: k }, (_, j) => raw[row * k + j]! / (1 + j / 4));
          const norm = Math.hypot(...v);
          return v.map((x) => x / norm);
        };
        const vectors = PaperVectors.empty('m', k, n).with(n, new Map(Array.from({ length: n }, (_, d) => [d, d % 7 === 3 ? undefined : unit(d)] as const)));
        const query = unit(n);
        const allowed = Uint8Array.from({ length: n }, (_, d) => (d % 5 === 1 ? 0 : 1));
        const skip = seed % n;
        const brute = Array.from({ length: n }, (_, d) => d)
          .filter((d) => vectors.present[d] && allowed[d] && d !== skip)
          .map((d) => ({ doc: d, score: vectors.similarity(d, query) }))
          .sort((a, b) => b.score - a.score || a.doc - b.doc)
          .slice(0, limit);
        const found = vectors.nearest(query, limit, (d) => allowed[d] === 1, skip);
        expect(found).toEqual(brute);
        // The plain JavaScript scan (where WebAssembly SIMD is missing) finds the same, bit for bit.
        const plain = PaperVectors.empty('m', k, n, { simd: false }).with(n, new Map(Array.from({ length: n }, (_, d) => [d, vectors.vector(d)] as const)));
        expect(plain.simd).toBe(false);
        expect(plain.nearest(query, limit, (d) => allowed[d] === 1, skip)).toEqual(found);
      }),
      { numRuns: 150 },
    );
  });
});
