/**
 * Discord's side of an HTTP interactions endpoint: it signs each interaction with the
 * application's Ed25519 key (a real key pair made here), POSTs it, and takes a 200 answer as the
 * interaction's initial response, applied to the fake with the callback route's rules. Payloads
 * come from the fake's builders, so buttons can be pressed on messages the fake holds.
 * @see https://discord.com/developers/docs/interactions/overview#setting-up-an-endpoint-validating-security-request-headers
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import type { InteractionRecord, Invoker, SlashCommand } from './interactions.js';
import type { FakeMessage } from './payloads.js';
import type { Reply } from './reply.js';
import type { FakeDiscord } from './server.js';

type Json = Record<string, any>;

export interface DeliverOptions {
  /** Sign with this key instead of the application's (a forged request). */
  key?: KeyObject;
  /** Unix seconds to sign; default now. */
  timestamp?: number;
  /** Replaces the body after signing (a tampered request). */
  tamperedBody?: string;
  /** Leave out these headers. */
  omit?: ('x-signature-ed25519' | 'x-signature-timestamp')[];
  /** Hand the answer to the fake this much later (Discord taking its time over the response). */
  ackDelayMs?: number;
}

export interface Delivery {
  status: number;
  /** The endpoint's answer: the initial response when the status is 200. */
  body: Json | undefined;
  /** The fake's record of the interaction (not for a PING). */
  record?: InteractionRecord;
  /** What the fake made of the initial response: 2xx when Discord would take it. */
  accepted?: Reply;
}

export class InteractionSender {
  /** The application's public key as the Developer Portal shows it: 64 hex characters. */
  readonly publicKey: string;
  private readonly privateKey: KeyObject;

  constructor(
    private readonly fake: FakeDiscord,
    /** The endpoint, e.g. `http://127.0.0.1:PORT/discord/interactions`. */
    public url: string,
  ) {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    this.privateKey = privateKey;
    this.publicKey = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
  }

  /** The hex signature Discord puts in `X-Signature-Ed25519`. */
  sign(timestamp: string, body: string, key: KeyObject = this.privateKey): string {
    return sign(null, Buffer.from(timestamp + body), key).toString('hex');
  }

  /** POSTs a body with the given headers; answers status and JSON. */
  async post(body: string, headers: Record<string, string>): Promise<{ status: number; body: Json | undefined }> {
    const response = await fetch(this.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    const text = await response.text();
    let json: Json | undefined;
    try {
      json = text ? (JSON.parse(text) as Json) : undefined;
    } catch {
      json = undefined;
    }
    return { status: response.status, body: json };
  }

  /** Delivers a payload as Discord does; a 200 answer becomes the fake's initial response. */
  async deliver(payload: Json, options: DeliverOptions = {}): Promise<Delivery> {
    const record = payload.type === 1 ? undefined : this.fake.interactions.track(payload);
    const body = JSON.stringify(payload);
    const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
    const headers: Record<string, string> = { 'x-signature-ed25519': this.sign(timestamp, body, options.key), 'x-signature-timestamp': timestamp };
    for (const name of options.omit ?? []) delete headers[name];
    const answer = await this.post(options.tamperedBody ?? body, headers);
    const delivery: Delivery = { ...answer, ...(record ? { record } : {}) };
    if (record && answer.status === 200 && answer.body) {
      if (options.ackDelayMs) await new Promise((resolve) => setTimeout(resolve, options.ackDelayMs));
      delivery.accepted = this.fake.interactions.acknowledge(record.id, answer.body);
    }
    return delivery;
  }

  ping(options?: DeliverOptions): Promise<Delivery> {
    return this.deliver(this.fake.interactions.pingPayload(), options);
  }

  slashCommand(command: SlashCommand, options?: DeliverOptions): Promise<Delivery> {
    return this.deliver(this.fake.interactions.slashCommandPayload(command), options);
  }

  autocomplete(command: SlashCommand & { focused: string }, options?: DeliverOptions): Promise<Delivery> {
    return this.deliver(this.fake.interactions.autocompletePayload(command), options);
  }

  pressButton(message: FakeMessage, customId: string, who: Invoker = {}, options?: DeliverOptions): Promise<Delivery> {
    return this.deliver(this.fake.interactions.buttonPayload(message.id, customId, who), options);
  }

  chooseOption(message: FakeMessage, customId: string, value: string, who: Invoker = {}, options?: DeliverOptions): Promise<Delivery> {
    return this.deliver(this.fake.interactions.optionPayload(message.id, customId, value, who), options);
  }
}
