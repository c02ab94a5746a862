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
import type { Poster, PostOutcome } from '../../core/poster.js';
import type { Action, Reply } from '../../core/reply.js';
import { describeError } from './safe-error.js';
import { renderReply } from './render.js';

/** Errors after which retrying cannot help: the subscription should pause. */
export const PERMANENT_ERRORS: ReadonlySet<string> = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'account_inactive',
  'invalid_auth',
  'not_authed',
  'token_revoked',
  'token_expired',
  'missing_scope',
  'restricted_action',
  'team_access_not_granted',
]);
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
  options: { apiUrl?: string; timeoutMs?: number; log?: Logger } = {},
): webApi.WebClient {
  return new webApi.WebClient(token, {
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
    retryConfig: { retries: 0 },
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

  async post(channelId: string, reply: Reply, _options: { idempotencyKey: string }): Promise<PostOutcome> {
    // Slack has no idempotency key for chat.postMessage: the scheduler's ledger prevents repeats.
    const { text, blocks } = renderReply({ ...reply, ephemeral: false }, { encode: this.options.encode });
    try {
      const result = await this.client.chat.postMessage({ channel: channelId, text, blocks, unfurl_links: false, unfurl_media: false });
      return { ok: true, ...(result.ts ? { messageId: result.ts } : {}) };
    } catch (error) {
      const outcome = classifySlackError(error);
      this.options.log?.warn({ channelId, kind: outcome.kind, err: describeError(error) }, 'slack post failed');
      return outcome;
    }
  }
}

type Failure = Exclude<PostOutcome, { ok: true }>;

/** Maps a Web API client error to the scheduler's failure kinds. */
export function classifySlackError(error: unknown): Failure {
  const e = (error ?? {}) as { code?: string; message?: string; retryAfter?: number; statusCode?: number; data?: { error?: string } };
  const message = e.message ?? String(error);
  switch (e.code) {
    case webApi.ErrorCode.RateLimitedError:
      return { ok: false, kind: 'rate_limited', retryAfterMs: Math.max(0, (e.retryAfter ?? 1) * 1000), message };
    case webApi.ErrorCode.PlatformError: {
      const code = e.data?.error ?? 'unknown_error';
      if (code === 'ratelimited' || code === 'rate_limited') {
        return { ok: false, kind: 'rate_limited', retryAfterMs: DEFAULT_RETRY_AFTER_MS, message: code };
      }
      // Anything else (internal_error, fatal_error, service_unavailable, ...) gets bounded retries.
      return { ok: false, kind: PERMANENT_ERRORS.has(code) ? 'permanent' : 'transient', message: code };
    }
    case webApi.ErrorCode.HTTPError: {
      const status = e.statusCode ?? 0;
      if (status === 429) return { ok: false, kind: 'rate_limited', retryAfterMs: DEFAULT_RETRY_AFTER_MS, message };
      const permanent = status === 401 || status === 403 || status === 404 || status === 410;
      return { ok: false, kind: permanent ? 'permanent' : 'transient', message: `HTTP ${status}` };
    }
    default:
      // Network errors (slack_webapi_request_error), timeouts, a 429 without a usable Retry-After.
      return { ok: false, kind: 'transient', message };
  }
}
