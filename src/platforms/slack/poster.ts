/**
 * Posts scheduled digests with `chat.postMessage` and classifies failures for the scheduler.
 * The Web API client must not retry or queue on its own (its default pauses the whole queue on a
 * 429 and retries up to 10 times), so the scheduler's retry policy is the only one in play.
 *
 * @see https://docs.slack.dev/reference/methods/chat.postMessage#errors
 * @see https://docs.slack.dev/apis/web-api/rate-limits
 */
import { webApi } from '@slack/bolt';
import type { Logger } from '../../core/logger.js';
import { boltLogger } from './bolt-logger.js';
import type { Poster, PostOptions, PostOutcome } from '../../core/poster.js';
import { splitIntoThread } from '../../core/thread.js';
import { postThreaded } from '../post-thread.js';
import type { Action, Reply } from '../../core/reply.js';
import { describeError } from '../../core/safe-error.js';
import { renderReply } from './render.js';

/** This channel refuses our posts for good: the subscription should pause. */
export const PERMANENT_ERRORS: ReadonlySet<string> = new Set(['channel_not_found', 'not_in_channel', 'is_archived', 'restricted_action']);

/**
 * Our token or app setup is refused: every channel would fail the same way, so the scheduler stops
 * posting to Slack for the run instead of pausing each subscription.
 */
export const CREDENTIAL_ERRORS: ReadonlySet<string> = new Set([
  'invalid_auth',
  'not_authed',
  'token_revoked',
  'token_expired',
  'account_inactive',
  'missing_scope',
  'not_allowed_token_type',
  'team_access_not_granted',
]);

/** Slack refused this message (our payload): fail the slot, retrying would only repeat it. */
export const PAYLOAD_ERRORS: ReadonlySet<string> = new Set([
  'invalid_blocks',
  'invalid_blocks_format',
  'msg_too_long',
  'msg_blocks_too_long',
  'invalid_arguments',
  'invalid_arg_name',
  'no_text',
  'too_many_attachments',
]);

/** Slack says these may have partly run ("some aspect of the operation succeeded"): never resend. */
const MAYBE_DONE_ERRORS: ReadonlySet<string> = new Set(['internal_error', 'fatal_error']);

/** Network errors raised before the request reached Slack: nothing was posted, a resend is safe. */
const NOT_SENT_CODES: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

/** Fallback wait when Slack says `ratelimited` without a Retry-After header. */
const DEFAULT_RETRY_AFTER_MS = 1000;

export interface SlackPosterOptions {
  /** Encodes button actions (the bot's `ActionCodec.encode`). */
  encode: (action: Action, maxLength: number) => string;
  log?: Logger;
}

/** A Web API client for the poster and other calls whose failures we handle ourselves. */
export function createStrictClient(
  token: string,
  options: { apiUrl?: string; timeoutMs?: number; log?: Logger; retryConfig?: webApi.RetryOptions } = {},
): webApi.WebClient {
  return new webApi.WebClient(token, {
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
    retryConfig: options.retryConfig ?? { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: options.timeoutMs ?? 10_000,
    // We log classified failures ourselves; the client's own warnings would duplicate them.
    ...(options.log ? { logger: boltLogger(options.log, webApi.LogLevel.ERROR) } : { logLevel: webApi.LogLevel.ERROR }),
  });
}

export class SlackPoster implements Poster {
  readonly platform = 'slack' as const;

  constructor(
    private readonly client: Pick<webApi.WebClient, 'chat'>,
    private readonly options: SlackPosterOptions,
  ) {}

  async post(channelId: string, reply: Reply, options: PostOptions): Promise<PostOutcome> {
    // Slack has no idempotency key for chat.postMessage: the scheduler's ledger prevents repeats.
    if (!options.thread) return this.send(channelId, undefined, reply);
    return postThreaded(channelId, splitIntoThread(reply), {
      // A thread's replies go to the channel with `thread_ts`, the parent message's ts.
      post: (target, part, n) => (n === 0 ? this.send(channelId, undefined, part) : this.send(channelId, target, part)),
      openThread: async (_channel, ts) => ({ ok: true, threadId: ts }),
      replyChannel: (channel) => channel,
      // Only a 429 is retried: without an idempotency key any other resend could post twice.
      safeToRetry: new Set(),
    });
  }

  private async send(channelId: string, threadTs: string | undefined, reply: Reply): Promise<PostOutcome> {
    const { text, blocks } = renderReply({ ...reply, ephemeral: false }, { encode: this.options.encode });
    try {
      const result = await this.client.chat.postMessage({
        channel: channelId,
        text,
        blocks,
        unfurl_links: false,
        unfurl_media: false,
        ...(threadTs ? { thread_ts: threadTs } : {}),
      });
      return { ok: true, ...(result.ts ? { messageId: result.ts } : {}) };
    } catch (error) {
      const outcome = classifySlackError(error);
      this.options.log?.warn({ channelId, threadTs, kind: outcome.kind, err: describeError(error) }, 'slack post failed');
      return outcome;
    }
  }
}

type Failure = Exclude<PostOutcome, { ok: true }>;

/**
 * Maps a Web API client error to the scheduler's failure kinds. `chat.postMessage` has no
 * idempotency key, so anything that may have reached Slack (timeouts, resets, 5xx) is `uncertain`
 * rather than retried; only failures where Slack surely did nothing are `transient`.
 */
export function classifySlackError(error: unknown): Failure {
  const e = (error ?? {}) as { code?: string; message?: string; retryAfter?: number; statusCode?: number; data?: { error?: string }; original?: { code?: string } };
  const message = e.message ?? String(error);
  switch (e.code) {
    case webApi.ErrorCode.RateLimitedError:
      return { ok: false, kind: 'rate_limited', retryAfterMs: Math.max(0, (e.retryAfter ?? 1) * 1000), message };
    case webApi.ErrorCode.PlatformError: {
      const code = e.data?.error ?? 'unknown_error';
      if (code === 'ratelimited' || code === 'rate_limited') {
        return { ok: false, kind: 'rate_limited', retryAfterMs: DEFAULT_RETRY_AFTER_MS, message: code };
      }
      if (PERMANENT_ERRORS.has(code)) return { ok: false, kind: 'permanent', message: code };
      if (CREDENTIAL_ERRORS.has(code)) return { ok: false, kind: 'fatal', message: code };
      if (PAYLOAD_ERRORS.has(code)) return { ok: false, kind: 'rejected', message: code };
      if (MAYBE_DONE_ERRORS.has(code)) return { ok: false, kind: 'uncertain', message: code };
      // Anything else (service_unavailable, request_timeout, ...) was answered without posting: bounded retries.
      return { ok: false, kind: 'transient', message: code };
    }
    case webApi.ErrorCode.HTTPError: {
      const status = e.statusCode ?? 0;
      const text = `HTTP ${status}`;
      if (status === 429) return { ok: false, kind: 'rate_limited', retryAfterMs: DEFAULT_RETRY_AFTER_MS, message };
      // Slack answers errors with 200 and ok:false; these statuses mean a wrong token or SLACK_API_URL.
      if (status === 401 || status === 403 || status === 404 || status === 410) return { ok: false, kind: 'fatal', message: text };
      if (status >= 500) return { ok: false, kind: 'uncertain', message: text };
      return { ok: false, kind: 'rejected', message: text };
    }
    case webApi.ErrorCode.RequestError: {
      const code = e.original?.code;
      if (code && NOT_SENT_CODES.has(code)) return { ok: false, kind: 'transient', message };
      // Timeouts and resets: Slack may have posted before the answer was lost.
      return { ok: false, kind: 'uncertain', message };
    }
    default:
      // A 429 without a usable Retry-After arrives as a plain error: nothing was posted.
      if (message.startsWith('Retry header did not contain a valid timeout')) {
        return { ok: false, kind: 'rate_limited', retryAfterMs: DEFAULT_RETRY_AFTER_MS, message: 'HTTP 429 without Retry-After' };
      }
      return { ok: false, kind: 'uncertain', message };
  }
}
