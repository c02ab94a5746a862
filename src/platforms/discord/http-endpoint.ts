/**
 * Discord without a gateway session: an HTTP server for the application's Interactions Endpoint
 * URL. Discord POSTs each interaction, signed with the application's Ed25519 key; the answer is
 * the HTTP response (within 3 s), anything later goes over the webhook routes. No connection is
 * pinned to one process, so any number of replicas can serve Discord behind a load balancer.
 * Digests still go out over REST with the bot token.
 * @see https://discord.com/developers/docs/interactions/overview#configuring-an-interactions-endpoint-url
 * @see https://discord.com/developers/docs/interactions/receiving-and-responding
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DiscordAPIError, REST, Routes } from 'discord.js';
import type { Bot } from '../../core/bot.js';
import { silentLogger, type Logger } from '../../core/logger.js';
import type { Poster } from '../../core/poster.js';
import { describeError } from '../../core/safe-error.js';
import { INTERACTION, incomingFromApi, readInteraction } from './api-interaction.js';
import { CALLBACK, HttpResponder, type InteractionResponse } from './http-responder.js';
import { handleIncoming, type HandlerContext } from './interactions.js';
import { DiscordPoster } from './poster.js';
import { checkSignature, ed25519PublicKey } from './signature.js';

export const DISCORD_INTERACTIONS_PATH = '/discord/interactions';

/** Interaction payloads are a few kilobytes; anything far bigger is not from Discord. */
const MAX_BODY_BYTES = 1024 * 1024;

export interface DiscordHttpOptions {
  /** Bot token: digests over REST, and checked at start. */
  token: string;
  /** The application's public key, 64 hex characters (Developer Portal, General Information). */
  publicKey: string;
  /** 0 picks a free port (tests). */
  port: number;
  /** Interface to listen on; default all interfaces. */
  host?: string;
  /** REST base without version; default Discord's. */
  apiUrl?: string;
  rootName: string;
  logger?: Logger;
  /** Run a command this long before deferring the interaction. Default 2000 ms. */
  deferAfterMs?: number;
}

export interface DiscordHttpHandle {
  poster: Poster;
  /** The port the endpoint listens on. */
  port: number;
  isReady(): boolean;
  stop(): Promise<void>;
}

class RequestTooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new RequestTooLarge());
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve) => {
    if (res.headersSent || res.destroyed) return resolve();
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
    res.end(JSON.stringify(body), () => resolve());
    res.once('close', () => resolve());
  });
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** A bad token would otherwise only show when the first digest fails; this fails the start within seconds. */
async function checkToken(token: string, apiUrl: string | undefined): Promise<void> {
  const rest = new REST({ ...(apiUrl ? { api: apiUrl } : {}), retries: 1, timeout: 5000 }).setToken(token);
  try {
    await rest.get(Routes.user('@me'));
  } catch (error) {
    if (error instanceof DiscordAPIError && error.status === 401) throw new Error('discord: Discord refused the bot token (401); check DISCORD_TOKEN');
    throw new Error(`discord: could not reach Discord's REST API (${describeError(error).message}); check the network or DISCORD_API_URL`);
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
}

export async function startDiscordHttp(options: DiscordHttpOptions, bot: Bot): Promise<DiscordHttpHandle> {
  const log = (options.logger ?? silentLogger).child({ platform: 'discord', mode: 'http' });
  const key = ed25519PublicKey(options.publicKey);
  const path = DISCORD_INTERACTIONS_PATH;
  const ctx: HandlerContext = { bot, log, deferAfterMs: options.deferAfterMs ?? 2000, rootName: options.rootName };
  await checkToken(options.token, options.apiUrl);

  // Webhook routes are authorised by the interaction token: this client never holds the bot token.
  const webhooks = new REST(options.apiUrl ? { api: options.apiUrl } : {});
  // Opening a DM for a personal digest is the one call here that needs the bot itself.
  const botRest = new REST({ ...(options.apiUrl ? { api: options.apiUrl } : {}), timeout: 5000 }).setToken(options.token);
  const openDm = async (userId: string): Promise<string> => ((await botRest.post(Routes.userChannels(), { body: { recipient_id: userId } })) as { id: string }).id;
  const inflight = new Set<Promise<void>>();

  async function interaction(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch (error) {
      if (error instanceof RequestTooLarge) return send(res, 413, { error: 'request too large' });
      throw error;
    }
    const signed = checkSignature(key, { signature: header(req, 'x-signature-ed25519'), timestamp: header(req, 'x-signature-timestamp'), body });
    if (!signed.ok) {
      log.debug({ reason: signed.reason }, 'discord request refused: bad signature');
      return send(res, 401, { error: 'invalid request signature' });
    }
    let json: unknown;
    try {
      json = JSON.parse(body.toString('utf8'));
    } catch {
      return send(res, 400, { error: 'body is not JSON' });
    }
    const raw = readInteraction(json);
    if (!raw) return send(res, 400, { error: 'not an interaction' });
    if (raw.type === INTERACTION.ping) return send(res, 200, { type: CALLBACK.pong });
    if (!raw.token) return send(res, 400, { error: 'interaction without a token' });

    let decide!: (response: InteractionResponse | undefined) => void;
    const decided = new Promise<InteractionResponse | undefined>((resolve) => (decide = resolve));
    let written!: () => void;
    const sent = new Promise<void>((resolve) => (written = resolve));
    const responder = new HttpResponder({
      rest: webhooks,
      applicationId: raw.application_id,
      token: raw.token,
      initial: async (response) => {
        decide(response);
        await sent;
      },
    });
    const incoming = incomingFromApi(raw, responder, options.rootName, openDm);
    if (!incoming) {
      log.warn({ interactionId: raw.id, type: raw.type }, 'discord interaction of a kind paperbot does not handle');
      return send(res, 400, { error: 'unsupported interaction' });
    }
    const handled = handleIncoming(incoming, ctx).finally(() => decide(undefined));
    inflight.add(handled);
    void handled.finally(() => inflight.delete(handled));
    const response = await decided;
    if (response) await send(res, 200, response);
    else {
      // The handlers always answer, or apologise; should one not, Discord shows the interaction failed.
      log.error({ interactionId: raw.id, type: raw.type }, 'discord interaction left unanswered');
      await send(res, 500, { error: 'no answer' });
    }
    written();
  }

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://discord');
    if (url.pathname !== path) return void send(res, 404, { error: 'not found' });
    if (req.method !== 'POST') return void send(res, 405, { error: 'method not allowed' }, { allow: 'POST' });
    interaction(req, res).catch((error: unknown) => {
      log.error({ err: describeError(error) }, 'discord request failed');
      void send(res, 500, { error: 'internal error' });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  log.info({ port, path }, 'discord interactions endpoint listening');

  const poster = new DiscordPoster({
    token: options.token,
    ...(options.apiUrl ? { apiUrl: options.apiUrl } : {}),
    encodeAction: (action, max) => bot.actions.encode(action, max),
    logger: log,
  });
  let stopped = false;
  return {
    poster,
    port,
    isReady: () => !stopped && server.listening,
    async stop() {
      if (stopped) return;
      stopped = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // Interactions already taken finish their follow-ups; the shutdown bounds how long that may take.
      await Promise.allSettled([...inflight]);
      server.closeAllConnections();
      await closed;
      poster.close();
      for (const rest of [webhooks, botRest]) {
        rest.clearHashSweeper();
        rest.clearHandlerSweeper();
      }
    },
  };
}
