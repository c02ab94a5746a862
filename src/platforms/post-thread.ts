/**
 * Posting a threaded digest, the same on every platform: the message, then the thread under it,
 * then one reply a paper. Once the message is out, nothing may be resent whole, so a paper that
 * still fails after bounded retries makes the outcome `uncertain` (never resent, its papers
 * counted as seen), with a message that says how far it got.
 */
import type { PostOutcome } from '../core/poster.js';
import type { Reply } from '../core/reply.js';
import type { ThreadedReply } from '../core/thread.js';

export type PostFailure = Exclude<PostOutcome, { ok: true }>;
export type ThreadOutcome = { ok: true; threadId: string } | PostFailure;

export interface ThreadIo {
  post(channelOrThreadId: string, reply: Reply, part: number): Promise<PostOutcome>;
  /** Starts the thread under the posted message; Slack needs no call (the message's ts is the thread). */
  openThread(channelId: string, messageId: string): Promise<ThreadOutcome>;
  /** The channel the thread's replies are in; default the thread id itself (Discord). Slack's stay in the channel. */
  replyChannel?: (channelId: string, threadId: string) => string;
  /** Failure kinds a resend cannot duplicate (Discord: `transient`, thanks to its nonce). */
  safeToRetry: ReadonlySet<PostFailure['kind']>;
  sleep?: (ms: number) => Promise<void>;
}

const ATTEMPTS = 3;
/** A 429 inside a thread is waited out, but not for longer than this. */
const MAX_WAIT_MS = 30_000;

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function withRetries<T extends { ok: true } | PostFailure>(io: ThreadIo, run: () => Promise<T>): Promise<T> {
  const sleep = io.sleep ?? wait;
  let outcome = await run();
  for (let attempt = 1; attempt < ATTEMPTS && !outcome.ok; attempt++) {
    if (outcome.kind === 'rate_limited') await sleep(Math.min(outcome.retryAfterMs, MAX_WAIT_MS));
    else if (io.safeToRetry.has(outcome.kind)) await sleep(500 * attempt);
    else break;
    outcome = await run();
  }
  return outcome;
}

export async function postThreaded(channelId: string, parts: ThreadedReply, io: ThreadIo): Promise<PostOutcome> {
  const first = await io.post(channelId, parts.parent, 0);
  if (!first.ok || parts.papers.length === 0) return first;
  const posted = (detail: string): PostFailure => ({ ok: false, kind: 'uncertain', message: `the digest's message was posted, but ${detail}` });
  if (!first.messageId) return posted('the platform gave no message id to start its thread under');
  const thread = await withRetries(io, () => io.openThread(channelId, first.messageId!));
  if (!thread.ok) return posted(`its thread could not be started (${thread.message})`);
  const paperMessages: { channelId: string; messageId: string }[] = [];
  for (const [i, paper] of parts.papers.entries()) {
    const outcome = await withRetries(io, () => io.post(thread.threadId, paper, i + 1));
    if (!outcome.ok) return posted(`only ${i} of ${parts.papers.length} papers reached its thread (${outcome.message})`);
    // Each paper is its own message: a 👍 or 👎 reaction on it is a vote on that paper.
    if (outcome.messageId) paperMessages.push({ channelId: io.replyChannel?.(channelId, thread.threadId) ?? thread.threadId, messageId: outcome.messageId });
  }
  return paperMessages.length === parts.papers.length ? { ...first, paperMessages } : first;
}
