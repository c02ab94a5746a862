import { describe, expect, it, vi } from 'vitest';
import { HttpClient, type HttpClientOptions } from '../../src/sources/http.js';
import { ScriptedServer, type Answer, type RecordedRequest } from '../fakes/scripted-server.js';
import { fakeTime, sourceError, useFakes, type FakeTime } from './helpers.js';

const serve = useFakes();

function route(request: RecordedRequest): Answer {
  if (request.path === '/ok') return { status: 200, headers: { 'content-type': 'text/plain' }, body: 'héllo' };
  return { status: 404, headers: { 'content-type': 'text/plain' }, body: 'no such page' };
}

/** A client with a fake clock: backoff and requested waits are recorded, not waited for. */
function client(time: FakeTime, options: Partial<HttpClientOptions> = {}): HttpClient {
  return new HttpClient({
    userAgent: 'paperbot/0.1.0',
    baseDelayMs: 100,
    random: () => 0.5,
    sleep: time.sleep,
    now: time.now,
    ...options,
  });
}

describe('HttpClient', () => {
  it('identifies itself, sends the configured headers and returns status, text and headers', async () => {
    const fake = new ScriptedServer(route);
    const url = await serve(fake);
    const http = client(fakeTime(), { headers: { authorization: 'Bearer hf_secret_token_123' } });

    const response = await http.get(`${url}/ok`, { headers: { accept: 'text/plain' } });

    expect(response).toMatchObject({ status: 200, notModified: false, text: 'héllo' });
    expect(response.headers.get('content-type')).toBe('text/plain');
    expect(fake.requests[0]?.headers).toMatchObject({
      'user-agent': 'paperbot/0.1.0',
      authorization: 'Bearer hf_secret_token_123',
      accept: 'text/plain',
    });
  });

  it('waits as long as Retry-After says (seconds), then retries', async () => {
    const fake = new ScriptedServer(route);
    fake.inject({ kind: 'status', status: 429, headers: { 'retry-after': '2' } });
    const time = fakeTime();

    const response = await client(time).get(`${await serve(fake)}/ok`);

    expect(response.text).toBe('héllo');
    expect(time.sleeps).toEqual([2000]);
    expect(fake.requests).toHaveLength(2);
  });

  it('waits until a Retry-After HTTP date on a 503', async () => {
    const fake = new ScriptedServer(route);
    const time = fakeTime();
    fake.inject({ kind: 'status', status: 503, headers: { 'retry-after': new Date(time.now() + 90_000).toUTCString() } });

    await client(time).get(`${await serve(fake)}/ok`);

    expect(time.sleeps).toEqual([90_000]);
  });

  it("honours Hugging Face's RateLimit header when the quota is used up", async () => {
    const fake = new ScriptedServer(route);
    fake.inject({ kind: 'status', status: 429, headers: { ratelimit: '"api";r=0;t=55', 'ratelimit-policy': '"fixed window";"api";q=500;w=300' } });
    const time = fakeTime();

    await client(time).get(`${await serve(fake)}/ok`);

    expect(time.sleeps).toEqual([55_000]);
  });

  it('gives up at once as rate_limited when asked to wait longer than maxRetryAfterMs', async () => {
    const fake = new ScriptedServer(route);
    fake.inject({ kind: 'status', status: 429, headers: { 'retry-after': '3600' } });
    const time = fakeTime();

    const error = await sourceError(client(time, { maxRetryAfterMs: 60_000 }).get(`${await serve(fake)}/ok`));

    expect(error).toMatchObject({ kind: 'rate_limited', status: 429, retryAfterMs: 3_600_000 });
    expect(time.sleeps).toEqual([]);
    expect(fake.requests).toHaveLength(1);
  });

  it('reports rate_limited after maxAttempts answers of 429', async () => {
    const fake = new ScriptedServer(route);
    fake.inject({ kind: 'status', status: 429 }, { times: 10 });
    const time = fakeTime();

    const error = await sourceError(client(time, { maxAttempts: 3 }).get(`${await serve(fake)}/ok`));

    expect(error).toMatchObject({ kind: 'rate_limited', status: 429 });
    expect(fake.requests).toHaveLength(3);
    // No Retry-After: exponential backoff, 100 then 200 ms steps at half jitter.
    expect(time.sleeps).toEqual([75, 150]);
  });

  it('retries a 500 with exponential backoff and jitter, then succeeds', async () => {
    const fake = new ScriptedServer(route);
    fake.inject({ kind: 'status', status: 500, body: 'oops' }, { times: 2 });
    const time = fakeTime();

    const response = await client(time, { random: () => 0 }).get(`${await serve(fake)}/ok`);

    expect(response.status).toBe(200);
    expect(fake.requests).toHaveLength(3);
    expect(time.sleeps).toEqual([50, 100]);
  });

  it('caps backoff steps at maxDelayMs', async () => {
    const fake = new ScriptedServer(route);
    fake.inject({ kind: 'status', status: 502 }, { times: 10 });
    const time = fakeTime();

    const error = await sourceError(
      client(time, { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 3000, random: () => 0.999 }).get(`${await serve(fake)}/ok`),
    );

    expect(error).toMatchObject({ kind: 'http_error', status: 502 });
    expect(error.message).toContain('(after 5 attempts)');
    expect(time.sleeps).toEqual([1000, 1999, 2999, 2999]);
  });

  it('fails at once on a 4xx, with a short message that names host and path only', async () => {
    const fake = new ScriptedServer(route);
    const token = 'hf_secret_token_123';
    fake.inject({ kind: 'status', status: 403, body: `token ${token} is not allowed here. ${'x'.repeat(1000)}` });
    const time = fakeTime();
    const url = await serve(fake);

    const error = await sourceError(
      client(time, { headers: { authorization: `Bearer ${token}` } }).get(`${url}/api/papers?key=query-secret`),
    );

    expect(error).toMatchObject({ kind: 'http_error', status: 403 });
    expect(fake.requests).toHaveLength(1);
    expect(time.sleeps).toEqual([]);
    expect(error.message).toContain(`${new URL(url).host}/api/papers: HTTP 403`);
    expect(error.message).toContain('[redacted]');
    expect(error.message).not.toContain(token);
    expect(error.message).not.toContain('query-secret');
    expect(error.message.length).toBeLessThan(300);
  });

  it('returns accepted non-2xx statuses instead of throwing', async () => {
    const fake = new ScriptedServer(route);

    const response = await client(fakeTime()).get(`${await serve(fake)}/missing`, { accept: [404] });

    expect(response).toMatchObject({ status: 404, text: 'no such page', notModified: false });
  });

  it('retries dropped connections, then succeeds', async () => {
    const fake = new ScriptedServer(route);
    fake.inject({ kind: 'reset' }, { times: 2 });
    const time = fakeTime();

    const response = await client(time).get(`${await serve(fake)}/ok`);

    expect(response.text).toBe('héllo');
    expect(fake.requests).toHaveLength(3);
    expect(time.sleeps).toHaveLength(2);
  });

  it('reports network when nothing listens', async () => {
    const fake = new ScriptedServer(route);
    const started = await fake.start();
    await started.close();

    const error = await sourceError(client(fakeTime(), { maxAttempts: 2 }).get(`${started.url}/ok`));

    expect(error.kind).toBe('network');
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('times out a slow answer, retries, then reports timeout', async () => {
    const fake = new ScriptedServer(route);
    fake.inject({ kind: 'delay', ms: 30_000 }, { times: 5 });
    const time = fakeTime();

    const error = await sourceError(client(time, { timeoutMs: 100, maxAttempts: 2 }).get(`${await serve(fake)}/ok`));

    expect(error.kind).toBe('timeout');
    expect(fake.requests).toHaveLength(2);
    expect(time.sleeps).toHaveLength(1);
  });

  it('refuses a body whose Content-Length is over maxBytes without retrying', async () => {
    const fake = new ScriptedServer(route);
    fake.inject({ kind: 'huge', bytes: 1_000_000, declareLength: true });

    const error = await sourceError(client(fakeTime(), { maxBytes: 64 * 1024 }).get(`${await serve(fake)}/ok`));

    expect(error.kind).toBe('too_large');
    expect(error.message).toContain('declared 1000000 bytes');
    expect(fake.requests).toHaveLength(1);
  });

  it('stops reading a streamed body once it passes maxBytes', async () => {
    const fake = new ScriptedServer(route);
    fake.inject({ kind: 'huge', bytes: 4_000_000, declareLength: false });

    const error = await sourceError(client(fakeTime(), { maxBytes: 64 * 1024 }).get(`${await serve(fake)}/ok`));

    expect(error.kind).toBe('too_large');
    expect(error.message).toContain('over the 65536 byte limit');
    expect(fake.requests).toHaveLength(1);
  });

  it('sends remembered validators on conditional requests and reports 304 as not modified', async () => {
    const fake = new ScriptedServer(route, { etag: true });
    const url = `${await serve(fake)}/ok`;
    const http = client(fakeTime());

    const first = await http.get(url, { conditional: true });
    const second = await http.get(url, { conditional: true });
    const unconditional = await http.get(url);

    expect(first).toMatchObject({ status: 200, notModified: false, text: 'héllo' });
    expect(second).toMatchObject({ status: 304, notModified: true, text: '' });
    expect(unconditional.status).toBe(200);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[0-9a-f]{16}"$/);
    expect(fake.requests.map((r) => r.headers['if-none-match'])).toEqual([undefined, etag, undefined]);
  });

  it('paces requests minIntervalMs apart and sends them one at a time', async () => {
    const fake = new ScriptedServer(route);
    // Every answer takes a while, so requests sent together would overlap at the fake.
    fake.inject({ kind: 'delay', ms: 150 }, { times: 3 });
    const url = `${await serve(fake)}/ok`;
    const time = fakeTime();
    const http = client(time, { minIntervalMs: 3000 });

    const responses = await Promise.all([http.get(url), http.get(url), http.get(url)]);

    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(time.sleeps).toEqual([3000, 3000]);
    expect(fake.requests.map((r) => r.inFlight)).toEqual([1, 1, 1]);
    expect(fake.maxInFlight).toBe(1);
  });

  it('without minIntervalMs sends concurrent requests at once (the fake sees the overlap)', async () => {
    const fake = new ScriptedServer(route);
    fake.inject({ kind: 'hold' }, { times: 3 });
    const url = `${await serve(fake)}/ok`;
    const time = fakeTime();
    const http = client(time);

    const all = Promise.all([http.get(url), http.get(url), http.get(url)]);
    // All three arrive while none has been answered: only possible when they are not serialised.
    await vi.waitFor(() => expect(fake.requests).toHaveLength(3), { timeout: 10_000 });
    fake.release();
    await all;

    expect(time.sleeps).toEqual([]);
    expect(fake.maxInFlight).toBe(3);
  });
});
