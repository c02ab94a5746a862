/**
 * The Socket Mode side of the fake: `apps.connections.open` hands out a `ws://` URL on the fake's
 * own server; on connect the fake says `hello`, then the test pushes envelopes and awaits acks.
 *
 * @see https://docs.slack.dev/apis/events-api/using-socket-mode
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';

export const SOCKET_PATH = '/socket';

export interface EnvelopeAck {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

export class FakeSocketMode {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly clients = new Set<WebSocket>();
  private readonly pending = new Map<string, (ack: EnvelopeAck) => void>();
  /** How many connections the app has opened (reconnects count). */
  connections = 0;

  attach(server: Server): void {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (!req.url?.startsWith(SOCKET_PATH)) {
        socket.destroy();
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws));
    });
  }

  /** Resolves once at least one app connection is open. */
  get connected(): boolean {
    return this.clients.size > 0;
  }

  /** Pushes an envelope (`slash_commands`, `interactive`, `events_api`) and resolves with the app's ack. */
  send(type: string, payload: Record<string, unknown>, timeoutMs = 5000): Promise<EnvelopeAck> {
    const [client] = this.clients;
    if (!client) return Promise.reject(new Error('FakeSocketMode: no app is connected'));
    const envelopeId = randomUUID();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(envelopeId);
        reject(new Error(`FakeSocketMode: no ack for ${type} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(envelopeId, (ack) => {
        clearTimeout(timer);
        resolve(ack);
      });
      client.send(JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: type !== 'events_api' }));
    });
  }

  close(): void {
    for (const client of this.clients) client.terminate();
    this.wss.close();
  }

  private accept(ws: WebSocket): void {
    this.connections++;
    this.clients.add(ws);
    ws.on('close', () => this.clients.delete(ws));
    ws.on('message', (data) => {
      const ack = JSON.parse(String(data)) as EnvelopeAck;
      this.pending.get(ack.envelope_id)?.(ack);
      this.pending.delete(ack.envelope_id);
    });
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake' }, connection_info: { app_id: 'A0FAKE' } }));
  }
}
