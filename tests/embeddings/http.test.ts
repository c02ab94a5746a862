import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EmbeddingsUnavailable, embeddingsEndpoint, HttpEmbeddingProvider, type HttpEmbeddingOptions } from '../../src/embeddings/http.js';
import { unitVector } from '../../src/search/embeddings.js';
import { hashedWords, startFakeEmbeddings, type FakeEmbeddings } from '../fakes/embeddings.js';

const KEY = 'sk-test-0123456789abcdef';
const papers = (n: number) => Array.from({ length: n }, (_, i) => ({ title: `Paper ${i}`, abstract: `About topic ${i % 7} and method ${i}.` }));

describe('embeddings over an OpenAI-compatible endpoint', () => {
  let fake: FakeEmbeddings;
  let waits: number[];
  const provider = (options: Partial<HttpEmbeddingOptions> = {}) =>
    new HttpEmbeddingProvider({ url: fake.url, model: 'text-embedding-test', apiKey: KEY, userAgent: 'paperbot/test', sleep: async (ms) => void waits.push(ms), random: () => 0.5, ...options });

  beforeEach(async () => {
    fake = await startFakeEmbeddings({ key: KEY });
    waits = [];
  });
  afterEach(() => fake.close());

  it('sends papers in batches, in OpenAI\'s format, and returns unit vectors in order', async () => {
    const list = papers(150);
    const vectors = await provider({ batchSize: 64 }).embedPapers(list);
    expect(fake.requests.map((r) => (r.body.input as string[]).length)).toEqual([64, 64, 22]);
    const [first] = fake.requests;
    expect(first).toMatchObject({ path: '/v1/embeddings', body: { model: 'text-embedding-test', encoding_format: 'float' } });
    expect(first!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(first!.headers['user-agent']).toBe('paperbot/test');
    expect(first!.headers['content-type']).toBe('application/json');
    expect((first!.body.input as string[])[3]).toBe('Paper 3\n\nAbout topic 3 and method 3.');
    expect(vectors).toHaveLength(150);
    for (const i of [0, 63, 64, 149]) {
      expect([...vectors[i]!]).toEqual([...unitVector(hashedWords(`Paper ${i}\n\nAbout topic ${i % 7} and method ${i}.`))!]);
      expect(Math.hypot(...vectors[i]!)).toBeCloseTo(1, 5);
    }
  });

  it('reads each vector\'s index, whatever order the server answers in', async () => {
    await fake.close();
    fake = await startFakeEmbeddings({ key: KEY, shuffle: true });
    const vectors = await provider().embedPapers(papers(5));
    expect([...vectors[0]!]).toEqual([...unitVector(hashedWords('Paper 0\n\nAbout topic 0 and method 0.'))!]);
  });

  it('waits as long as a 429 asks, backs off on 5xx, a timeout or a dropped connection, then goes on', async () => {
    fake.fail({ kind: 'status', status: 429, headers: { 'retry-after': '7' } });
    fake.fail({ kind: 'status', status: 503 });
    fake.fail({ kind: 'reset' });
    fake.fail({ kind: 'delay', ms: 2000 });
    const vectors = await provider({ timeoutMs: 200, baseDelayMs: 100 }).embedPapers(papers(3));
    expect(vectors.every((v) => v instanceof Float32Array)).toBe(true);
    expect(fake.requests).toHaveLength(5);
    // 7 s as asked; then 200, 400, 800 ms of backoff (jitter at its middle: ×0.75).
    expect(waits).toEqual([7000, 150, 300, 600]);
  });

  it('gives up after its attempts, or at once when the server asks for a longer wait than it accepts', async () => {
    fake.fail({ kind: 'status', status: 500 }, 3);
    await expect(provider({ maxAttempts: 3, baseDelayMs: 10 }).embedPapers(papers(1))).rejects.toMatchObject({ name: 'EmbeddingsUnavailable', status: 500 });
    expect(fake.requests).toHaveLength(3);
    fake.fail({ kind: 'status', status: 429, headers: { 'retry-after': '3600' } });
    await expect(provider().embedPapers(papers(1))).rejects.toThrow(/answered 429/);
    expect(fake.requests).toHaveLength(4);
  });

  it('does not retry a wrong key, and never repeats the key, even when the server echoes it', async () => {
    const wrong = 'sk-wrong-9876543210fedcba';
    const error = await provider({ apiKey: wrong }).embedPapers(papers(2)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmbeddingsUnavailable);
    expect((error as Error).message).toMatch(/answered 401: Incorrect API key provided: \*\*\*/);
    expect((error as Error).message).not.toContain(wrong);
    expect(fake.requests).toHaveLength(1);
  });

  it('reports the server\'s own message for an unknown model', async () => {
    await expect(provider({ model: 'no-such-model' }).embedPapers(papers(1))).rejects.toThrow('answered 404: The model `no-such-model` does not exist');
  });

  it('refuses answers it cannot use: not JSON, too few vectors, non-numbers, mixed lengths', async () => {
    for (const body of [
      'not json',
      JSON.stringify({ object: 'list', data: [{ index: 0, embedding: [1, 0] }] }),
      JSON.stringify({ object: 'list', data: [{ index: 0, embedding: [1, 'x'] }, { index: 1, embedding: [0, 1] }] }),
      JSON.stringify({ object: 'list', data: [{ index: 0, embedding: [1, 0] }, { index: 1, embedding: [0, 1, 0] }] }),
      JSON.stringify({ object: 'list', data: [{ index: 0, embedding: [1, 0] }, { index: 0, embedding: [0, 1] }] }),
    ]) {
      fake.fail({ kind: 'body', body });
      await expect(provider().embedPapers(papers(2)), body).rejects.toThrow(/cannot use/);
    }
    expect(fake.requests).toHaveLength(5);
  });

  it('asks for a query once, without retrying: search goes on without it', async () => {
    const p = provider();
    const vector = await p.embedQuery('  gradient inversion attacks ');
    expect(fake.requests.at(-1)!.body.input).toEqual(['gradient inversion attacks']);
    expect([...vector!]).toEqual([...unitVector(hashedWords('gradient inversion attacks'))!]);
    fake.fail({ kind: 'status', status: 429, headers: { 'retry-after': '1' } });
    await expect(p.embedQuery('diffusion')).rejects.toThrow(/429/);
    expect(fake.requests).toHaveLength(2);
    expect(waits).toEqual([]);
    expect(await p.embedQuery('   ')).toBeUndefined();
  });

  it('names its vector space after the model, and takes the API base or the full URL', () => {
    expect(provider().model).toBe('http:text-embedding-test');
    expect(embeddingsEndpoint('https://api.openai.com/v1')).toBe('https://api.openai.com/v1/embeddings');
    expect(embeddingsEndpoint('http://localhost:11434/v1/')).toBe('http://localhost:11434/v1/embeddings');
    expect(embeddingsEndpoint('http://tei:8080/v1/embeddings')).toBe('http://tei:8080/v1/embeddings');
  });
});
