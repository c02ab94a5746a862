/**
 * A local OpenAI-compatible embeddings endpoint: `POST /v1/embeddings` on 127.0.0.1, answering in
 * OpenAI's documented format (`{ object: "list", data: [{ object: "embedding", index, embedding }],
 * model, usage }`, errors as `{ error: { message, type, code } }`). Vectors come from `embed`, a
 * real function of the text (by default a bag of hashed words, so texts sharing words are close).
 * Every request is recorded; faults are scripted per request.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from './http.js';

export interface EmbeddingsRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: { model?: unknown; input?: unknown; encoding_format?: unknown };
}

export type EmbeddingsFault =
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: string }
  | { kind: 'delay'; ms: number }
  | { kind: 'body'; body: string }
  | { kind: 'reset' };

export interface FakeEmbeddings {
  /** The API base, e.g. `http://127.0.0.1:PORT/v1`. */
  url: string;
  requests: EmbeddingsRequest[];
  /** The next `times` requests get `fault` (after the ones scripted before). */
  fail(fault: EmbeddingsFault, times?: number): void;
  /** Forgets the faults not used yet. */
  heal(): void;
  close(): Promise<void>;
}

export interface FakeEmbeddingsOptions {
  /** Accepted bearer token; any request without it gets 401. */
  key?: string;
  model?: string;
  /** Largest `input` list accepted (OpenAI: 2048). */
  maxInputs?: number;
  embed?: (text: string) => number[];
  /** Answer vectors in reverse order of `index` (allowed by the format: clients must read `index`). */
  shuffle?: boolean;
}

const DIMENSIONS = 16;

/** Words hashed into 16 buckets: texts that share words get close vectors. Not unit length on purpose. */
export function hashedWords(text: string): number[] {
  const v = new Array<number>(DIMENSIONS).fill(0);
  for (const word of text.toLowerCase().match(/[a-z0-9]+/g) ?? []) {
    let h = 2166136261;
    for (const ch of word) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
    v[h % DIMENSIONS]! += 1 + (h % 7) / 10;
  }
  return v;
}

export async function startFakeEmbeddings(options: FakeEmbeddingsOptions = {}): Promise<FakeEmbeddings> {
  const requests: EmbeddingsRequest[] = [];
  const faults: EmbeddingsFault[] = [];
  const model = options.model ?? 'text-embedding-test';
  const embed = options.embed ?? hashedWords;
  const error = (status: number, message: string, type: string) => ({ status, body: JSON.stringify({ error: { message, type, param: null, code: null } }) });

  const server: Server = createServer((req, res) => {
    void (async () => {
      const raw = await readBody(req);
      let body: EmbeddingsRequest['body'] = {};
      try {
        body = JSON.parse(raw) as EmbeddingsRequest['body'];
      } catch {
        // recorded as empty; answered 400 below
      }
      requests.push({ path: req.url ?? '', headers: req.headers, body });
      const fault = faults.shift();
      if (fault?.kind === 'reset') {
        req.socket.destroy();
        return;
      }
      if (fault?.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, fault.ms));
      const send = (status: number, text: string, headers: Record<string, string> = {}) => {
        if (res.destroyed) return;
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(text);
      };
      if (fault?.kind === 'status') return send(fault.status, fault.body ?? JSON.stringify({ error: { message: `scripted ${fault.status}`, type: 'server_error' } }), fault.headers);
      if (fault?.kind === 'body') return send(200, fault.body);
      if (req.method !== 'POST' || req.url !== '/v1/embeddings') {
        const e = error(404, `Unknown request URL: ${req.method} ${req.url}`, 'invalid_request_error');
        return send(e.status, e.body);
      }
      if (options.key && req.headers.authorization !== `Bearer ${options.key}`) {
        // OpenAI's own answer quotes part of the key it got: a client must not pass that on.
        const e = error(401, `Incorrect API key provided: ${String(req.headers.authorization ?? '').replace(/^Bearer /, '')}.`, 'invalid_request_error');
        return send(e.status, e.body);
      }
      if (body.model !== model) {
        const e = error(404, `The model \`${String(body.model)}\` does not exist`, 'invalid_request_error');
        return send(e.status, e.body);
      }
      const input = typeof body.input === 'string' ? [body.input] : body.input;
      if (!Array.isArray(input) || !input.every((t) => typeof t === 'string') || input.length > (options.maxInputs ?? 2048)) {
        const e = error(400, "'input' must be a string or a list of at most 2048 strings", 'invalid_request_error');
        return send(e.status, e.body);
      }
      const data = (input as string[]).map((text, index) => ({ object: 'embedding', index, embedding: embed(text) }));
      if (options.shuffle) data.reverse();
      const tokens = (input as string[]).reduce((sum, t) => sum + t.split(/\s+/).length, 0);
      send(200, JSON.stringify({ object: 'list', data, model, usage: { prompt_tokens: tokens, total_tokens: tokens } }));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    fail: (fault, times = 1) => {
      for (let i = 0; i < times; i++) faults.push(fault);
    },
    heal: () => void faults.splice(0),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
