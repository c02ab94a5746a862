/**
 * Delivering one digest slot through the ledger, following the state machine in
 * src/core/delivery-state.ts: compose, then `claimed` → `sending` right before each network call
 * (a compare-and-set, so only one caller ever sends a slot), `sent` with the channel's paper
 * history in the same transaction. A 429 sets the slot back to `claimed` (nothing was posted, so
 * a restart may resend it). A permanent refusal marks it `paused` and pauses the subscription; an
 * `uncertain` outcome marks it `uncertain` (at most once); a `fatal` one (bad credentials) leaves
 * it `claimed` and halts the platform for the rest of the run, so the other slots are not tried.
 */
import { DateTime } from 'luxon';
import type { PaperLibrary } from '../core/library.js';
import type { Logger } from '../core/logger.js';
import type { Platform } from '../core/command.js';
import type { DeliveryState } from '../core/delivery-state.js';
import type { Poster, PostOutcome } from '../core/poster.js';
import type { Subscription } from '../core/subscription.js';
import type { PostNowResult } from '../core/subscriptions.js';
import { channelTaste } from '../core/taste.js';
import type { DeliveryPatch, SlotKey, Store } from '../store/types.js';
import { composeDigest, type ComposedDigest } from './compose.js';
import { postWithRetry, type RetryDeps } from './retry.js';

export type FailureKind = Exclude<PostOutcome, { ok: true }>['kind'];

/** Observers of digest outcomes (Prometheus metrics). They must not throw; errors are logged and ignored. */
export interface DeliveryHooks {
  /** Once per digest that reached its channel (scheduled slot or `postNow`). */
  posted?(platform: Platform): void;
  /** Once per digest that ended failed, with the final outcome kind. */
  failed?(platform: Platform, kind: FailureKind): void;
  /** On every 429 wait, with the wait in seconds. */
  rateLimited?(platform: Platform, seconds: number): void;
}

export interface DeliveryDeps {
  store: Store;
  library: () => PaperLibrary;
  posters: ReadonlyMap<Platform, Poster>;
  themes: readonly string[];
  retry: RetryDeps;
  now: () => Date;
  log: Logger;
  hooks?: DeliveryHooks;
}

/** Calls a hook without letting a broken observer break delivery. */
export function notify<K extends keyof DeliveryHooks>(deps: Pick<DeliveryDeps, 'hooks' | 'log'>, name: K, ...args: Parameters<NonNullable<DeliveryHooks[K]>>): void {
  const hook = deps.hooks?.[name] as ((...a: typeof args) => void) | undefined;
  try {
    hook?.(...args);
  } catch (error) {
    deps.log.warn({ err: error, hook: name }, 'delivery hook threw');
  }
}

/**
 * Shared by the deliveries of one tick or catch-up: platforms whose credentials were refused,
 * with the reason. Their remaining slots stay `claimed` (nothing was sent), so a restart with
 * fixed credentials still posts them within the grace period.
 */
export interface DeliveryRun {
  halted: Map<Platform, string>;
}

export const newRun = (): DeliveryRun => ({ halted: new Map() });

export interface DeliveryReport extends SlotKey {
  state: DeliveryState | 'aborted';
  attempts: number;
  error?: string;
}

export async function compose(deps: DeliveryDeps, sub: Subscription, localDate: string): Promise<ComposedDigest> {
  const posted = await deps.store.history.postedIds(sub);
  // New-papers mode starts where the last digest left off (or where the schedule began).
  const since = sub.mode === 'new' ? ((await deps.store.deliveries.lastDelivered(sub.id)) ?? sub.scheduleFrom) : undefined;
  const library = deps.library();
  // New-papers digests list what arrived, not what the channel likes: no model to train.
  const taste = sub.mode === 'new' ? undefined : await channelTaste(deps.store.feedback, sub, library);
  return composeDigest({ library, subscription: sub, posted, localDate, themes: deps.themes, ...(since ? { since } : {}), ...(taste ? { taste } : {}) });
}

/** A threaded digest's replies hold one paper each: remembered, so reactions on them are votes. */
async function rememberPaperMessages(
  deps: DeliveryDeps,
  sub: Subscription,
  paperIds: readonly string[],
  messages: readonly { channelId: string; messageId: string }[] | undefined,
): Promise<void> {
  if (!messages || messages.length !== paperIds.length) return;
  await deps.store.paperMessages.record(sub.platform, sub.channelId, messages.map((m, i) => ({ ...m, paperId: paperIds[i]! })), deps.now());
}

function failureText(outcome: Exclude<PostOutcome, { ok: true }>): string {
  return outcome.kind === 'permanent' ? outcome.message : `${outcome.kind}: ${outcome.message}`;
}

/** Pauses a subscription whose channel refuses posts for good (deleted, bot removed, no access). */
export async function pauseFor(deps: DeliveryDeps, sub: Subscription, message: string): Promise<void> {
  await deps.store.subscriptions.pause(sub.id, `Posting failed: ${message}`, deps.now());
  deps.log.warn({ subscriptionId: sub.id, platform: sub.platform, channelId: sub.channelId, reason: message }, 'subscription paused');
}

/** Where a slot stands, as this process last moved it; every move is a compare-and-set in the ledger. */
class SlotProgress {
  state: DeliveryState = 'claimed';
  constructor(
    private readonly deps: DeliveryDeps,
    readonly slot: SlotKey,
  ) {}

  /** Moves the slot on; false when another process moved it first. */
  async move(to: DeliveryState, patch?: DeliveryPatch): Promise<boolean> {
    if (to === this.state && !patch?.attempt) return true;
    const moved = await this.deps.store.deliveries.transition(this.slot, [this.state], to, this.deps.now(), patch);
    if (moved) this.state = to;
    return moved;
  }
}

/** Where each final outcome leaves the slot. Refused credentials mean nothing was posted: it stays owed. */
const SETTLED: Record<Exclude<PostOutcome, { ok: true }>['kind'], DeliveryState> = {
  uncertain: 'uncertain',
  fatal: 'claimed',
  permanent: 'paused',
  rejected: 'failed',
  transient: 'failed',
  rate_limited: 'failed',
};

export async function deliverSlot(deps: DeliveryDeps, slot: SlotKey, run: DeliveryRun = newRun()): Promise<DeliveryReport> {
  const { store, log } = deps;
  const progress = new SlotProgress(deps, slot);
  const fail = async (to: 'failed' | 'skipped', error: string, platform?: Platform): Promise<DeliveryReport> => {
    // A missing poster or a composition bug: retrying cannot help, but the channel is fine, so no pause.
    if ((await progress.move(to, { error })) && to === 'failed' && platform) notify(deps, 'failed', platform, 'rejected');
    return { ...slot, state: to, attempts: 0, error };
  };
  const sub = await store.subscriptions.get(slot.subscriptionId);
  if (!sub || sub.pausedReason) return fail('skipped', 'subscription paused or removed before posting');
  const poster = deps.posters.get(sub.platform);
  if (!poster) {
    log.error({ subscriptionId: sub.id, platform: sub.platform }, 'no poster for platform; digest not posted');
    return fail('failed', `no poster for ${sub.platform}`, sub.platform);
  }
  const halted = () => run.halted.get(sub.platform);
  const notTried = (): DeliveryReport => ({ ...slot, state: 'claimed', attempts: 0, error: `not attempted: ${halted()}` });
  if (halted()) return notTried();
  let digest: ComposedDigest;
  try {
    digest = await compose(deps, sub, slot.slotDate);
  } catch (error) {
    log.error({ err: error, subscriptionId: sub.id }, 'digest composition failed');
    return fail('failed', `composition failed: ${error instanceof Error ? error.message : String(error)}`, sub.platform);
  }
  if (digest.empty) {
    log.info({ subscriptionId: sub.id, slotDate: slot.slotDate }, 'nothing new for this digest; nothing posted');
    return fail('skipped', 'nothing new since the last digest');
  }
  const result = await postWithRetry(poster, sub, digest.reply, `d${sub.id}-${slot.slotDate}`, deps.retry, {
    halted: () => halted() !== undefined,
    // Set while the request's permit is held, so posts queued behind it see the halt.
    afterAttempt: (outcome) => {
      if (!outcome.ok && outcome.kind === 'fatal') run.halted.set(sub.platform, `${sub.platform} refused our credentials (${outcome.message})`);
    },
    // The papers go with the slot: if it ends uncertain, they count as seen and are not repeated.
    beforeAttempt: () => progress.move('sending', { attempt: true, paperIds: digest.paperIds }),
    afterRateLimit: async () => {
      await progress.move('claimed');
    },
  });
  if ('aborted' in result) {
    if (result.aborted !== 'platform_halted') return { ...slot, state: 'aborted', attempts: result.attempts, error: result.aborted };
    // Halted between retries: an earlier attempt already counts, so give up like after the last retry.
    if (progress.state === 'claimed') return notTried();
    const error = `not retried: ${halted()}`;
    await progress.move('failed', { error });
    notify(deps, 'failed', sub.platform, 'fatal');
    log.error({ subscriptionId: sub.id, platform: sub.platform, slotDate: slot.slotDate, error }, 'digest not retried: platform halted');
    return { ...slot, state: 'failed', attempts: result.attempts, error };
  }
  const { outcome, attempts } = result;
  if (outcome.ok) {
    await store.deliveries.complete(slot, sub, digest.paperIds, deps.now(), outcome.messageId);
    await rememberPaperMessages(deps, sub, digest.paperIds, outcome.paperMessages);
    notify(deps, 'posted', sub.platform);
    log.info({ subscriptionId: sub.id, slotDate: slot.slotDate, papers: digest.paperIds.length, attempts }, 'digest posted');
    return { ...slot, state: 'sent', attempts };
  }
  const error = failureText(outcome);
  // Refused credentials prove only that the last attempt sent nothing; an earlier one may have.
  const to = outcome.kind === 'fatal' && result.maybeSent ? 'uncertain' : SETTLED[outcome.kind];
  await progress.move(to, { error });
  notify(deps, 'failed', sub.platform, outcome.kind);
  const context = { subscriptionId: sub.id, platform: sub.platform, channelId: sub.channelId, slotDate: slot.slotDate, attempts, error };
  switch (outcome.kind) {
    case 'permanent':
      await pauseFor(deps, sub, outcome.message);
      break;
    case 'uncertain':
      log.warn(context, 'digest may have been posted; marked uncertain and not resent');
      break;
    case 'fatal':
      log.error(context, `${sub.platform} refused our credentials; no more digests to it in this run (fix the token; nothing was paused)`);
      break;
    case 'rejected':
      log.error(context, 'platform rejected the digest; not retried');
      break;
    default:
      log.error(context, 'digest not posted after retries');
  }
  return { ...slot, state: to, attempts, error };
}

/** An extra digest outside the schedule: no ledger slot, same history, retries and pause rules. */
export async function deliverNow(deps: DeliveryDeps, sub: Subscription): Promise<PostNowResult> {
  const localDate = DateTime.fromJSDate(deps.now(), { zone: sub.timezone }).toISODate()!;
  const digest = await compose(deps, sub, localDate);
  if (digest.empty) return { status: 'empty', label: digest.label };
  const poster = deps.posters.get(sub.platform);
  if (!poster) {
    await deps.store.history.record(sub, digest.paperIds, deps.now());
    return { status: 'no_poster', digest };
  }
  const key = `n${sub.id}-${deps.now().getTime().toString(36)}`;
  const result = await postWithRetry(poster, sub, digest.reply, key, deps.retry, { beforeAttempt: async () => true });
  if ('aborted' in result) return { status: 'failed', error: 'the bot is shutting down', paused: false, retryable: true };
  if (result.outcome.ok) {
    await deps.store.history.record(sub, digest.paperIds, deps.now());
    await rememberPaperMessages(deps, sub, digest.paperIds, result.outcome.paperMessages);
    notify(deps, 'posted', sub.platform);
    return { status: 'posted', digest, ...(result.outcome.messageId ? { messageId: result.outcome.messageId } : {}) };
  }
  const { outcome } = result;
  notify(deps, 'failed', sub.platform, outcome.kind);
  const permanent = outcome.kind === 'permanent';
  if (permanent) await pauseFor(deps, sub, outcome.message);
  else deps.log.error({ subscriptionId: sub.id, platform: sub.platform, kind: outcome.kind, error: outcome.message }, 'digest-now not posted');
  // Maybe posted: never offer these papers again.
  if (outcome.kind === 'uncertain') await deps.store.history.record(sub, digest.paperIds, deps.now());
  return { status: 'failed', error: userFacing(outcome), paused: permanent, retryable: outcome.kind === 'transient' || outcome.kind === 'rate_limited' };
}

/** What a person in the channel can act on; the library's own wording stays in the log. */
function userFacing(outcome: Exclude<PostOutcome, { ok: true }>): string {
  switch (outcome.kind) {
    case 'uncertain':
      return 'the platform did not confirm the post in time, so it may have been posted; check the channel before trying again';
    case 'permanent':
      // Already a short classified reason, such as `channel_not_found` or `Missing Access (50001)`.
      return `the bot cannot post in this channel (${outcome.message})`;
    case 'rate_limited':
      return 'the platform asked the bot to slow down';
    case 'rejected':
      return 'the platform refused the message';
    case 'fatal':
      return "the platform refused the bot's credentials";
    default:
      return 'the platform did not answer';
  }
}
