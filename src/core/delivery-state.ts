/**
 * The life of one digest slot (a subscription on one local date), as data. Every storage engine
 * applies these transitions as compare-and-sets, so two schedulers racing for a slot (two ticks,
 * a catch-up, two replicas) can never both send it.
 *
 * - `claimed`: the slot is ours; nothing has been sent.
 * - `sending`: a network call may be under way; from here a post may have reached the channel.
 * - `sent`: posted; the channel's history holds its papers.
 * - `uncertain`: the post may or may not have gone out (timeout, crash): never resent.
 * - `failed`: gave up (refused message, retries used up, no poster).
 * - `paused`: the channel refuses posts for good; the subscription is paused with it.
 * - `skipped`: missed by more than the grace period, or its subscription went away.
 */
export const DELIVERY_STATES = ['claimed', 'sending', 'sent', 'uncertain', 'failed', 'paused', 'skipped'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/** States a slot can be created in. */
export const INITIAL_STATES: readonly DeliveryState[] = ['claimed', 'skipped'];

export const TRANSITIONS: Readonly<Record<DeliveryState, readonly DeliveryState[]>> = {
  // failed: no poster or composition failed; skipped: too late, or the subscription went away.
  claimed: ['sending', 'failed', 'skipped'],
  // sending again: one more attempt after a transient failure, refused if a catch-up settled the slot meanwhile.
  // claimed: a 429 or refused credentials proved nothing was posted, so it may still be sent.
  sending: ['sending', 'sent', 'uncertain', 'failed', 'paused', 'claimed'],
  sent: [],
  uncertain: [],
  failed: [],
  paused: [],
  skipped: [],
};

export function canTransition(from: DeliveryState, to: DeliveryState): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Final states: the slot is settled and never posted again. */
export function isFinal(state: DeliveryState): boolean {
  return TRANSITIONS[state].length === 0;
}


/** Open slots are left by a crash or still in progress; a catch-up settles them. */
export const OPEN_STATES: readonly DeliveryState[] = DELIVERY_STATES.filter((s) => !isFinal(s));

export class IllegalTransition extends Error {
  constructor(from: DeliveryState, to: DeliveryState) {
    super(`delivery: ${from} → ${to} is not an allowed transition`);
    this.name = 'IllegalTransition';
  }
}

/** Throws when any of `from` may not move to `to`: a bug in the caller, never a race. */
export function assertTransitions(from: readonly DeliveryState[], to: DeliveryState): void {
  for (const state of from) if (!canTransition(state, to)) throw new IllegalTransition(state, to);
}
