/** The delivery ledger: one row per (subscription, local date) slot; every state change is a compare-and-set. */
import type Database from 'better-sqlite3';
import { assertTransitions, OPEN_STATES, type DeliveryState } from '../core/delivery-state.js';
import type { RecordNow } from './sqlite-history.js';
import type { Delivery, DeliveryLedger, DeliveryPatch, SlotKey } from './types.js';

interface Row {
  subscription_id: number;
  slot_date: string;
  due_at: number;
  state: DeliveryState;
  attempts: number;
  message_id: string | null;
  error: string | null;
  updated_at: number;
  owner: string | null;
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
    ...(row.owner !== null ? { owner: row.owner } : {}),
  };
}

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

export function sqliteLedger(db: Database.Database, history: { recordNow: RecordNow }): DeliveryLedger {
  // INSERT OR IGNORE on the (subscription, date) primary key is the claim: only one caller gets a row.
  const insert = db.prepare(`INSERT OR IGNORE INTO deliveries (subscription_id, slot_date, due_at, state, error, updated_at, owner)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);
  // `IS` compares NULL with NULL as equal: a slot claimed before owners existed can be adopted too.
  const adopt = db.prepare("UPDATE deliveries SET owner = ?, updated_at = ? WHERE subscription_id = ? AND slot_date = ? AND state = 'claimed' AND owner IS ?");
  const get = db.prepare<[number, string], Row>('SELECT * FROM deliveries WHERE subscription_id = ? AND slot_date = ?');
  const open = db.prepare<string[], Row>(`SELECT * FROM deliveries WHERE state IN (${marks(OPEN_STATES.length)}) ORDER BY due_at`);
  const lastDelivered = db.prepare<[number], { at: number | null }>(
    "SELECT max(due_at) AS at FROM deliveries WHERE subscription_id = ? AND state IN ('sent', 'uncertain')",
  );
  const latestSlot = db.prepare<[number], Row>('SELECT * FROM deliveries WHERE subscription_id = ? ORDER BY slot_date DESC LIMIT 1');
  const since = db.prepare<[string], { k: string }>("SELECT subscription_id || '|' || slot_date AS k FROM deliveries WHERE slot_date >= ?");
  const updates = new Map<number, Database.Statement>();
  const updateFor = (states: number) => {
    let statement = updates.get(states);
    if (!statement) {
      statement = db.prepare(`UPDATE deliveries SET state = ?, updated_at = ?, attempts = attempts + ?,
        error = coalesce(?, error), message_id = coalesce(?, message_id), paper_ids = coalesce(?, paper_ids)
        WHERE subscription_id = ? AND slot_date = ? AND state IN (${marks(states)})`);
      updates.set(states, statement);
    }
    return statement;
  };
  // The papers of a slot that may have reached its channel join the channel's history.
  const seenIfUncertain = db.prepare(`INSERT OR IGNORE INTO posted_papers (platform, channel_id, paper_id, posted_at)
    SELECT s.platform, s.channel_id, j.value, ? FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id, json_each(d.paper_ids) j
    WHERE d.subscription_id = ? AND d.slot_date = ? AND d.state = 'uncertain' AND d.paper_ids IS NOT NULL`);
  const transitionNow = db.transaction((slot: SlotKey, from: readonly DeliveryState[], to: DeliveryState, now: Date, patch: DeliveryPatch = {}) => {
    assertTransitions(from, to);
    const result = updateFor(from.length).run(
      to,
      now.getTime(),
      patch.attempt ? 1 : 0,
      patch.error ?? null,
      patch.messageId ?? null,
      patch.paperIds ? JSON.stringify(patch.paperIds) : null,
      slot.subscriptionId,
      slot.slotDate,
      ...from,
    );
    if (result.changes === 1 && to === 'uncertain') seenIfUncertain.run(now.getTime(), slot.subscriptionId, slot.slotDate);
    return result.changes === 1;
  });
  const complete = db.transaction((...[slot, channel, ids, now, messageId]: Parameters<DeliveryLedger['complete']>) => {
    if (!transitionNow(slot, ['sending'], 'sent', now, messageId !== undefined ? { messageId } : {})) return false;
    history.recordNow(channel, ids, now);
    return true;
  });

  return {
    claim: async (slot, dueAt, now, owner) => insert.run(slot.subscriptionId, slot.slotDate, dueAt.getTime(), 'claimed', null, now.getTime(), owner ?? null).changes === 1,
    skip: async (slot, dueAt, reason, now) => insert.run(slot.subscriptionId, slot.slotDate, dueAt.getTime(), 'skipped', reason, now.getTime(), null).changes === 1,
    adopt: async (slot, from, to, now) => adopt.run(to, now.getTime(), slot.subscriptionId, slot.slotDate, from ?? null).changes === 1,
    transition: async (...args) => transitionNow.immediate(...args),
    complete: async (...args) => complete.immediate(...args),
    get: async (slot) => {
      const row = get.get(slot.subscriptionId, slot.slotDate);
      return row && fromRow(row);
    },
    open: async () => open.all(...OPEN_STATES).map(fromRow),
    latest: async (subscriptionId) => {
      const row = latestSlot.get(subscriptionId);
      return row && fromRow(row);
    },
    lastDelivered: async (subscriptionId) => {
      const at = lastDelivered.get(subscriptionId)?.at;
      return at == null ? undefined : new Date(at);
    },
    keysSince: async (sinceDate) => new Set(since.all(sinceDate).map((r) => r.k)),
  };
}
