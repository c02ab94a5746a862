/**
 * A fake Discord gateway (JSON encoding, no compression): HELLO, IDENTIFY → READY and
 * GUILD_CREATE, heartbeats answered with ACKs, RESUME → RESUMED, and dispatches pushed by tests.
 * @see https://discord.com/developers/docs/events/gateway#connection-lifecycle
 * @see https://discord.com/developers/docs/topics/opcodes-and-status-codes#gateway
 */
import type { Server } from 'node:http';
import { EventEmitter } from 'node:events';
import { WebSocket, WebSocketServer } from 'ws';
import { randomBytes } from 'node:crypto';

export const OP = { dispatch: 0, heartbeat: 1, identify: 2, resume: 6, reconnect: 7, invalidSession: 9, hello: 10, heartbeatAck: 11 } as const;

export interface GatewayConfig {
  token: string;
  heartbeatIntervalMs: number;
  resumeUrl: () => string;
  ready: (sessionId: string) => Record<string, unknown>;
  guilds: () => Record<string, unknown>[];
}

interface Session {
  socket: WebSocket;
  seq: number;
  sessionId?: string;
  /** The intents sent in IDENTIFY. */
  intents?: number;
}

export class FakeGateway extends EventEmitter {
  private readonly wss: WebSocketServer;
  private readonly sessions = new Set<Session>();
  /** Every payload received from clients, in order. */
  readonly received: { op: number; d: unknown }[] = [];

  constructor(server: Server, private readonly config: GatewayConfig) {
    super();
    this.wss = new WebSocketServer({ server });
    this.wss.on('connection', (socket, request) => this.open(socket, request.url ?? '/'));
  }

  /** Sessions that have identified (READY sent). */
  get ready(): number {
    return [...this.sessions].filter((s) => s.sessionId).length;
  }

  intents(): number | undefined {
    return [...this.sessions].find((s) => s.intents !== undefined)?.intents;
  }

  /** Sends a dispatch (op 0) to every identified session; returns how many got it. */
  dispatch(t: string, d: unknown): number {
    let sent = 0;
    for (const session of this.sessions) {
      if (!session.sessionId) continue;
      this.send(session, { op: OP.dispatch, t, s: ++session.seq, d });
      sent += 1;
    }
    return sent;
  }

  async close(): Promise<void> {
    for (const session of this.sessions) session.socket.terminate();
    this.sessions.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private send(session: Session, payload: Record<string, unknown>): void {
    if (session.socket.readyState === WebSocket.OPEN) session.socket.send(JSON.stringify(payload));
  }

  private open(socket: WebSocket, url: string): void {
    const params = new URL(url, 'ws://fake').searchParams;
    if (params.get('encoding') && params.get('encoding') !== 'json') {
      socket.close(4002, 'Error while decoding payload.');
      return;
    }
    const session: Session = { socket, seq: 0 };
    this.sessions.add(session);
    socket.on('close', () => this.sessions.delete(session));
    socket.on('message', (data) => this.onMessage(session, data.toString()));
    this.send(session, { op: OP.hello, d: { heartbeat_interval: this.config.heartbeatIntervalMs, _trace: ['["fake-gateway",{"micros":0}]'] }, s: null, t: null });
  }

  private onMessage(session: Session, raw: string): void {
    let payload: { op: number; d: any };
    try {
      payload = JSON.parse(raw);
    } catch {
      session.socket.close(4002, 'Error while decoding payload.');
      return;
    }
    this.received.push({ op: payload.op, d: payload.d });
    switch (payload.op) {
      case OP.heartbeat:
        this.send(session, { op: OP.heartbeatAck, d: null, s: null, t: null });
        break;
      case OP.identify:
        this.identify(session, payload.d);
        break;
      case OP.resume:
        if (payload.d?.token !== this.config.token) session.socket.close(4004, 'Authentication failed.');
        else this.send(session, { op: OP.dispatch, t: 'RESUMED', s: ++session.seq, d: null });
        break;
      default:
        break;
    }
  }

  private identify(session: Session, d: { token?: string; intents?: number } | undefined): void {
    if (session.sessionId) {
      session.socket.close(4005, 'Already authenticated.');
      return;
    }
    if (d?.token !== this.config.token && d?.token !== `Bot ${this.config.token}`) {
      session.socket.close(4004, 'Authentication failed.');
      return;
    }
    session.intents = d.intents;
    session.sessionId = randomBytes(16).toString('hex');
    this.send(session, { op: OP.dispatch, t: 'READY', s: ++session.seq, d: this.config.ready(session.sessionId) });
    for (const g of this.config.guilds()) this.send(session, { op: OP.dispatch, t: 'GUILD_CREATE', s: ++session.seq, d: g });
    this.emit('identified', session.sessionId);
  }
}
