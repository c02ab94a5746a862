/**
 * A polite HTTP GET client for paper sources: identifies itself, retries what is worth retrying
 * with backoff, honours the server's requested waits, caps response size and time, remembers
 * validators for conditional requests, and can pace and serialise requests (arXiv's terms).
 */
import { setTimeout as delay } from 'node:timers/promises';
import { readLimited, readPrefix } from './body.js';
import { ValidatorCache } from './conditional.js';
import { SourceError, bodySnippet, describeTarget } from './errors.js';
import { Pacer } from './pacer.js';
import { requestedWait } from './retry-after.js';

export interface HttpClientOptions {
  /** Sent as User-Agent on every request, e.g. `paperbot/0.1.0`. */
  userAgent: string;
  /** Sent on every request (e.g. Authorization). Values never appear in errors. */
  headers?: Record<string, string>;
  /** Per attempt, until the whole body is read. Default 20 s. */
  timeoutMs?: number;
  /** Largest body accepted. Default 20 MiB. */
  maxBytes?: number;
  /** Tries per request, the first included. Default 4. */
  maxAttempts?: number;
  /** First backoff step; doubles per retry, with jitter. Default 1 s. */
  baseDelayMs?: number;
  /** Longest backoff step. Default 30 s. */
  maxDelayMs?: number;
  /** Longest server-requested wait (Retry-After, RateLimit) we accept; longer fails as rate_limited. Default 5 min. */
  maxRetryAfterMs?: number;
  /** Minimum gap between request starts; above 0 also allows one request at a time. Default 0. */
  minIntervalMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** In [0, 1), for backoff jitter. */
  random?: () => number;
  /** Epoch milliseconds, for pacing and Retry-After dates. */
  now?: () => number;
}

export interface RequestOptions {
  /** Added to (and overriding) the client's headers for this request. */
  headers?: Record<string, string>;
  /** Send the validators of an earlier answer for this URL; an unchanged resource then answers 304. */
  conditional?: boolean;
  /** Statuses besides 2xx to return instead of throwing, e.g. 404 for a lookup. */
  accept?: readonly number[];
}

export interface HttpResponse {
  status: number;
  /** The server answered 304 to a conditional request: `text` is empty, the caller's copy is current. */
  notModified: boolean;
  text: string;
  headers: Headers;
}

type Attempt =
  | { response: HttpResponse }
  | { error: SourceError; retry: boolean; waitMs?: number };

const ERROR_SNIPPET_BYTES = 4096;

export class HttpClient {
  private readonly userAgent: string;
  private readonly headers: Record<string, string>;
  private readonly secrets: string[];
  private readonly timeoutMs: number;
  private readonly maxBytes: number;
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly maxRetryAfterMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly now: () => number;
  private readonly pacer: Pacer | undefined;
  private readonly validators = new ValidatorCache();

  /**
   * Forgets the validators of earlier answers. A caller whose run failed after some pages answered
   * 200 must call it: those pages would otherwise answer 304 next time and their papers, never
   * stored, would be lost.
   */
  forgetValidators(): void {
    this.validators.clear();
  }

  constructor(options: HttpClientOptions) {
    if (!options.userAgent.trim()) throw new RangeError('userAgent must not be empty');
    this.userAgent = options.userAgent;
    this.headers = { ...options.headers };
    // Whole header values and their parts ("Bearer hf_…" and "hf_…") are blanked in error snippets.
    this.secrets = Object.values(this.headers)
      .flatMap((value) => [value, ...value.split(/\s+/)])
      .filter((value) => value.length >= 8);
    this.timeoutMs = options.timeoutMs ?? 20_000;
    this.maxBytes = options.maxBytes ?? 20 * 1024 * 1024;
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 4);
    this.baseDelayMs = options.baseDelayMs ?? 1000;
    this.maxDelayMs = options.maxDelayMs ?? 30_000;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 5 * 60_000;
    // Unref'd, like the timeout below: a background poll backing off must not keep a quitting process alive.
    this.sleep = options.sleep ?? ((ms) => delay(ms, undefined, { ref: false }));
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
    const minIntervalMs = options.minIntervalMs ?? 0;
    this.pacer = minIntervalMs > 0 ? new Pacer(minIntervalMs, this.now, this.sleep) : undefined;
  }

  /** GETs `url`, retrying per the rules above; throws SourceError when it cannot get an answer. */
  async get(url: string, options: RequestOptions = {}): Promise<HttpResponse> {
    const target = describeTarget(url);
    for (let attempt = 1; ; attempt++) {
      const run = () => this.attempt(url, target, options);
      const result = await (this.pacer ? this.pacer.run(run) : run());
      if ('response' in result) return result.response;
      if (!result.retry || attempt >= this.maxAttempts) throw withAttempts(result.error, attempt);
      await this.sleep(result.waitMs ?? this.backoff(attempt));
    }
  }

  /** Exponential backoff with "equal jitter": half the step fixed, half random, so waits never collapse to 0. */
  private backoff(attempt: number): number {
    const step = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (attempt - 1));
    return Math.round(step / 2 + (this.random() * step) / 2);
  }

  private async attempt(url: string, target: string, options: RequestOptions): Promise<Attempt> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeoutMs).unref();
    try {
      const response = await fetch(url, { headers: this.requestHeaders(url, options), signal: controller.signal });
      return await this.interpret(url, target, response, options);
    } catch (error) {
      if (error instanceof SourceError) return { error, retry: false };
      if (timedOut) {
        return { error: new SourceError('timeout', `GET ${target}: no complete answer within ${this.timeoutMs} ms`), retry: true };
      }
      return { error: new SourceError('network', `GET ${target}: ${networkReason(error)}`), retry: true };
    } finally {
      clearTimeout(timer);
      // Drops the connection if a body was left unread (too large, or not wanted).
      controller.abort();
    }
  }

  private requestHeaders(url: string, options: RequestOptions): Headers {
    const headers = new Headers(this.headers);
    headers.set('user-agent', this.userAgent);
    for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);
    if (options.conditional) this.validators.apply(url, headers);
    return headers;
  }

  private async interpret(url: string, target: string, response: Response, options: RequestOptions): Promise<Attempt> {
    const { status, headers } = response;
    if (status === 304) return { response: { status, notModified: true, text: '', headers } };
    const ok = status >= 200 && status < 300;
    if (ok || options.accept?.includes(status)) {
      const text = await readLimited(response, this.maxBytes, `GET ${target}`);
      if (ok && options.conditional) this.validators.remember(url, headers);
      return { response: { status, notModified: false, text, headers } };
    }
    const snippet = bodySnippet(await readPrefix(response, ERROR_SNIPPET_BYTES), this.secrets);
    const message = `GET ${target}: HTTP ${status}${snippet ? ` ${snippet}` : ''}`;
    if (status === 429 || status === 503) {
      const waitMs = requestedWait(status, headers, this.now());
      if (waitMs !== undefined && waitMs > this.maxRetryAfterMs) {
        const error = new SourceError('rate_limited', `${message} (asked to wait ${waitMs} ms)`, { status, retryAfterMs: waitMs });
        return { error, retry: false };
      }
      const kind = status === 429 ? 'rate_limited' : 'http_error';
      return { error: new SourceError(kind, message, { status }), retry: true, ...(waitMs === undefined ? {} : { waitMs }) };
    }
    return { error: new SourceError('http_error', message, { status }), retry: status >= 500 };
  }
}

/** The same error, saying how many attempts were made when there was more than one. */
function withAttempts(error: SourceError, attempts: number): SourceError {
  if (attempts === 1) return error;
  const { status, retryAfterMs } = error;
  return new SourceError(error.kind, `${error.message} (after ${attempts} attempts)`, { status, retryAfterMs });
}

/** Undici reports "fetch failed" with the system error code (ECONNREFUSED…) on its cause. */
function networkReason(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  return code ? `network error (${code})` : 'network error';
}
