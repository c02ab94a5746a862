/**
 * A local fake of Discord for tests: REST API v10 (node:http) and the gateway (ws) on one port.
 * It records every REST call, validates bodies against Discord's limits, keeps the messages it
 * created, and answers with Discord's status codes, JSON error bodies and rate-limit headers.
 * Faults can be injected per route. Point clients at `fake.apiUrl` (`rest: { api }`).
 * @see https://discord.com/developers/docs/reference#http-api
 */
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Fault, FaultResponse } from './faults.js';
import { FakeGateway } from './gateway.js';
import { InteractionStore } from './interactions.js';
import { guild, message, snowflake, user, type FakeMessage, type FakeUser } from './payloads.js';
import { messageProblems } from './validate.js';
import { readBody } from '../http.js';
import { invalidFormBody, json, notFound, type Reply } from './reply.js';

export interface FakeDiscordOptions {
  token?: string;
  applicationId?: string;
  guildId?: string;
  /** Channels of the guild; the first one is where interactions come from. */
  channelIds?: string[];
  heartbeatIntervalMs?: number;
}

export interface RecordedCall {
  method: string;
  /** Path after `/api/v10`, e.g. `/interactions/123/abc/callback`. */
  path: string;
  query: Record<string, string>;
  body: unknown;
  /** Whether a valid `Authorization: Bot <token>` header came along (the token itself is not kept). */
  authorized: boolean;
  status: number;
  /** The JSON answered, if any. */
  response?: unknown;
}

type Json = Record<string, any>;


export class FakeDiscord extends EventEmitter {
  readonly token: string;
  readonly applicationId: string;
  readonly guildId: string;
  readonly channelIds: string[];
  readonly botUser: FakeUser;
  /** Every REST call, in order. */
  readonly calls: RecordedCall[] = [];
  /** Every message the fake holds (channel posts and interaction responses), by id. */
  readonly messages = new Map<string, FakeMessage>();
  /** The last bulk overwrite per scope: `global` or the guild id. */
  readonly registered = new Map<string, Json[]>();
  readonly interactions: InteractionStore;
  gateway!: FakeGateway;
  private readonly faults: (Fault & { left: number })[] = [];
  private readonly hanging = new Set<ServerResponse>();
  private readonly nonces = new Map<string, { id: string; at: number }>();
  /** DM channels by id, with the user each is with. */
  readonly dms = new Map<string, string>();
  /** Threads started from messages, by id (the message's id). */
  readonly threads = new Map<string, { id: string; parent_id: string; name: string }>();
  private readonly server: Server;
  private readonly heartbeatIntervalMs: number;
  private port = 0;

  constructor(options: FakeDiscordOptions = {}) {
    super();
    // Shaped like a real token (three dot-separated parts) so configuration validation accepts it.
    this.token = options.token ?? 'MTAwMDAwMDAwMDAwMDAwMDAx.GfAkEd.fake-bot-token-for-local-tests';
    this.applicationId = options.applicationId ?? snowflake();
    this.guildId = options.guildId ?? snowflake();
    this.channelIds = options.channelIds ?? [snowflake(), snowflake()];
    this.heartbeatIntervalMs = options.heartbeatIntervalMs ?? 41_250;
    this.botUser = user(this.applicationId, 'paperbot', true);
    this.interactions = new InteractionStore(this);
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    this.gateway = new FakeGateway(this.server, {
      token: this.token,
      heartbeatIntervalMs: this.heartbeatIntervalMs,
      resumeUrl: () => this.gatewayUrl,
      guilds: () => [guild(this.guildId, this.channelIds, snowflake())],
      ready: (sessionId) => ({
        v: 10,
        user: { ...this.botUser, verified: true, mfa_enabled: false, flags: 0 },
        guilds: [{ id: this.guildId, unavailable: true }],
        session_id: sessionId,
        session_type: 'normal',
        resume_gateway_url: this.gatewayUrl,
        shard: [0, 1],
        application: { id: this.applicationId, flags: 0 },
        private_channels: [],
        relationships: [],
        presences: [],
        guild_join_requests: [],
        geo_ordered_rtc_regions: [],
        user_settings: {},
        _trace: ['["fake-gateway",{}]'],
      }),
    });
    return this;
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.hanging.clear();
    await this.gateway?.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Answers the next matching request(s) with a fault instead of the normal response. */
  injectFault(fault: Fault): void {
    this.faults.push({ ...fault, left: fault.times ?? 1 });
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  /** Dispatches a raw INTERACTION_CREATE payload (see `interactions` for builders) and tracks its token. */
  dispatchInteraction(payload: Record<string, unknown>): ReturnType<InteractionStore['dispatch']> {
    return this.interactions.dispatch(payload);
  }

  /** Pushes a gateway dispatch (op 0) to connected clients. */
  dispatch(event: string, data: unknown): number {
    return this.gateway.dispatch(event, data);
  }

  /** Calls matching `predicate`, recorded so far. */
  callsTo(method: string, path: string | RegExp): RecordedCall[] {
    return this.calls.filter((call) => call.method === method && (typeof path === 'string' ? call.path === path : path.test(call.path)));
  }

  /** Resolves with the first call (already recorded or future) matching `predicate`. */
  waitForCall(predicate: (call: RecordedCall) => boolean, timeoutMs = 5000): Promise<RecordedCall> {
    const found = this.calls.find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off('call', listener);
        reject(new Error(`fake discord: no matching call within ${timeoutMs} ms`));
      }, timeoutMs);
      const listener = (call: RecordedCall): void => {
        if (!predicate(call)) return;
        clearTimeout(timer);
        this.off('call', listener);
        resolve(call);
      };
      this.on('call', listener);
    });
  }

  /** Stores a new message from a create body. */
  createMessage(channelId: string, body: Json, extra: Partial<FakeMessage> = {}): FakeMessage {
    const created = message(channelId, this.botUser, body, extra);
    this.messages.set(created.id, created);
    return created;
  }

  private takeFault(method: string, path: string): Fault | undefined {
    const index = this.faults.findIndex(
      (f) => (!f.method || f.method === method) && (typeof f.path === 'string' ? f.path === path : f.path.test(path)),
    );
    if (index === -1) return undefined;
    const fault = this.faults[index]!;
    if (fault.after) {
      fault.after -= 1;
      return undefined;
    }
    fault.left -= 1;
    if (fault.left <= 0) this.faults.splice(index, 1);
    return fault;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const method = req.method ?? 'GET';
    const path = decodePath(url.pathname).replace(/^\/api(\/v10)?/, '');
    const raw = await readBody(req);
    let body: unknown;
    try {
      body = req.headers['content-type']?.startsWith('multipart/form-data') ? await multipartBody(raw, req.headers['content-type']) : raw ? JSON.parse(raw) : undefined;
    } catch {
      return this.send(res, { method, path, query: {}, body: raw, authorized: false, status: 400 }, json(400, { message: '400: Bad Request', code: 50109 }));
    }
    const authorized = req.headers.authorization === `Bot ${this.token}`;
    const call: RecordedCall = { method, path, query: Object.fromEntries(url.searchParams), body, authorized, status: 0 };
    const fault = this.takeFault(method, path);
    if (fault?.hang) {
      this.hanging.add(res);
      res.on('close', () => this.hanging.delete(res));
      call.status = 0;
      this.record(call);
      return;
    }
    if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    const answer = fault ? faultReply(fault) : this.route(method, path, call);
    this.send(res, call, answer);
  }

  private send(res: ServerResponse, call: RecordedCall, answer: Reply): void {
    call.status = answer.status;
    if (answer.body !== undefined) call.response = answer.body;
    const headers: Record<string, string> = { ...rateLimitHeaders(call.path), ...answer.headers };
    if (answer.body !== undefined) headers['content-type'] = 'application/json';
    res.writeHead(answer.status, headers);
    res.end(answer.body !== undefined ? JSON.stringify(answer.body) : undefined);
    this.record(call);
  }

  private record(call: RecordedCall): void {
    this.calls.push(call);
    this.emit('call', call);
  }

  private route(method: string, path: string, call: RecordedCall): Reply {
    const body = (call.body ?? {}) as Json;
    let m: RegExpExecArray | null;
    // Interaction callbacks and webhooks authenticate with the interaction token in the URL.
    if ((m = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path)) && method === 'POST') {
      return this.interactions.callback(m[1]!, m[2]!, body, call.query.with_response === 'true');
    }
    if ((m = /^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/(@original|\d+))?$/.exec(path))) {
      if (m[1] !== this.applicationId) return notFound('Unknown Webhook', 10015);
      return this.interactions.webhook(method, m[2]!, m[3], body);
    }
    if (!call.authorized) return json(401, { message: '401: Unauthorized', code: 0 });
    if (method === 'GET' && path === '/gateway/bot') {
      return json(200, { url: this.gatewayUrl, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 } });
    }
    if (method === 'GET' && path === '/users/@me') return json(200, this.botUser);
    if (method === 'GET' && path === '/applications/@me') return json(200, { id: this.applicationId, name: 'paperbot', flags: 0, bot: this.botUser });
    if ((m = /^\/channels\/(\d+)\/messages$/.exec(path)) && method === 'POST') return this.postChannelMessage(m[1]!, body);
    if ((m = /^\/channels\/(\d+)\/messages\/(\d+)\/threads$/.exec(path)) && method === 'POST') return this.startThread(m[1]!, m[2]!, body);
    if (method === 'POST' && path === '/users/@me/channels') return this.openDm(body);
    if ((m = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path)) && method === 'PUT') {
      return this.overwriteCommands(m[1]!, m[2], call.body);
    }
    return notFound();
  }

  /**
   * A DM channel with a user: the same one for the same user every time.
   * @see https://discord.com/developers/docs/resources/user#create-dm
   */
  private openDm(body: Json): Reply {
    if (typeof body.recipient_id !== 'string' || !/^\d+$/.test(body.recipient_id)) return invalidFormBody(['recipient_id: Value "" is not snowflake.']);
    let id = [...this.dms].find(([, user]) => user === body.recipient_id)?.[0];
    if (!id) this.dms.set((id = snowflake()), body.recipient_id);
    return json(200, { id, type: 1, last_message_id: null, flags: 0, recipients: [{ id: body.recipient_id, username: 'someone', discriminator: '0', global_name: null, avatar: null }] });
  }

  /**
   * A public thread from a message: its id is the message's id, and messages can be posted to it
   * like a channel. A second thread on one message is refused with 160004.
   * @see https://discord.com/developers/docs/resources/channel#start-thread-from-message
   */
  private startThread(channelId: string, messageId: string, body: Json): Reply {
    if (!this.channelIds.includes(channelId)) return notFound('Unknown Channel', 10003);
    const message = this.messages.get(messageId);
    if (!message || message.channel_id !== channelId) return notFound('Unknown Message', 10008);
    const problems: string[] = [];
    if (typeof body.name !== 'string' || body.name.length < 1 || body.name.length > 100) problems.push('name: Must be between 1 and 100 in length.');
    if (body.auto_archive_duration !== undefined && ![60, 1440, 4320, 10080].includes(body.auto_archive_duration)) problems.push('auto_archive_duration: Value must be one of {60, 1440, 4320, 10080}.');
    if (problems.length) return invalidFormBody(problems);
    if (this.threads.has(messageId)) return json(400, { message: 'A thread has already been created for this message', code: 160004 });
    const thread = {
      id: messageId,
      type: 11,
      guild_id: this.guildId,
      parent_id: channelId,
      name: body.name,
      owner_id: this.botUser.id,
      message_count: 0,
      member_count: 1,
      thread_metadata: { archived: false, auto_archive_duration: body.auto_archive_duration ?? 1440, archive_timestamp: new Date().toISOString(), locked: false },
    };
    this.threads.set(messageId, thread);
    // As Discord does: the guild's members (the bot among them) hear of the new thread over the gateway.
    this.gateway?.dispatch('THREAD_CREATE', { ...thread, newly_created: true });
    return json(201, thread);
  }

  /** @see https://discord.com/developers/docs/resources/message#create-message (nonce + enforce_nonce) */
  private postChannelMessage(channelId: string, body: Json): Reply {
    if (!this.channelIds.includes(channelId) && !this.threads.has(channelId) && !this.dms.has(channelId)) return notFound('Unknown Channel', 10003);
    const problems = messageProblems(body, { create: true });
    if (problems.includes('Cannot send an empty message')) return json(400, { message: 'Cannot send an empty message', code: 50006 });
    if (problems.length) return invalidFormBody(problems);
    if (body.nonce !== undefined && (typeof body.nonce === 'string' ? body.nonce.length > 25 : !Number.isInteger(body.nonce))) {
      return invalidFormBody(['nonce: Must be 25 or fewer in length.']);
    }
    if (body.enforce_nonce && body.nonce !== undefined) {
      const seen = this.nonces.get(`${channelId}:${body.nonce}`);
      const existing = seen && Date.now() - seen.at < 5 * 60_000 ? this.messages.get(seen.id) : undefined;
      if (existing) return json(200, existing);
    }
    const created = this.createMessage(channelId, { ...body, flags: (body.flags ?? 0) & ~64 });
    if (body.nonce !== undefined) this.nonces.set(`${channelId}:${body.nonce}`, { id: created.id, at: Date.now() });
    return json(200, created);
  }

  /** @see https://discord.com/developers/docs/interactions/application-commands#bulk-overwrite-global-application-commands */
  private overwriteCommands(applicationId: string, guildId: string | undefined, body: unknown): Reply {
    if (applicationId !== this.applicationId) return json(403, { message: 'Missing Access', code: 50001 });
    if (guildId && guildId !== this.guildId) return json(403, { message: 'Missing Access', code: 50001 });
    if (!Array.isArray(body)) return invalidFormBody(['body: Must be an array.']);
    const created = body.map((command: Json) => ({
      id: snowflake(),
      application_id: applicationId,
      version: snowflake(),
      default_member_permissions: null,
      type: 1,
      ...(guildId ? { guild_id: guildId } : {}),
      ...command,
    }));
    this.registered.set(guildId ?? 'global', body as Json[]);
    return json(200, created);
  }
}

function faultReply(fault: FaultResponse): Reply {
  return { status: fault.status, ...(fault.body !== undefined ? { body: fault.body } : {}), ...(fault.headers ? { headers: fault.headers } : {}) };
}

/** Plenty of room in every bucket, so clients never pause pre-emptively unless a test says so. */
function rateLimitHeaders(path: string): Record<string, string> {
  return {
    'x-ratelimit-limit': '50',
    'x-ratelimit-remaining': '49',
    'x-ratelimit-reset': String(Date.now() / 1000 + 1),
    'x-ratelimit-reset-after': '1.000',
    'x-ratelimit-bucket': Buffer.from(path.replace(/\d{16,}/g, ':id')).toString('hex').slice(0, 32),
  };
}

/** discord.js encodes `@original` as `%40original`. */
function decodePath(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

/**
 * A body with files, as discord.js sends it: the JSON in `payload_json`, each file in `files[n]`.
 * The files ride along in the message data as `__files`, so the message made from it keeps them
 * as attachments.
 * @see https://discord.com/developers/docs/reference#uploading-files
 */
async function multipartBody(raw: string, contentType: string): Promise<Json> {
  const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  const payload = form.get('payload_json');
  const body = (typeof payload === 'string' ? JSON.parse(payload) : {}) as Json;
  const files: { name: string; content: string }[] = [];
  for (const [field, value] of form.entries()) {
    if (/^files\[\d+\]$/.test(field) && typeof value !== 'string') files.push({ name: value.name, content: await value.text() });
  }
  const target = body.data && typeof body.data === 'object' ? (body.data as Json) : body;
  target.__files = files;
  return body;
}
