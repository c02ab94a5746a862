/**
 * The HTTP server under the paper-source fakes (Hugging Face and arXiv): node:http on 127.0.0.1
 * and a free port, every request recorded, normal answers from a route function, faults scripted
 * per request, and optional ETag / If-None-Match support.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** Requests being answered when this one arrived, itself included. */
  inFlight: number;
}

export interface Answer {
  status: number;
  headers?: Record<string, string>;
  body: string;
}

export type Fault =
  /** Answer with this status, headers and body instead. */
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: string }
  /** Wait, then answer normally; a client with a shorter timeout has given up by then. */
  | { kind: 'delay'; ms: number }
  /** 200 with this body as is, e.g. malformed JSON or XML. */
  | { kind: 'body'; body: string; contentType?: string }
  /** 200 with `bytes` bytes streamed in chunks; `declareLength` sends Content-Length up front. */
  | { kind: 'huge'; bytes: number; declareLength: boolean }
  /** Drop the connection without answering. */
  | { kind: 'reset' }
  /** Hold the request until `release()`, then answer normally: lets a test see requests overlap. */
  | { kind: 'hold' };

export interface FaultScope {
  /** How many matching requests get the fault. Default 1. */
  times?: number;
  /** Only requests whose path starts with this. Default: all. */
  path?: string;
}

export interface Started {
  url: string;
  close(): Promise<void>;
}

export interface ScriptedServerOptions {
  /** Send an ETag with every 200 and answer 304 when If-None-Match carries it. */
  etag?: boolean;
}

export type Route = (request: RecordedRequest) => Answer;

export class ScriptedServer {
  /** Every request, in arrival order. */
  readonly requests: RecordedRequest[] = [];
  /** The most requests ever answered at once. */
  maxInFlight = 0;
  private inFlight = 0;
  private readonly faults: { fault: Fault; left: number; path: string }[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private held: (() => void)[] = [];

  constructor(
    private readonly route: Route,
    private readonly options: ScriptedServerOptions = {},
  ) {}

  /** The next matching requests get `fault` instead of their normal answer; scripts apply in order. */
  inject(fault: Fault, { times = 1, path = '' }: FaultScope = {}): void {
    this.faults.push({ fault, left: times, path });
  }

  /** Answers every request held by a `hold` fault. */
  release(): void {
    for (const answer of this.held.splice(0)) answer();
  }

  async start(): Promise<Started> {
    const server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return { url: `http://127.0.0.1:${port}`, close: () => this.close(server) };
  }

  private async close(server: Server): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.held = [];
    server.closeAllConnections();
    await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake.invalid');
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    res.on('close', () => this.inFlight--);
    const request: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      inFlight: this.inFlight,
    };
    this.requests.push(request);
    const fault = this.takeFault(request.path);
    switch (fault?.kind) {
      case undefined:
        return this.answer(req, res, this.route(request));
      case 'status':
        return send(res, { status: fault.status, headers: fault.headers ?? {}, body: fault.body ?? '' });
      case 'body':
        return send(res, { status: 200, headers: { 'content-type': fault.contentType ?? 'application/json' }, body: fault.body });
      case 'delay': {
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          if (!res.destroyed) this.answer(req, res, this.route(request));
        }, fault.ms);
        this.timers.add(timer);
        return;
      }
      case 'huge':
        return stream(res, fault.bytes, fault.declareLength);
      case 'reset':
        req.socket.destroy();
        return;
      case 'hold':
        this.held.push(() => {
          if (!res.destroyed) this.answer(req, res, this.route(request));
        });
        return;
    }
  }

  private takeFault(path: string): Fault | undefined {
    const script = this.faults.find((f) => f.left > 0 && path.startsWith(f.path));
    if (!script) return undefined;
    script.left--;
    return script.fault;
  }

  private answer(req: IncomingMessage, res: ServerResponse, answer: Answer): void {
    if (!this.options.etag || answer.status !== 200) return send(res, answer);
    const etag = `"${createHash('sha256').update(answer.body).digest('hex').slice(0, 16)}"`;
    const asked = (req.headers['if-none-match'] ?? '').split(',').map((tag) => tag.trim());
    if (asked.includes(etag) || asked.includes('*')) {
      return send(res, { status: 304, headers: { etag }, body: '' });
    }
    send(res, { ...answer, headers: { ...answer.headers, etag } });
  }
}

function send(res: ServerResponse, answer: Answer): void {
  res.writeHead(answer.status, { ...answer.headers, 'content-length': String(Buffer.byteLength(answer.body)) });
  res.end(answer.body);
}

async function stream(res: ServerResponse, bytes: number, declareLength: boolean): Promise<void> {
  res.writeHead(200, { 'content-type': 'application/json', ...(declareLength ? { 'content-length': String(bytes) } : {}) });
  const chunk = Buffer.alloc(64 * 1024, '[');
  let sent = 0;
  while (sent < bytes && !res.destroyed) {
    const part = chunk.subarray(0, Math.min(chunk.length, bytes - sent));
    sent += part.length;
    // Waits for the client to read (or hang up) rather than buffering everything in memory.
    if (!res.write(part)) await drainedOrClosed(res);
  }
  if (!res.destroyed) res.end();
}

function drainedOrClosed(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
