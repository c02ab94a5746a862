/**
 * A local fake of the Slack Web API and of interaction `response_url`s, for driving the real
 * Bolt App and WebClient in tests. It speaks the documented shape: `POST /api/<method>` with a
 * form- or JSON-encoded body and a bearer token; answers `{ ok: true, ... }` or
 * `{ ok: false, error }` with HTTP 200, and HTTP 429 with `Retry-After` when rate limited.
 * Every call is recorded (without its token) and faults can be injected per method.
 *
 * @see https://docs.slack.dev/apis/web-api/
 * @see https://docs.slack.dev/apis/web-api/rate-limits
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { FakeSocketMode, SOCKET_PATH } from './socket-mode.js';
import { readBody } from '../http.js';

/** What a faulty call does instead of succeeding. */
export type Fault =
  /** `{ ok: false, error }` with HTTP 200, like every Slack platform error. */
  | { error: string }
  /** HTTP 429 with `Retry-After` seconds (omit it to send no header). */
  | { rateLimited: true; retryAfter?: number }
  /** Any other HTTP status, e.g. 500 or 503. */
  | { status: number }
  /** The connection is destroyed without a response (a network error for the client). */
  | { drop: true };

export interface FakeUser {
  id: string;
  is_admin?: boolean;
  is_owner?: boolean;
}

export interface ApiCall {
  method: string;
  /** Decoded arguments; JSON-valued form fields such as `blocks` are parsed. */
  args: Record<string, unknown>;
  /** Whether the request carried one of the accepted tokens. */
  authorized: boolean;
  /** How the call was answered: `ok`, a Slack error code, `http_<status>` or `dropped`. */
  outcome: string;
}

export interface ResponseUrlPost {
  /** The response URL's id (the last path segment). */
  id: string;
  body: Record<string, unknown>;
}

export interface FakeSlackOptions {
  /** Bot tokens accepted as `Authorization: Bearer` (or a `token` argument). Default: any `xoxb-` token. */
  tokens?: string[];
  /** App-level tokens accepted by `apps.connections.open`. Default: any `xapp-` token. */
  appTokens?: string[];
  users?: FakeUser[];
  teamId?: string;
  botUserId?: string;
}

export class FakeSlack {
  readonly calls: ApiCall[] = [];
  readonly responses: ResponseUrlPost[] = [];
  readonly users = new Map<string, FakeUser>();
  /** Socket Mode: push envelopes to a connected app and await its acks. */
  readonly socketMode = new FakeSocketMode();
  private readonly faults = new Map<string, { fault: Fault; times: number; after: number }[]>();
  /** Methods whose answers wait for `release`, and the answers waiting. */
  private readonly holding = new Set<string>();
  private readonly held = new Map<string, (() => void)[]>();
  private readonly waiters: (() => void)[] = [];
  private readonly sockets = new Set<Socket>();
  private server: Server | undefined;
  private base = '';
  private seq = 0;
  /** `channel ts` of every message posted, so a reply's `thread_ts` must name a real parent. */
  private readonly posted = new Set<string>();
  /** Files through Slack's upload flow: reserved, then uploaded, then shared to a channel. */
  private readonly uploads = new Map<string, { filename: string; length: number; content?: string }>();
  /** Files shared by `files.completeUploadExternal`, in order. */
  readonly files: { channel: string; filename: string; title?: string; initialComment?: string; content: string }[] = [];

  constructor(private readonly options: FakeSlackOptions = {}) {
    for (const user of options.users ?? []) this.users.set(user.id, user);
  }

  /** Starts listening on 127.0.0.1 on a free port. */
  async start(): Promise<this> {
    const server = createServer((req, res) => void this.handle(req, res));
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    this.socketMode.attach(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    this.socketMode.close();
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Base URL of the fake: `http://127.0.0.1:<port>`. */
  get url(): string {
    return this.base;
  }

  /** Web API base for `slackApiUrl` / `SLACK_API_URL`. */
  get apiUrl(): string {
    return `${this.base}/api/`;
  }

  /** A fresh `response_url` whose posts are recorded under `id`. */
  responseUrl(id: string = randomUUID()): string {
    return `${this.base}/response/${id}`;
  }

  /**
   * Makes `times` calls of `method` fail with `fault`, after letting `after` calls through. Use
   * `response_url` for respond posts.
   */
  fail(method: string, fault: Fault, times = 1, after = 0): this {
    const list = this.faults.get(method) ?? [];
    list.push({ fault, times, after });
    this.faults.set(method, list);
    return this;
  }

  clearFaults(): void {
    this.faults.clear();
  }

  /** Holds the answers to `method` until released: calls are recorded when they arrive, answered later. */
  hold(method: string): this {
    this.holding.add(method);
    return this;
  }

  /** Calls of `method` waiting for their answer. */
  heldCount(method: string): number {
    return this.held.get(method)?.length ?? 0;
  }

  /** Answers the oldest `count` held calls of `method`; with no count, all of them, and stops holding. */
  release(method: string, count = Infinity): void {
    if (count === Infinity) this.holding.delete(method);
    const waiting = this.held.get(method) ?? [];
    for (const answer of waiting.splice(0, count)) answer();
  }

  callsTo(method: string): ApiCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  responsesTo(id: string): Record<string, unknown>[] {
    return this.responses.filter((r) => r.id === id).map((r) => r.body);
  }

  /** Resolves once `predicate` holds, re-checked after every request; rejects after `timeoutMs`. */
  async waitFor(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
    const started = Date.now();
    while (!predicate()) {
      if (Date.now() - started > timeoutMs) throw new Error('FakeSlack.waitFor: timed out');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 50);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Waits until `id` has received at least `count` respond posts and returns them. */
  async waitForResponses(id: string, count = 1, timeoutMs = 5000): Promise<Record<string, unknown>[]> {
    await this.waitFor(() => this.responsesTo(id).length >= count, timeoutMs);
    return this.responsesTo(id);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', this.base);
    try {
      if (req.method === 'POST' && url.pathname.startsWith('/response/')) {
        const id = url.pathname.slice('/response/'.length);
        if (this.applyFault('response_url', res)) return;
        this.responses.push({ id, body: parseBody(raw, req.headers['content-type']) });
        send(res, 200, { ok: true });
        return;
      }
      if (req.method === 'POST' && url.pathname.startsWith('/upload/')) {
        // The upload URL from files.getUploadURLExternal: the file's bytes, as a raw body or a form.
        const upload = this.uploads.get(url.pathname.slice('/upload/'.length));
        if (!upload) {
          send(res, 404, { ok: false });
          return;
        }
        upload.content = await uploadedContent(raw, req.headers['content-type']);
        res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${upload.content.length}`);
        return;
      }
      if (req.method === 'POST' && url.pathname.startsWith('/api/')) {
        this.handleApi(url.pathname.slice('/api/'.length), req, raw, res);
        return;
      }
      send(res, 404, { ok: false, error: 'not_found' });
    } finally {
      this.waiters.splice(0).forEach((wake) => wake());
    }
  }

  private handleApi(method: string, req: IncomingMessage, raw: string, res: ServerResponse): void {
    const args = parseBody(raw, req.headers['content-type']);
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const token = bearer ?? (typeof args.token === 'string' ? args.token : undefined);
    delete args.token;
    const authorized = token !== undefined && this.accepts(method, token);
    const call: ApiCall = { method, args, authorized, outcome: 'ok' };
    this.calls.push(call);
    if (this.holding.has(method)) {
      const waiting = this.held.get(method) ?? [];
      waiting.push(() => this.answerCall(call, token !== undefined, res));
      this.held.set(method, waiting);
      return;
    }
    this.answerCall(call, token !== undefined, res);
  }

  private answerCall(call: ApiCall, hasToken: boolean, res: ServerResponse): void {
    const { method, args, authorized } = call;
    const fault = this.takeFault(method);
    if (fault) {
      call.outcome = respondWithFault(fault, res);
      return;
    }
    if (!authorized) {
      call.outcome = hasToken ? 'invalid_auth' : 'not_authed';
      send(res, 200, { ok: false, error: call.outcome });
      return;
    }
    const result = this.answer(method, args);
    if (result.ok === false) call.outcome = String(result.error);
    send(res, 200, result);
  }

  private answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    const teamId = this.options.teamId ?? 'T0FAKE';
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://fake.slack.test/', team: 'Fake', user: 'paperbot', team_id: teamId, user_id: this.options.botUserId ?? 'UBOT', bot_id: 'BBOT' };
      case 'chat.postMessage': {
        if (typeof args.channel !== 'string' || !args.channel) return { ok: false, error: 'channel_not_found' };
        if (!args.text && !args.blocks) return { ok: false, error: 'no_text' };
        const threadTs = typeof args.thread_ts === 'string' ? args.thread_ts : undefined;
        if (threadTs !== undefined && !this.posted.has(`${args.channel} ${threadTs}`)) return { ok: false, error: 'thread_not_found' };
        const ts = `${Math.floor(Date.now() / 1000)}.${String(++this.seq).padStart(6, '0')}`;
        this.posted.add(`${args.channel} ${ts}`);
        return { ok: true, channel: args.channel, ts, message: { type: 'message', text: args.text, blocks: args.blocks, ts, ...(threadTs ? { thread_ts: threadTs } : {}) } };
      }
      case 'views.open': {
        // Modal limits as Slack documents them: title and buttons 24 characters, at most 100 blocks.
        const view = (typeof args.view === 'string' ? JSON.parse(args.view) : args.view) as { type?: string; title?: { text: string }; submit?: { text: string }; blocks?: unknown[] } | undefined;
        if (typeof args.trigger_id !== 'string' || !args.trigger_id) return { ok: false, error: 'invalid_trigger_id' };
        if (!view || view.type !== 'modal' || !view.title || view.title.text.length > 24 || (view.submit && view.submit.text.length > 24) || !Array.isArray(view.blocks) || view.blocks.length > 100) {
          return { ok: false, error: 'invalid_arguments' };
        }
        args.view = view;
        return { ok: true, view: { id: `V${++this.seq}`, ...view } };
      }
      case 'views.publish': {
        const view = (typeof args.view === 'string' ? JSON.parse(args.view) : args.view) as { type?: string; blocks?: unknown[] } | undefined;
        if (typeof args.user_id !== 'string' || !view || view.type !== 'home' || !Array.isArray(view.blocks) || view.blocks.length > 100) return { ok: false, error: 'invalid_arguments' };
        args.view = view;
        return { ok: true, view: { id: `V${++this.seq}`, ...view } };
      }
      case 'chat.unfurl': {
        // Slack wants the message and, per shared URL, an attachment-like object with blocks or text.
        const unfurls = typeof args.unfurls === 'string' ? (JSON.parse(args.unfurls) as unknown) : args.unfurls;
        // A posted message by channel and ts, or a draft in the message box by unfurl_id and source.
        const target = (typeof args.channel === 'string' && typeof args.ts === 'string') || (typeof args.unfurl_id === 'string' && typeof args.source === 'string');
        if (!target) return { ok: false, error: 'invalid_arguments' };
        if (!unfurls || typeof unfurls !== 'object' || Object.keys(unfurls).length === 0) return { ok: false, error: 'invalid_unfurls' };
        return { ok: true };
      }
      case 'conversations.open': {
        // A direct message with one user: its channel id is stable per user.
        const users = typeof args.users === 'string' ? args.users.split(',') : [];
        if (users.length !== 1 || !users[0]) return { ok: false, error: 'users_list_not_supplied' };
        return { ok: true, channel: { id: `D${users[0]}` } };
      }
      case 'files.getUploadURLExternal': {
        const length = Number(args.length);
        if (typeof args.filename !== 'string' || !args.filename || !Number.isInteger(length) || length < 1) return { ok: false, error: 'invalid_arguments' };
        const id = `F${++this.seq}`;
        this.uploads.set(id, { filename: args.filename, length });
        return { ok: true, upload_url: `${this.base}/upload/${id}`, file_id: id };
      }
      case 'files.completeUploadExternal': {
        const files = (typeof args.files === 'string' ? JSON.parse(args.files) : args.files) as { id: string; title?: string }[] | undefined;
        if (!Array.isArray(files) || files.length === 0) return { ok: false, error: 'invalid_arguments' };
        for (const file of files) {
          const upload = this.uploads.get(file.id);
          if (!upload?.content) return { ok: false, error: 'file_not_found' };
        }
        for (const file of files) {
          const upload = this.uploads.get(file.id)!;
          this.files.push({
            channel: String(args.channel_id ?? ''),
            filename: upload.filename,
            content: upload.content!,
            ...(file.title ? { title: file.title } : {}),
            ...(typeof args.initial_comment === 'string' ? { initialComment: args.initial_comment } : {}),
          });
        }
        return { ok: true, files: files.map((f) => ({ id: f.id, title: f.title })) };
      }
      case 'users.info': {
        const user = typeof args.user === 'string' ? this.users.get(args.user) : undefined;
        return user ? { ok: true, user: { is_admin: false, is_owner: false, ...user } } : { ok: false, error: 'user_not_found' };
      }
      case 'apps.connections.open':
        return { ok: true, url: `${this.base.replace(/^http/, 'ws')}${SOCKET_PATH}` };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  /** Bot tokens for Web API methods, app-level tokens for `apps.connections.open` only. */
  private accepts(method: string, token: string): boolean {
    if (method === 'apps.connections.open') {
      return this.options.appTokens ? this.options.appTokens.includes(token) : token.startsWith('xapp-');
    }
    return this.options.tokens ? this.options.tokens.includes(token) : token.startsWith('xoxb-');
  }

  private takeFault(method: string): Fault | undefined {
    const list = this.faults.get(method);
    const next = list?.[0];
    if (!list || !next) return undefined;
    if (next.after > 0) {
      next.after -= 1;
      return undefined;
    }
    if (--next.times <= 0) list.shift();
    return next.fault;
  }

  private applyFault(method: string, res: ServerResponse): boolean {
    const fault = this.takeFault(method);
    if (fault) respondWithFault(fault, res);
    return fault !== undefined;
  }
}

/** Starts a fake on a free local port. */
export function startFakeSlack(options?: FakeSlackOptions): Promise<FakeSlack> {
  return new FakeSlack(options).start();
}

function respondWithFault(fault: Fault, res: ServerResponse): string {
  if ('drop' in fault) {
    res.socket?.destroy();
    return 'dropped';
  }
  if ('rateLimited' in fault) {
    const headers: Record<string, string> = fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {};
    send(res, 429, { ok: false, error: 'ratelimited' }, headers);
    return 'ratelimited';
  }
  if ('status' in fault) {
    send(res, fault.status, { ok: false, error: 'fake_http_error' });
    return `http_${fault.status}`;
  }
  send(res, 200, { ok: false, error: fault.error });
  return fault.error;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

/** Decodes a JSON or form body; form values that hold JSON arrays/objects (`blocks`) are parsed. */
function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (contentType?.includes('application/json')) {
    const parsed: unknown = JSON.parse(raw);
    return parsed && typeof parsed === 'object' ? { ...(parsed as Record<string, unknown>) } : {};
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    out[key] = /^[[{]/.test(value) ? tryJson(value) : value;
  }
  return out;
}

function tryJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** The bytes of an upload: the body itself, or the one file part of a multipart form. */
async function uploadedContent(raw: string, contentType: string | undefined): Promise<string> {
  if (!contentType?.startsWith('multipart/form-data')) return raw;
  const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  for (const value of form.values()) if (typeof value !== 'string') return await value.text();
  return [...form.values()].map(String).join('');
}
