/**
 * The storage port for subscriptions, the delivery ledger and the per-channel history of posted
 * papers. Commands and the scheduler depend only on this interface, so another engine (Postgres,
 * in-memory) can be added without touching them. `openSqliteStore` is the first implementation.
 */
import type { Platform } from '../core/command.js';

/** ISO weekday as luxon numbers it: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** A channel on one platform; channel IDs are only unique within a platform. */
export interface ChannelRef {
  platform: Platform;
  channelId: string;
}

export interface SubscriptionInput extends ChannelRef {
  workspaceId?: string;
  /** `daily` follows the rotating daily theme; `topic` a topic name or any search query. */
  kind: 'topic' | 'daily';
  /** As the user typed it (`daily` for the daily theme). */
  topic: string;
  /** Local wall-clock time `HH:MM`. */
  time: string;
  /** IANA timezone, e.g. `Europe/Paris`. */
  timezone: string;
  /** Days the digest is posted, sorted, never empty. */
  days: Weekday[];
  /** Papers per digest, 1–10. */
  count: number;
  createdBy: string;
}

export interface Subscription extends SubscriptionInput {
  id: number;
  createdAt: Date;
  updatedAt: Date;
  /** Slots before this instant are never posted: a new or changed schedule starts from here. */
  scheduleFrom: Date;
  /** Set when posting failed permanently (channel gone, no access); cleared by subscribe/resume. */
  pausedReason?: string;
  pausedAt?: Date;
}

/**
 * Life of a (subscription, local date) slot: `claimed` before composing, `sending` right before
 * the network call, then `sent`, `failed` (gave up) or `uncertain` (a crash hit while sending,
 * never resent). `skipped` marks a slot missed for longer than the grace period.
 */
export type DeliveryState = 'claimed' | 'sending' | 'sent' | 'failed' | 'uncertain' | 'skipped';

export interface SlotKey {
  subscriptionId: number;
  /** Local date of the slot in the subscription's timezone, `YYYY-MM-DD`. */
  slotDate: string;
}

export interface Delivery extends SlotKey {
  dueAt: Date;
  state: DeliveryState;
  attempts: number;
  messageId?: string;
  error?: string;
  updatedAt: Date;
}

export interface DeliveryPatch {
  error?: string;
  messageId?: string;
  /** Count one more network attempt. */
  attempt?: boolean;
}

export interface SubscriptionStore {
  /** Inserts, or updates the channel's subscription to the same topic (case-insensitive). */
  upsertSubscription(input: SubscriptionInput, now: Date): { subscription: Subscription; created: boolean; wasPaused: boolean };
  getSubscription(id: number): Subscription | undefined;
  listChannel(channel: ChannelRef): Subscription[];
  /** Every subscription that is not paused. */
  listActive(): Subscription[];
  removeSubscription(id: number): boolean;
  removeChannel(channel: ChannelRef): number;
  pause(id: number, reason: string, now: Date): void;
  resume(id: number, now: Date): boolean;

  /** Creates the ledger row in state `claimed`; false when the slot already has a row. */
  claimSlot(slot: SlotKey, dueAt: Date, now: Date): boolean;
  /** Records a missed slot as `skipped`; false when the slot already has a row. */
  skipSlot(slot: SlotKey, dueAt: Date, reason: string, now: Date): boolean;
  /** Compare-and-set: moves the slot to `to` only if it is in one of `from`. */
  transition(slot: SlotKey, from: readonly DeliveryState[], to: DeliveryState, now: Date, patch?: DeliveryPatch): boolean;
  /** Marks a `sending` slot `sent` and records the posted papers, atomically. */
  completeSlot(slot: SlotKey, channel: ChannelRef, paperIds: readonly string[], now: Date, messageId?: string): boolean;
  getDelivery(slot: SlotKey): Delivery | undefined;
  /** Slots left `claimed` or `sending`, e.g. by a crash. */
  openDeliveries(): Delivery[];
  /** Keys `${subscriptionId}|${slotDate}` of every slot dated on or after `sinceDate`. */
  slotKeysSince(sinceDate: string): Set<string>;

  postedIds(channel: ChannelRef): Set<string>;
  recordPosted(channel: ChannelRef, paperIds: readonly string[], now: Date): void;

  /** True when the store answers a trivial query; false once closed or broken (health checks). */
  ping(): boolean;
  close(): void;
}

export function slotKey(slot: SlotKey): string {
  return `${slot.subscriptionId}|${slot.slotDate}`;
}

/** Two subscriptions of a channel are the same when their topics match ignoring case and spacing. */
export function topicKey(input: Pick<SubscriptionInput, 'kind' | 'topic'>): string {
  return input.kind === 'daily' ? 'daily' : input.topic.trim().toLowerCase().replace(/\s+/g, ' ');
}
