/** The delivery ledger and the posted-paper history. Every state change is a compare-and-set. */
import type Database from 'better-sqlite3';
import type { ChannelRef, Delivery, DeliveryState, SubscriptionStore } from './types.js';

interface Row {
  subscription_id: number;
  slot_date: string;
  due_at: number;
  state: DeliveryState;
  attempts: number;
  message_id: string | null;
  error: string | null;
  updated_at: number;
}

function fromRow(row: Row): Delivery {
  return {
    subscriptionId: row.subscription_id,
    slotDate: row.slot_date,
    dueAt: new Date(row.due_at),
    state: row.state,
    attempts: row.attempts,
    ...(row.message_id !== null ? { messageId: row.message_id } : {}),
    ...(row.error !== null ? { error: row.error } : {}),
    updatedAt: new Date(row.updated_at),
  };
}

type LedgerMethods = Pick<
  SubscriptionStore,
  'claimSlot' | 'skipSlot' | 'transition' | 'completeSlot' | 'getDelivery' | 'openDeliveries' | 'slotKeysSince' | 'postedIds' | 'recordPosted'
>;

export function ledgerRepo(db: Database.Database): LedgerMethods {
  // INSERT OR IGNORE on the (subscription, date) primary key is the claim: only one caller gets a row.
  const insert = db.prepare(`INSERT OR IGNORE INTO deliveries (subscription_id, slot_date, due_at, state, error, updated_at)
    VALUES (?, ?, ?, ?, ?, ?)`);
  const get = db.prepare<[number, string], Row>('SELECT * FROM deliveries WHERE subscription_id = ? AND slot_date = ?');
  const posted = db.prepare<[string, string], { paper_id: string }>('SELECT paper_id FROM posted_papers WHERE platform = ? AND channel_id = ?');
  const record = db.prepare('INSERT OR IGNORE INTO posted_papers (platform, channel_id, paper_id, posted_at) VALUES (?, ?, ?, ?)');

  const recordPosted = (channel: ChannelRef, ids: readonly string[], now: Date) => {
    for (const id of ids) record.run(channel.platform, channel.channelId, id, now.getTime());
  };
  const updates = new Map<number, Database.Statement>();
  const updateFor = (states: number) => {
    let statement = updates.get(states);
    if (!statement) {
      const marks = Array.from({ length: states }, () => '?').join(', ');
      statement = db.prepare(`UPDATE deliveries SET state = ?, updated_at = ?, attempts = attempts + ?,
        error = coalesce(?, error), message_id = coalesce(?, message_id)
        WHERE subscription_id = ? AND slot_date = ? AND state IN (${marks})`);
      updates.set(states, statement);
    }
    return statement;
  };
  const transition: LedgerMethods['transition'] = (slot, from, to, now, patch = {}) => {
    const result = updateFor(from.length)
      .run(to, now.getTime(), patch.attempt ? 1 : 0, patch.error ?? null, patch.messageId ?? null, slot.subscriptionId, slot.slotDate, ...from);
    return result.changes === 1;
  };
  const complete = db.transaction((...args: Parameters<LedgerMethods['completeSlot']>) => {
    const [slot, channel, ids, now, messageId] = args;
    if (!transition(slot, ['sending'], 'sent', now, messageId !== undefined ? { messageId } : {})) return false;
    recordPosted(channel, ids, now);
    return true;
  });

  return {
    claimSlot: (slot, dueAt, now) => insert.run(slot.subscriptionId, slot.slotDate, dueAt.getTime(), 'claimed', null, now.getTime()).changes === 1,
    skipSlot: (slot, dueAt, reason, now) =>
      insert.run(slot.subscriptionId, slot.slotDate, dueAt.getTime(), 'skipped', reason, now.getTime()).changes === 1,
    transition,
    completeSlot: (...args) => complete.immediate(...args),
    getDelivery: (slot) => {
      const row = get.get(slot.subscriptionId, slot.slotDate);
      return row && fromRow(row);
    },
    openDeliveries: () =>
      db.prepare<[], Row>("SELECT * FROM deliveries WHERE state IN ('claimed', 'sending') ORDER BY due_at").all().map(fromRow),
    slotKeysSince: (sinceDate) => {
      const rows = db.prepare<[string], { k: string }>("SELECT subscription_id || '|' || slot_date AS k FROM deliveries WHERE slot_date >= ?").all(sinceDate);
      return new Set(rows.map((r) => r.k));
    },
    postedIds: (channel) => new Set(posted.all(channel.platform, channel.channelId).map((r) => r.paper_id)),
    recordPosted: db.transaction(recordPosted),
  };
}
