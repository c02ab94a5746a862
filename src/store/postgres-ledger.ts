/**
 * The delivery ledger on Postgres, with the semantics of sqlite-ledger.ts: the claim is an
 * `INSERT … ON CONFLICT DO NOTHING` on the (subscription, date) key, so of any number of replicas
 * exactly one gets the row; every later move is a compare-and-set on the state.
 */
import type pg from 'pg';
import { assertTransitions, OPEN_STATES, type DeliveryState } from '../core/delivery-state.js';
import { recordPosted } from './postgres-history.js';
import { inTransaction, type Queryable } from './postgres-pool.js';
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

const COLUMNS = 'subscription_id, slot_date, due_at, state, attempts, message_id, error, updated_at, owner';

async function insert(db: Queryable, slot: SlotKey, dueAt: Date, state: DeliveryState, error: string | null, now: Date, owner: string | null = null): Promise<boolean> {
  const result = await db.query(
    `INSERT INTO deliveries (subscription_id, slot_date, due_at, state, error, updated_at, owner) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (subscription_id, slot_date) DO NOTHING`,
    [slot.subscriptionId, slot.slotDate, dueAt.getTime(), state, error, now.getTime(), owner],
  );
  return result.rowCount === 1;
}

/** The compare-and-set, inside the caller's transaction. */
async function move(client: pg.PoolClient, slot: SlotKey, from: readonly DeliveryState[], to: DeliveryState, now: Date, patch: DeliveryPatch = {}): Promise<boolean> {
  assertTransitions(from, to);
  const result = await client.query(
    `UPDATE deliveries SET state = $1, updated_at = $2, attempts = attempts + $3,
       error = coalesce($4, error), message_id = coalesce($5, message_id), paper_ids = coalesce($6::text[], paper_ids)
     WHERE subscription_id = $7 AND slot_date = $8 AND state = ANY($9::text[])`,
    [to, now.getTime(), patch.attempt ? 1 : 0, patch.error ?? null, patch.messageId ?? null, patch.paperIds ? [...patch.paperIds] : null, slot.subscriptionId, slot.slotDate, [...from]],
  );
  if (result.rowCount !== 1) return false;
  // The papers of a slot that may have reached its channel join the channel's history.
  if (to === 'uncertain') {
    await client.query(
      `INSERT INTO posted_papers (platform, channel_id, paper_id, posted_at)
       SELECT s.platform, s.channel_id, p.id, $1 FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id, unnest(d.paper_ids) AS p (id)
       WHERE d.subscription_id = $2 AND d.slot_date = $3
       ON CONFLICT DO NOTHING`,
      [now.getTime(), slot.subscriptionId, slot.slotDate],
    );
  }
  return true;
}

export function postgresLedger(pool: pg.Pool): DeliveryLedger {
  return {
    claim: (slot, dueAt, now, owner) => insert(pool, slot, dueAt, 'claimed', null, now, owner ?? null),
    skip: (slot, dueAt, reason, now) => insert(pool, slot, dueAt, 'skipped', reason, now),
    adopt: async (slot, from, to, now) => {
      const result = await pool.query(
        "UPDATE deliveries SET owner = $1, updated_at = $2 WHERE subscription_id = $3 AND slot_date = $4 AND state = 'claimed' AND owner IS NOT DISTINCT FROM $5",
        [to, now.getTime(), slot.subscriptionId, slot.slotDate, from ?? null],
      );
      return result.rowCount === 1;
    },
    transition: async (slot, from, to, now, patch) => {
      // Refused before any connection is taken: a bug in the caller, never a race.
      assertTransitions(from, to);
      return inTransaction(pool, (client) => move(client, slot, from, to, now, patch));
    },
    complete: (slot, channel, ids, now, messageId) =>
      inTransaction(pool, async (client) => {
        if (!(await move(client, slot, ['sending'], 'sent', now, messageId !== undefined ? { messageId } : {}))) return false;
        await recordPosted(client, channel, ids, now);
        return true;
      }),
    get: async (slot) => {
      const { rows } = await pool.query<Row>(`SELECT ${COLUMNS} FROM deliveries WHERE subscription_id = $1 AND slot_date = $2`, [slot.subscriptionId, slot.slotDate]);
      return rows[0] && fromRow(rows[0]);
    },
    // Ties in due time keep the order the slots were created in, as SQLite's row order does.
    open: async () =>
      (await pool.query<Row>(`SELECT ${COLUMNS} FROM deliveries WHERE state = ANY($1::text[]) ORDER BY due_at, subscription_id, slot_date`, [[...OPEN_STATES]])).rows.map(fromRow),
    latest: async (subscriptionId) => {
      const { rows } = await pool.query<Row>(`SELECT ${COLUMNS} FROM deliveries WHERE subscription_id = $1 ORDER BY slot_date DESC LIMIT 1`, [subscriptionId]);
      return rows[0] && fromRow(rows[0]);
    },
    lastDelivered: async (subscriptionId) => {
      const { rows } = await pool.query<{ at: number | null }>("SELECT max(due_at) AS at FROM deliveries WHERE subscription_id = $1 AND state IN ('sent', 'uncertain')", [subscriptionId]);
      const at = rows[0]?.at;
      return at == null ? undefined : new Date(at);
    },
    keysSince: async (sinceDate) => {
      const { rows } = await pool.query<{ k: string }>("SELECT subscription_id || '|' || slot_date AS k FROM deliveries WHERE slot_date >= $1", [sinceDate]);
      return new Set(rows.map((r) => r.k));
    },
  };
}
