/**
 * The storage ports: one interface per aggregate, every method asynchronous, so a network
 * database can implement them as well as the embedded SQLite file. Commands reach storage only
 * through the core's ports; the scheduler and the app use these directly. Every engine must pass
 * the contract suite in tests/store/contract.ts.
 */
import type { DeliveryState } from '../core/delivery-state.js';
import type { FeedbackLog, PaperMessages, Privacy } from '../core/feedback.js';
import type { ReadingLists } from '../core/reading-list.js';
import type { ChannelRef, Subscription, SubscriptionInput } from '../core/subscription.js';
import type { Paper } from '../corpus/paper.js';

export type { DeliveryState } from '../core/delivery-state.js';
export type { ChannelVote, FeedbackLog, ForgetReport, Privacy, Vote } from '../core/feedback.js';
export type { ListOwner, ReadingLists, SavedPaper } from '../core/reading-list.js';
export type { ChannelRef, Subscription, SubscriptionInput, Weekday } from '../core/subscription.js';

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
  /** The replica that claimed (or adopted) the slot; absent for slots claimed before replicas. */
  owner?: string;
}

export interface DeliveryPatch {
  error?: string;
  messageId?: string;
  /** The digest's papers, recorded when it is about to be sent. */
  paperIds?: readonly string[];
  /** Count one more network attempt. */
  attempt?: boolean;
}

export interface UpsertResult {
  subscription: Subscription;
  created: boolean;
  wasPaused: boolean;
}

export interface SubscriptionRepo {
  /** Inserts, or updates the channel's subscription to the same topic (`topicKey`), atomically. */
  upsert(input: SubscriptionInput, now: Date): Promise<UpsertResult>;
  get(id: number): Promise<Subscription | undefined>;
  listChannel(channel: ChannelRef): Promise<Subscription[]>;
  /** Every subscription of one workspace (Slack team, Discord server), by channel then id. */
  listWorkspace(platform: string, workspaceId: string): Promise<Subscription[]>;
  /** Every subscription that is not paused. */
  listActive(): Promise<Subscription[]>;
  /** Removes the subscription with its ledger rows. */
  remove(id: number): Promise<boolean>;
  removeChannel(channel: ChannelRef): Promise<number>;
  pause(id: number, reason: string, now: Date): Promise<void>;
  /** Lifts a pause; false when the subscription was not paused. */
  resume(id: number, now: Date): Promise<boolean>;
}

export interface DeliveryLedger {
  /** Creates the slot in state `claimed`, owned by `owner`; false when the slot already exists (someone else has it). */
  claim(slot: SlotKey, dueAt: Date, now: Date, owner?: string): Promise<boolean>;
  /**
   * Compare-and-set of ownership: a `claimed` slot owned by `from` (undefined: no owner) becomes
   * `to`'s. How a replica takes over the slots of one that died; false when another was quicker.
   */
  adopt(slot: SlotKey, from: string | undefined, to: string, now: Date): Promise<boolean>;
  /** Records a missed slot as `skipped`; false when the slot already exists. */
  skip(slot: SlotKey, dueAt: Date, reason: string, now: Date): Promise<boolean>;
  /**
   * Compare-and-set: moves the slot to `to` only if it is in one of `from`. Throws
   * `IllegalTransition` when the state machine forbids any `from` → `to`. Moving to `uncertain`
   * also records the slot's papers in the channel history, in the same transaction: a digest that
   * may have been posted must not be repeated.
   */
  transition(slot: SlotKey, from: readonly DeliveryState[], to: DeliveryState, now: Date, patch?: DeliveryPatch): Promise<boolean>;
  /** `sending` → `sent` and the channel's history, in one transaction. */
  complete(slot: SlotKey, channel: ChannelRef, paperIds: readonly string[], now: Date, messageId?: string): Promise<boolean>;
  get(slot: SlotKey): Promise<Delivery | undefined>;
  /** Slots left `claimed` or `sending`, e.g. by a crash, oldest first. */
  open(): Promise<Delivery[]>;
  /**
   * When the subscription's last digest was due, among those that went out (or may have:
   * `uncertain`); undefined before the first. The due time, not the sending time: papers that
   * arrived while a slow fan-out was posting must still reach the next digest.
   */
  lastDelivered(subscriptionId: number): Promise<Date | undefined>;
  /** The subscription's most recent slot by date, whatever its state. */
  latest(subscriptionId: number): Promise<Delivery | undefined>;
  /** Keys (`slotKey`) of every slot dated on or after `sinceDate`. */
  keysSince(sinceDate: string): Promise<Set<string>>;
}

export interface ChannelHistory {
  /** Papers already posted to the channel. */
  postedIds(channel: ChannelRef): Promise<Set<string>>;
  record(channel: ChannelRef, paperIds: readonly string[], now: Date): Promise<void>;
}

/** What one source has done lately, for `ingest status` and health. */
export interface SourceStatus {
  source: string;
  lastSuccess?: Date;
  lastError?: string;
  lastErrorAt?: Date;
  papersAdded: number;
}

export interface PaperRepo {
  /** Inserts or replaces each paper by its id, all in one transaction (no half-written batch). */
  save(papers: readonly Paper[], now: Date): Promise<void>;
  all(): Promise<Paper[]>;
  get(id: string): Promise<Paper | undefined>;
  byArxivId(arxivId: string): Promise<Paper | undefined>;
  /** Papers whose normalised title (`titleKey`) matches. */
  byTitleKey(key: string): Promise<Paper[]>;
  count(): Promise<number>;
  /**
   * Papers saved after change `after`, in the order they were saved, with the number of the last
   * change. Changes are numbered in commit order, so polling from the last number misses none.
   */
  changedSince(after: number): Promise<{ papers: Paper[]; change: number }>;
  /** The number of the last change; 0 before the first save. */
  lastChange(): Promise<number>;
  /** Records a fetch: success with the number of new papers, or an error. */
  recordFetch(source: string, outcome: { ok: true; added: number } | { ok: false; error: string }, now: Date): Promise<void>;
  sourceStatus(): Promise<SourceStatus[]>;
}

/** A paper's vector under one embedding model, with the hash of the text it was computed from. */
export interface StoredEmbedding {
  paperId: string;
  /** Unit length; as many numbers as the model gives. */
  vector: Float32Array;
  /** `embeddingTextHash(paper)`: a vector whose paper's title or abstract changed since is stale. */
  textHash: string;
}

/**
 * Vectors of stored papers, per embedding model (`EmbeddingProvider.model`), computed when a paper
 * is stored so that no replica asks a remote model twice for the same text. A vector belongs to a
 * stored paper: saving one for a paper the store does not have fails.
 */
export interface EmbeddingRepo {
  /** Inserts or replaces each paper's vector under `model`, all in one transaction. */
  save(model: string, vectors: readonly StoredEmbedding[], now: Date): Promise<void>;
  /** The vectors `model` has for these papers, in no particular order (papers without one are left out). */
  get(model: string, paperIds: readonly string[]): Promise<StoredEmbedding[]>;
  /** Number of vectors kept under `model`. */
  count(model: string): Promise<number>;
  /** Forgets the vectors of every model but `keep` (a model replaced by a retrained or another one); the number forgotten. */
  pruneOtherModels(keep: string): Promise<number>;
}

export interface Lease {
  name: string;
  holder: string;
  expiresAt: Date;
}

/**
 * Named leases with an expiry, shared by every replica on the database: one replica at a time
 * holds a lease (say, ingestion), and a holder that stops renewing loses it when it expires.
 */
export interface LeaseRepo {
  /** Takes the lease, or renews it for its holder, until `now + ttlMs`; false while another holder's is unexpired. */
  acquire(name: string, holder: string, ttlMs: number, now: Date): Promise<boolean>;
  /** Ends the lease if `holder` has it, so another replica may take it at once. */
  release(name: string, holder: string): Promise<void>;
  /** Unexpired leases whose name starts with `prefix`, by name. */
  active(prefix: string, now: Date): Promise<Lease[]>;
  /** Forgets leases that expired before `before`; the number forgotten. */
  prune(before: Date): Promise<number>;
}

export interface RateLimit {
  /** Commands allowed in a burst. */
  burst: number;
  /** Sustained commands per minute. */
  perMinute: number;
}

/** Token buckets by key (one per user), shared by every replica, so N replicas do not give N times the limit. */
export interface RateLimitRepo {
  /** Takes one token from `key`'s bucket, atomically; 0 when allowed, else the seconds to wait. */
  take(key: string, limit: RateLimit, now: Date): Promise<number>;
  /** Forgets buckets untouched since `before` (full again by then); the number forgotten. */
  prune(before: Date): Promise<number>;
}

/** Requests already handled, by the platform's own id, so a retry that reaches another replica is not run twice. */
export interface RequestLog {
  /** Records `key`; true the first time, false when any replica recorded it before. */
  first(key: string, now: Date): Promise<boolean>;
  /** Forgets keys recorded before `before`; the number forgotten. */
  prune(before: Date): Promise<number>;
}

export interface Store {
  readonly engine: string;
  readonly subscriptions: SubscriptionRepo;
  readonly deliveries: DeliveryLedger;
  readonly history: ChannelHistory;
  readonly papers: PaperRepo;
  readonly embeddings: EmbeddingRepo;
  readonly readingLists: ReadingLists;
  readonly feedback: FeedbackLog;
  /** `forget me`: everything about one user, deleted or anonymised in one transaction. */
  readonly privacy: Privacy;
  readonly paperMessages: PaperMessages;
  readonly leases: LeaseRepo;
  readonly rateLimits: RateLimitRepo;
  readonly requests: RequestLog;
  /** True when the store answers a trivial query; false once closed or broken (health checks). */
  ping(): Promise<boolean>;
  /** `ok`, or what the engine's own consistency check found. */
  check(): Promise<string>;
  close(): Promise<void>;
}

export function slotKey(slot: SlotKey): string {
  return `${slot.subscriptionId}|${slot.slotDate}`;
}

