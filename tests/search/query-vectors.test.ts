/**
 * Search with a remote model's query vectors: never waiting on the network beyond a small
 * budget, fusing once the vector is there, one ranking for all pages of a query.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpEmbeddingProvider } from '../../src/embeddings/http.js';
import { createLibrary } from '../../src/search/library.js';
import { PaperVectors } from '../../src/search/paper-vectors.js';
import { QueryVectors } from '../../src/search/query-vectors.js';
import { buildIndex } from '../../src/search/postings.js';
import { startFakeEmbeddings, type FakeEmbeddings } from '../fakes/embeddings.js';
import { paper } from './helpers.js';

let fake: FakeEmbeddings;
beforeAll(async () => {
  fake = await startFakeEmbeddings();
});
afterAll(() => fake.close());

const provider = () => new HttpEmbeddingProvider({ url: fake.url, model: 'text-embedding-test', userAgent: 'test', sleep: async () => undefined });

describe('query vectors from a remote model', () => {
  it('prepare waits at most its budget; the vector arriving later is kept for the next search', async () => {
    fake.heal();
    const queries = new QueryVectors(provider());
    fake.fail({ kind: 'delay', ms: 1500 });
    await queries.prepare('ocean tides', 20);
    expect(queries.get('ocean tides')).toBeUndefined();
    // Asking again joins the request in flight instead of sending another.
    await queries.prepare('Ocean  TIDES', 5000);
    expect(queries.get('ocean tides')).toBeInstanceOf(Float32Array);
    expect(fake.requests.filter((r) => JSON.stringify(r.body.input) === '["ocean tides"]')).toHaveLength(1);
    await queries.prepare('ocean tides');
    expect(fake.requests.filter((r) => JSON.stringify(r.body.input) === '["ocean tides"]')).toHaveLength(1);
  });

  it('after a failure, stops asking for a while, then asks again', async () => {
    fake.heal();
    let now = 1_000_000;
    const errors: unknown[] = [];
    const queries = new QueryVectors(provider(), { now: () => now, pauseAfterFailureMs: 30_000, onError: (e) => errors.push(e) });
    fake.fail({ kind: 'status', status: 503 });
    const before = fake.requests.length;
    await queries.prepare('first', 5000);
    expect(errors).toHaveLength(1);
    await queries.prepare('second', 5000);
    expect(fake.requests.length).toBe(before + 1);
    now += 30_001;
    await queries.prepare('second', 5000);
    expect(fake.requests.length).toBe(before + 2);
    expect(queries.get('second')).toBeInstanceOf(Float32Array);
  });
});

describe('a library searching with a remote model', () => {
  const corpus = Array.from({ length: 30 }, (_, i) =>
    paper({ title: `${i % 2 ? 'Ocean tides' : 'Graph networks'} study ${i}`, abstract: `${i % 3 ? 'Currents and waves' : 'Message passing on nodes'} in experiment ${i}.` }),
  );

  it('serves page one lexically while the vector is late, keeps that ranking for the next pages, and fuses a fresh search', async () => {
    fake.heal();
    const p = provider();
    const index = buildIndex(corpus);
    const rows = await p.embedPapers(corpus);
    const vectors = PaperVectors.empty(p.model, rows[0]!.length, corpus.length).with(corpus.length, new Map(rows.map((v, d) => [d, v] as const)));
    const queries = new QueryVectors(p, { budgetMs: 20 });
    const library = createLibrary(corpus, { index, semantic: { vectors, queries } });
    const lexical = createLibrary(corpus, { index });
    const query = 'ocean waves';
    const ids = (r: { hits: { paper: { id: string } }[] }) => r.hits.map((h) => h.paper.id);

    fake.fail({ kind: 'delay', ms: 1500 });
    await library.prepareSearch(query);
    const first = library.search(query, { limit: 5 });
    expect(ids(first)).toEqual(ids(lexical.search(query, { limit: 5 })));
    await queries.prepare(query, 5000);
    expect(queries.get(query)).toBeDefined();
    // Page two follows page one's ranking, although the vector is there now.
    expect(ids(library.search(query, { limit: 5, offset: 5 }))).toEqual(ids(lexical.search(query, { limit: 5, offset: 5 })));
    // A new search of the query fuses: the papers about currents and waves that do not say "ocean" join.
    const fused = library.search(query, { limit: 30 });
    expect(fused.total).toBeGreaterThan(lexical.search(query, { limit: 30 }).total);
    expect(ids(library.search(query, { limit: 5, offset: 5 }))).toEqual(ids(fused).slice(5, 10));
  });
});
