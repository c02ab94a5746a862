/**
 * Posts scheduled digests to Discord channels over REST and classifies failures for the scheduler.
 *
 * The poster has its own REST client with `retries: 0` and `rejectOnRateLimit` for every route:
 * @discordjs/rest would otherwise wait out 429s and retry 5xx/timeouts (POSTs included) on its
 * own, hiding them from the scheduler and risking double posts. Each post also carries a nonce
 * derived from the idempotency key with `enforce_nonce`, so Discord drops a repeat within a few
 * minutes (the scheduler's ledger covers longer gaps). That nonce is why 5xx, timeouts and resets
 * stay `transient` here: a retry of a post Discord already accepted is dropped, not posted again
 * (Slack has no such key, so its poster reports them as `uncertain` instead).
 * @see https://discord.com/developers/docs/resources/message#create-message
 * @see https://discord.com/developers/docs/topics/rate-limits
 * @see https://discord.com/developers/docs/topics/opcodes-and-status-codes#json-json-error-codes
 */
import { createHash } from 'node:crypto';
import { DiscordAPIError, HTTPError, RateLimitError, REST, Routes } from 'discord.js';
import type { Logger } from '../../core/logger.js';
import { silentLogger } from '../../core/logger.js';
import type { Poster, PostOptions, PostOutcome } from '../../core/poster.js';
import type { Reply } from '../../core/reply.js';
import { splitIntoThread, threadName } from '../../core/thread.js';
import { postThreaded, type ThreadOutcome } from '../post-thread.js';
import type { ActionEncoder } from './components.js';
import { LIMITS } from './limits.js';
import { renderMessage } from './render.js';

export interface DiscordPosterOptions {
  token: string;
  /** REST base without version; default Discord's. */
  apiUrl?: string;
  encodeAction: ActionEncoder;
  /** Abort a request after this long (a transient failure). Default 15 s. */
  timeoutMs?: number;
  logger?: Logger;
}

/**
 * JSON error codes that mean this channel refuses the bot: Unknown Channel, Missing Access,
 * Missing Permissions, and Cannot send messages to this user (a personal digest's DMs closed).
 */
const CHANNEL_CODES: ReadonlySet<number> = new Set([10003, 50001, 50013, 50007]);

/** "A thread has already been created for this message." */
const THREAD_ALREADY_CREATED = 160004;

/** Used when a 429 names no wait (should not happen): a cautious default. */
const DEFAULT_RETRY_MS = 5000;

/** A nonce (≤ 25 characters) that is the same for every attempt at one digest slot. */
export function nonceFor(idempotencyKey: string): string {
  return createHash('sha256').update(idempotencyKey).digest('base64url').slice(0, LIMITS.nonce);
}

export class DiscordPoster implements Poster {
  readonly platform = 'discord' as const;
  private readonly rest: REST;
  private readonly log: Logger;
  /** After a 401 the REST client drops its token; every later post would fail the same way. */
  private tokenRejected = false;

  constructor(private readonly options: DiscordPosterOptions) {
    this.rest = new REST({
      ...(options.apiUrl ? { api: options.apiUrl } : {}),
      retries: 0,
      rejectOnRateLimit: () => true,
      timeout: options.timeoutMs ?? 15_000,
    }).setToken(options.token);
    this.log = options.logger ?? silentLogger;
  }

  async post(channelId: string, reply: Reply, options: PostOptions): Promise<PostOutcome> {
    if (this.tokenRejected) return { ok: false, kind: 'fatal', message: 'Discord rejected the bot token earlier (401); fix DISCORD_TOKEN' };
    if (!options.thread) return this.send(channelId, reply, options.idempotencyKey);
    return postThreaded(channelId, splitIntoThread(reply), {
      // Every part has its own nonce, so a resend after a timeout is dropped by Discord, not posted twice.
      post: (target, part, n) => this.send(target, part, n === 0 ? options.idempotencyKey : `${options.idempotencyKey}#${n}`),
      openThread: (parentId, messageId) => this.openThread(parentId, messageId, threadName(reply, LIMITS.threadName)),
      safeToRetry: new Set(['transient']),
    });
  }

  private async send(channelId: string, reply: Reply, idempotencyKey: string): Promise<PostOutcome> {
    const body = {
      ...renderMessage(reply, { encodeAction: this.options.encodeAction, channel: true }),
      nonce: nonceFor(idempotencyKey),
      enforce_nonce: true,
    };
    try {
      const message = (await this.rest.post(Routes.channelMessages(channelId), { body })) as { id?: string };
      return { ok: true, ...(message.id ? { messageId: message.id } : {}) };
    } catch (error) {
      const outcome = this.classify(error);
      this.log.warn({ channelId, idempotencyKey, outcome }, 'discord post failed');
      return outcome;
    }
  }

  /**
   * A public thread on the digest's message; its id is the message's id. Asking again for a message
   * that already has one (a retry after a lost answer) is answered with code 160004: the thread is there.
   * @see https://discord.com/developers/docs/resources/channel#start-thread-from-message
   */
  private async openThread(channelId: string, messageId: string, name: string): Promise<ThreadOutcome> {
    try {
      const thread = (await this.rest.post(Routes.threads(channelId, messageId), { body: { name, auto_archive_duration: 1440 } })) as { id?: string };
      return { ok: true, threadId: thread.id ?? messageId };
    } catch (error) {
      if (error instanceof DiscordAPIError && error.code === THREAD_ALREADY_CREATED) return { ok: true, threadId: messageId };
      const outcome = this.classify(error);
      this.log.warn({ channelId, messageId, outcome }, 'discord thread could not be started');
      return outcome;
    }
  }

  /** Stops the REST client's sweep timers. */
  close(): void {
    this.rest.clearHashSweeper();
    this.rest.clearHandlerSweeper();
  }

  private classify(error: unknown): Exclude<PostOutcome, { ok: true }> {
    if (error instanceof RateLimitError) {
      const retryAfterMs = error.retryAfter > 0 ? error.retryAfter : error.timeToReset > 0 ? error.timeToReset : DEFAULT_RETRY_MS;
      return { ok: false, kind: 'rate_limited', retryAfterMs, message: `rate limited on ${error.route}${error.global ? ' (global)' : ''}` };
    }
    if (error instanceof DiscordAPIError) {
      const message = `${error.status} ${error.code}: ${error.message}`;
      if (error.status === 401) {
        // Configuration, not this channel: pausing every subscription would outlive the token fix.
        this.tokenRejected = true;
        return { ok: false, kind: 'fatal', message: `Discord rejected the bot token (${message})` };
      }
      if (error.status === 408 || error.status >= 500) return { ok: false, kind: 'transient', message };
      // Only codes that name the channel pause it; another 404 is about our request, not the channel.
      if (CHANNEL_CODES.has(Number(error.code))) return { ok: false, kind: 'permanent', message };
      // 400 Invalid Form Body (50035) and other refusals of this message: our payload, not the channel.
      return { ok: false, kind: 'rejected', message };
    }
    if (error instanceof HTTPError) return { ok: false, kind: 'transient', message: `${error.status} ${error.message}` };
    // Timeouts (AbortError), connection resets and refusals.
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { ok: false, kind: 'transient', message };
  }
}
