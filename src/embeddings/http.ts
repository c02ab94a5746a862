/**
 * An embedding provider over any OpenAI-compatible embeddings endpoint: OpenAI itself, Ollama,
 * vLLM, Hugging Face TEI, LiteLLM… `POST {base}/embeddings` with
 * `{ "model", "input": [texts], "encoding_format": "float" }`, answered by
 * `{ "data": [{ "index", "embedding": [numbers] }], … }` (OpenAI's documented format).
 *
 * - Papers go in batches (`batchSize` texts a request), one request at a time.
 * - 429 and 5xx answers, timeouts and dropped connections are retried with exponential backoff
 *   and jitter, waiting as long as `Retry-After` asks when it does (up to `maxRetryAfterMs`).
 *   Query vectors are asked once, without retries: search does not wait for them anyway.
 * - Other errors (a wrong key, an unknown model) fail at once with the server's message.
 * - The key is sent as a bearer token and never appears in an error message, even if a server
 *   echoes it back.
 * - Vectors are checked (one per text, finite numbers, one length) and scaled to unit length.
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { EmbeddingProvider, PaperText } from '../search/embeddings.js';
import { paperDocument, unitVector } from '../search/embeddings.js';
import { requestedWait } from '../sources/retry-after.js';

export interface HttpEmbeddingOptions {
  /** The API base (`https://api.openai.com/v1`, `http://localhost:11434/v1`), or the full `…/embeddings` URL. */
  url: string;
  model: string;
  /** Sent as `Authorization: Bearer …` when set. */
  apiKey?: string;
  userAgent: string;
  /** Texts per request. Default 64. */
  batchSize?: number;
  /** Per attempt. Default 30 s. */
  timeoutMs?: number;
  /** Tries per batch, the first included. Default 5. */
  maxAttempts?: number;
  /** First backoff step; doubles per retry. Default 1 s. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Longest `Retry-After` honoured; a longer one fails the batch. Default 2 min. */
  maxRetryAfterMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
}

/** The endpoint could not give vectors; the message is safe to log. */
export class EmbeddingsUnavailable extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'EmbeddingsUnavailable';
  }
}

/** Longest text sent for one paper: abstracts are far shorter; this keeps a runaway one under any model's limit. */
const MAX_CHARS = 8000;
const MAX_BODY_SNIPPET = 300;

interface EmbeddingsResponse {
  data?: { index?: unknown; embedding?: unknown }[];
}

export function embeddingsEndpoint(url: string): string {
  const trimmed = url.replace(/\/+$/, '');
  return /\/embeddings$/.test(trimmed) ? trimmed : `${trimmed}/embeddings`;
}

export class HttpEmbeddingProvider implements EmbeddingProvider {
  readonly model: string;
  private readonly endpoint: string;
  private readonly batchSize: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly now: () => number;
  private dimensions: number | undefined;

  constructor(private readonly options: HttpEmbeddingOptions) {
    this.model = `http:${options.model}`;
    this.endpoint = embeddingsEndpoint(options.url);
    this.batchSize = Math.max(1, options.batchSize ?? 64);
    this.sleep = options.sleep ?? ((ms) => delay(ms));
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
  }

  async embedPapers(papers: readonly PaperText[]): Promise<(Float32Array | undefined)[]> {
    const out: (Float32Array | undefined)[] = [];
    for (let from = 0; from < papers.length; from += this.batchSize) {
      const texts = papers.slice(from, from + this.batchSize).map((p) => paperDocument(p).slice(0, MAX_CHARS));
      out.push(...(await this.request(texts, this.options.maxAttempts ?? 5)));
    }
    return out;
  }

  async embedQuery(query: string): Promise<Float32Array | undefined> {
    const text = query.trim().slice(0, MAX_CHARS);
    if (!text) return undefined;
    return (await this.request([text], 1))[0];
  }

  private async request(texts: string[], attempts: number): Promise<(Float32Array | undefined)[]> {
    let last: EmbeddingsUnavailable | undefined;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const outcome = await this.attempt(texts);
      if ('vectors' in outcome) return outcome.vectors;
      last = outcome.error;
      if (!outcome.retry || attempt === attempts) break;
      const backoff = Math.min(this.options.maxDelayMs ?? 30_000, (this.options.baseDelayMs ?? 1000) * 2 ** (attempt - 1));
      const wait = outcome.waitMs ?? backoff * (0.5 + this.random() / 2);
      if (wait > (this.options.maxRetryAfterMs ?? 120_000)) break;
      await this.sleep(wait);
    }
    throw last ?? new EmbeddingsUnavailable('the embeddings endpoint did not answer');
  }

  private async attempt(texts: string[]): Promise<{ vectors: (Float32Array | undefined)[] } | { error: EmbeddingsUnavailable; retry: boolean; waitMs?: number }> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json', 'user-agent': this.options.userAgent };
    if (this.options.apiKey) headers.authorization = `Bearer ${this.options.apiKey}`;
    let response: Response;
    let body: string;
    try {
      response = await fetch(this.endpoint, {
        method: 'POST',
        headers,
        body: JSON.stringify({ model: this.options.model, input: texts, encoding_format: 'float' }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
      });
      body = await response.text();
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      return { error: new EmbeddingsUnavailable(timedOut ? 'the embeddings endpoint timed out' : `cannot reach the embeddings endpoint (${this.safe(error instanceof Error ? error.message : String(error))})`), retry: true };
    }
    if (!response.ok) {
      const retry = response.status === 429 || response.status >= 500;
      const waitMs = retry ? requestedWait(response.status, response.headers, this.now()) : undefined;
      return { error: new EmbeddingsUnavailable(`the embeddings endpoint answered ${response.status}: ${this.safe(serverMessage(body))}`, response.status), retry, ...(waitMs !== undefined ? { waitMs } : {}) };
    }
    try {
      return { vectors: this.parse(body, texts.length) };
    } catch (error) {
      return { error: new EmbeddingsUnavailable(`the embeddings endpoint sent an answer paperbot cannot use: ${error instanceof Error ? error.message : String(error)}`), retry: false };
    }
  }

  private parse(body: string, expected: number): (Float32Array | undefined)[] {
    let json: EmbeddingsResponse;
    try {
      json = JSON.parse(body) as EmbeddingsResponse;
    } catch {
      throw new Error('not JSON');
    }
    if (!Array.isArray(json?.data)) throw new Error('no "data" list');
    if (json.data.length !== expected) throw new Error(`${json.data.length} vectors for ${expected} texts`);
    const out = new Array<Float32Array | undefined>(expected).fill(undefined);
    json.data.forEach((item, position) => {
      const index = typeof item?.index === 'number' ? item.index : position;
      if (!Number.isInteger(index) || index < 0 || index >= expected || out[index] !== undefined) throw new Error(`a vector with index ${String(item?.index)}`);
      const embedding = item.embedding;
      if (!Array.isArray(embedding) || embedding.length === 0 || !embedding.every((x) => typeof x === 'number' && Number.isFinite(x))) throw new Error(`vector ${index} is not a list of numbers`);
      this.dimensions ??= embedding.length;
      if (embedding.length !== this.dimensions) throw new Error(`vector ${index} has ${embedding.length} numbers, earlier ones ${this.dimensions}`);
      // A zero vector (an empty text, for some servers) places nothing: no vector.
      out[index] = unitVector(embedding as number[]) ?? new Float32Array(0);
    });
    return out.map((v) => (v && v.length > 0 ? v : undefined));
  }

  /** A message with the key cut out, whatever the server or the network library put in it. */
  private safe(message: string): string {
    const key = this.options.apiKey;
    return key ? message.split(key).join('***') : message;
  }
}

/** OpenAI's `{ "error": { "message" } }`, else the start of the body. */
function serverMessage(body: string): string {
  try {
    const json = JSON.parse(body) as { error?: { message?: unknown } | string; message?: unknown; detail?: unknown };
    const message = typeof json.error === 'string' ? json.error : (json.error?.message ?? json.message ?? json.detail);
    if (typeof message === 'string' && message.trim()) return message.trim().slice(0, MAX_BODY_SNIPPET);
  } catch {
    // not JSON: the text itself
  }
  return body.trim().slice(0, MAX_BODY_SNIPPET) || '(empty body)';
}
