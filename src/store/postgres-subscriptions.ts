/** The subscriptions table on Postgres: rows in, `Subscription` objects out, as in sqlite-subscriptions.ts. */
import type pg from 'pg';
import { topicKey, type Subscription, type SubscriptionInput, type Weekday } from '../core/subscription.js';
import { inTransaction } from './postgres-pool.js';
import type { SubscriptionRepo } from './types.js';

interface Row {
  id: number;
  platform: string;
  workspace_id: string | null;
  channel_id: string;
  kind: 'topic' | 'daily';
  topic: string;
  time: string;
  timezone: string;
  days: string;
  count: number;
  mode: 'best' | 'new';
  empty_note: boolean;
  thread: boolean;
  filters: string[];
  personal: boolean;
  created_by: string;
  created_at: number;
  updated_at: number;
  schedule_from: number;
  paused_reason: string | null;
  paused_at: number | null;
}

function fromRow(row: Row): Subscription {
  return {
    id: row.id,
    platform: row.platform,
    ...(row.workspace_id !== null ? { workspaceId: row.workspace_id } : {}),
    channelId: row.channel_id,
    kind: row.kind,
    topic: row.topic,
    time: row.time,
    timezone: row.timezone,
    days: row.days.split(',').map(Number) as Weekday[],
    count: row.count,
    mode: row.mode,
    ...(row.empty_note ? { emptyNote: true } : {}),
    ...(row.thread ? { thread: true } : {}),
    ...(row.filters.length ? { filters: row.filters } : {}),
    ...(row.personal ? { personal: true } : {}),
    createdBy: row.created_by,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    scheduleFrom: new Date(row.schedule_from),
    ...(row.paused_reason !== null ? { pausedReason: row.paused_reason } : {}),
    ...(row.paused_at !== null ? { pausedAt: new Date(row.paused_at) } : {}),
  };
}

/** Column values of an input, in the order of `COLUMNS`. */
function values(input: SubscriptionInput, now: Date): unknown[] {
  return [
    input.platform,
    input.workspaceId ?? null,
    input.channelId,
    input.kind,
    input.topic,
    topicKey(input),
    input.time,
    input.timezone,
    [...input.days].sort().join(','),
    input.count,
    input.mode,
    input.emptyNote === true,
    input.createdBy,
    now.getTime(),
    input.thread === true,
    JSON.stringify(input.filters ?? []),
    input.personal === true,
  ];
}

// Byte order, as SQLite sorts: the database's own collation may order channel IDs differently.
const BY_CHANNEL = 'channel_id COLLATE "C", id';

export function postgresSubscriptions(pool: pg.Pool): SubscriptionRepo {
  const list = async (where: string, params: unknown[], order = 'id') =>
    (await pool.query<Row>(`SELECT * FROM subscriptions WHERE ${where} ORDER BY ${order}`, params)).rows.map(fromRow);

  return {
    upsert: (input, now) =>
      inTransaction(pool, async (client) => {
        const params = values(input, now);
        const key = [input.platform, input.channelId, topicKey(input)];
        // Two callers racing to create the same subscription: the loser's insert does nothing and
        // its second look finds the winner's row (committed by then), which it updates.
        for (;;) {
          const { rows: found } = await client.query<{ id: number; paused_reason: string | null }>(
            'SELECT id, paused_reason FROM subscriptions WHERE platform = $1 AND channel_id = $2 AND topic_key = $3 FOR UPDATE',
            key,
          );
          const existing = found[0];
          if (existing) {
            // Re-subscribing changes the schedule and lifts a pause; the ID and the ledger stay.
            const [, workspaceId, , , topic, , time, timezone, days, count, mode, emptyNote, createdBy, at, thread, filters, personal] = params;
            const { rows } = await client.query<Row>(
              `UPDATE subscriptions SET workspace_id = $1, topic = $2, time = $3, timezone = $4, days = $5, count = $6, mode = $7,
                 empty_note = $8, created_by = $9, updated_at = $10, schedule_from = $10, paused_reason = NULL, paused_at = NULL,
                 thread = $12, filters = $13, personal = $14
               WHERE id = $11 RETURNING *`,
              [workspaceId, topic, time, timezone, days, count, mode, emptyNote, createdBy, at, existing.id, thread, filters, personal],
            );
            if (rows[0]) return { subscription: fromRow(rows[0]), created: false, wasPaused: existing.paused_reason !== null };
          }
          const { rows } = await client.query<Row>(
            `INSERT INTO subscriptions (platform, workspace_id, channel_id, kind, topic, topic_key, time, timezone, days, count, mode, empty_note, created_by, created_at, updated_at, schedule_from, thread, filters, personal)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14, $14, $15, $16, $17)
             ON CONFLICT (platform, channel_id, topic_key) DO NOTHING RETURNING *`,
            params,
          );
          if (rows[0]) return { subscription: fromRow(rows[0]), created: true, wasPaused: false };
        }
      }),
    get: async (id) => {
      const { rows } = await pool.query<Row>('SELECT * FROM subscriptions WHERE id = $1', [id]);
      return rows[0] && fromRow(rows[0]);
    },
    listChannel: (channel) => list('platform = $1 AND channel_id = $2', [channel.platform, channel.channelId]),
    listWorkspace: (platform, workspaceId) => list('platform = $1 AND workspace_id = $2', [platform, workspaceId], BY_CHANNEL),
    listActive: () => list('paused_reason IS NULL', []),
    remove: async (id) => ((await pool.query('DELETE FROM subscriptions WHERE id = $1', [id])).rowCount ?? 0) > 0,
    removeChannel: async (channel) => (await pool.query('DELETE FROM subscriptions WHERE platform = $1 AND channel_id = $2', [channel.platform, channel.channelId])).rowCount ?? 0,
    pause: async (id, reason, now) => {
      await pool.query('UPDATE subscriptions SET paused_reason = $1, paused_at = $2 WHERE id = $3', [reason, now.getTime(), id]);
    },
    resume: async (id, now) =>
      ((await pool.query('UPDATE subscriptions SET paused_reason = NULL, paused_at = NULL, schedule_from = $1 WHERE id = $2 AND paused_reason IS NOT NULL', [now.getTime(), id])).rowCount ?? 0) > 0,
  };
}
