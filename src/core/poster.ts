/**
 * The port through which scheduled digests reach a channel. Each platform implements it and
 * classifies its failures, so the scheduler can retry, wait or pause without knowing the platform.
 */
import type { Platform } from './command.js';
import type { Reply } from './reply.js';

export type PostOutcome =
  /** `paperMessages`: a threaded digest's replies, one a paper, in digest order, with where each is (a Discord thread is a channel of its own). */
  | { ok: true; messageId?: string; paperMessages?: { channelId: string; messageId: string }[] }
  /** The platform asked us to wait (HTTP 429): nothing was posted; retry after `retryAfterMs`. */
  | { ok: false; kind: 'rate_limited'; retryAfterMs: number; message: string }
  /**
   * Safe to resend with backoff: the request surely was not processed (connection refused, Slack
   * `service_unavailable`), or the platform drops a repeat itself (Discord's nonce).
   */
  | { ok: false; kind: 'transient'; message: string }
  /**
   * The post may have been delivered (timeout or reset after sending, 5xx) and resending could
   * post it twice: never retried; the slot is marked `uncertain`.
   */
  | { ok: false; kind: 'uncertain'; message: string }
  /** This channel refuses posts for good (deleted, bot removed, no access): pause the subscription. */
  | { ok: false; kind: 'permanent'; message: string }
  /** The platform refused this message (our payload is invalid): fail the slot, keep the subscription. */
  | { ok: false; kind: 'rejected'; message: string }
  /**
   * Our credentials are bad (revoked or invalid token): every post to this platform would fail the
   * same way. Fail the slot, pause nothing, and stop posting to the platform for the rest of the run.
   */
  | { ok: false; kind: 'fatal'; message: string };

export interface PostOptions {
  idempotencyKey: string;
  /**
   * Post the papers in a thread under one message (`splitIntoThread`). Once the first message is
   * out, a paper that fails in the thread makes the outcome `uncertain`: resending would repeat
   * the message.
   */
  thread?: boolean;
}

export interface Poster {
  readonly platform: Platform;
  /**
   * Posts a reply to a channel. `idempotencyKey` identifies the digest slot, so a platform that
   * supports it (Discord's message nonce) can drop an accidental repeat.
   */
  post(channelId: string, reply: Reply, options: PostOptions): Promise<PostOutcome>;
}

/**
 * A platform's posting limit, as a token bucket: `global` for the whole bot, `channel` per
 * channel. The scheduler spaces digests by these so thousands due at one minute never hit 429s.
 */
export interface RateSpec {
  scope: 'global' | 'channel';
  perSecond: number;
  burst: number;
}
