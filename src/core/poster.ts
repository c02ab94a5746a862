/**
 * The port through which scheduled digests reach a channel. Each platform implements it and
 * classifies its failures, so the scheduler can retry, wait or pause without knowing the platform.
 */
import type { Platform } from './command.js';
import type { Reply } from './reply.js';

export type PostOutcome =
  | { ok: true; messageId?: string }
  /** The platform asked us to wait (HTTP 429): retry after `retryAfterMs`. */
  | { ok: false; kind: 'rate_limited'; retryAfterMs: number; message: string }
  /** Worth retrying with backoff: 5xx, timeouts, connection resets. */
  | { ok: false; kind: 'transient'; message: string }
  /** Retrying cannot help: channel deleted, bot removed, no access. Pause the subscription. */
  | { ok: false; kind: 'permanent'; message: string };

export interface Poster {
  readonly platform: Platform;
  /**
   * Posts a reply to a channel. `idempotencyKey` identifies the digest slot, so a platform that
   * supports it (Discord's message nonce) can drop an accidental repeat.
   */
  post(channelId: string, reply: Reply, options: { idempotencyKey: string }): Promise<PostOutcome>;
}
