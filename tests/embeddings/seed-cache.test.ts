import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSeedVectors, saveSeedVectors, seedVectorFile } from '../../src/embeddings/seed-cache.js';
import { LsaProvider } from '../../src/search/lsa-provider.js';
import { buildIndex } from '../../src/search/postings.js';
import { paper } from '../search/helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'paperbot-seed-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const corpus = [
  paper({ title: 'Graph neural networks for molecules', abstract: 'Message passing over atoms and bonds predicts molecular properties.' }),
  paper({ title: 'Molecular property prediction', abstract: 'Graph networks read atoms and bonds.' }),
  paper({ title: 'Ocean tides and currents', abstract: 'Tides drive currents along the coast.' }),
  paper({ title: 'the of and', abstract: '' }),
];

describe('the seed vector cache', () => {
  const index = buildIndex(corpus);
  const provider = LsaProvider.train(index, { dimensions: 3, minDf: 1 });
  const vectors = provider.vectorsOf(index);

  it('gives back the model and the vectors it was given, bit for bit, for the same key only', () => {
    const file = seedVectorFile(dir, '/some/corpus', 'lsa');
    expect(seedVectorFile(dir, '/some/corpus', 'http-text-embedding-3-small')).not.toBe(file);
    saveSeedVectors(file, { key: 'k1', model: provider.model, dimensions: 3, vectors, lsa: provider.lsa });
    const back = loadSeedVectors(file, 'k1')!;
    expect(back.model).toBe(provider.model);
    expect(new LsaProvider(back.lsa!).model).toBe(provider.model);
    expect([...back.vectors.codes]).toEqual([...vectors.codes]);
    expect([...back.vectors.scales]).toEqual([...vectors.scales]);
    expect([...back.vectors.present]).toEqual([1, 1, 1, 0]);
    expect(back.vectors.nearest(provider.embedQueryNow('atoms bonds')!, 2).map((h) => h.doc).sort()).toEqual([0, 1]);
    expect(loadSeedVectors(file, 'another corpus')).toBeUndefined();
    expect(existsSync(file)).toBe(true);
  });

  it('treats a missing, cut short or foreign file as no cache, and removes a broken one', () => {
    expect(loadSeedVectors(join(dir, 'none.pbev'), 'k')).toBeUndefined();
    const file = join(dir, 'cut.pbev');
    saveSeedVectors(file, { key: 'k', model: provider.model, dimensions: 3, vectors, lsa: provider.lsa });
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, bytes.length - 40));
    expect(loadSeedVectors(file, 'k')).toBeUndefined();
    expect(existsSync(file)).toBe(false);
    writeFileSync(file, 'PBIX2 something else entirely\n');
    expect(loadSeedVectors(file, 'k')).toBeUndefined();
  });
});
