/** The subscriptions table: rows in, `Subscription` objects out. */
import type Database from 'better-sqlite3';
import { topicKey, type Subscription, type SubscriptionInput, type Weekday } from '../core/subscription.js';
import type { SubscriptionRepo, UpsertResult } from './types.js';

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
  empty_note: number;
  thread: number;
  filters: string;
  personal: number;
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
    ...(row.filters !== '[]' ? { filters: JSON.parse(row.filters) as string[] } : {}),
    ...(row.personal ? { personal: true } : {}),
    createdBy: row.created_by,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    scheduleFrom: new Date(row.schedule_from),
    ...(row.paused_reason !== null ? { pausedReason: row.paused_reason } : {}),
    ...(row.paused_at !== null ? { pausedAt: new Date(row.paused_at) } : {}),
  };
}

export function sqliteSubscriptions(db: Database.Database): SubscriptionRepo {
  const byKey = db.prepare<[string, string, string], Row>('SELECT * FROM subscriptions WHERE platform = ? AND channel_id = ? AND topic_key = ?');
  const byId = db.prepare<[number], Row>('SELECT * FROM subscriptions WHERE id = ?');
  const byChannel = db.prepare<[string, string], Row>('SELECT * FROM subscriptions WHERE platform = ? AND channel_id = ? ORDER BY id');
  const byWorkspace = db.prepare<[string, string], Row>('SELECT * FROM subscriptions WHERE platform = ? AND workspace_id = ? ORDER BY channel_id, id');
  const active = db.prepare<[], Row>('SELECT * FROM subscriptions WHERE paused_reason IS NULL ORDER BY id');
  const insert = db.prepare(`INSERT INTO subscriptions
    (platform, workspace_id, channel_id, kind, topic, topic_key, time, timezone, days, count, mode, empty_note, thread, filters, personal, created_by, created_at, updated_at, schedule_from)
    VALUES (@platform, @workspaceId, @channelId, @kind, @topic, @topicKey, @time, @timezone, @days, @count, @mode, @emptyNote, @thread, @filters, @personal, @createdBy, @now, @now, @now)`);
  // Re-subscribing changes the schedule and lifts a pause; the ID and the ledger stay.
  const update = db.prepare(`UPDATE subscriptions SET workspace_id = @workspaceId, topic = @topic, time = @time, timezone = @timezone,
    days = @days, count = @count, mode = @mode, empty_note = @emptyNote, thread = @thread, filters = @filters, personal = @personal, created_by = @createdBy, updated_at = @now, schedule_from = @now, paused_reason = NULL, paused_at = NULL
    WHERE id = @id`);
  const remove = db.prepare('DELETE FROM subscriptions WHERE id = ?');
  const removeChannel = db.prepare('DELETE FROM subscriptions WHERE platform = ? AND channel_id = ?');
  const pause = db.prepare('UPDATE subscriptions SET paused_reason = ?, paused_at = ? WHERE id = ?');
  const resume = db.prepare('UPDATE subscriptions SET paused_reason = NULL, paused_at = NULL, schedule_from = ? WHERE id = ? AND paused_reason IS NOT NULL');

  const upsert = db.transaction((input: SubscriptionInput, now: Date): UpsertResult => {
    const key = topicKey(input);
    const existing = byKey.get(input.platform, input.channelId, key);
    const params = {
      platform: input.platform,
      channelId: input.channelId,
      workspaceId: input.workspaceId ?? null,
      kind: input.kind,
      topic: input.topic,
      time: input.time,
      timezone: input.timezone,
      days: [...input.days].sort().join(','),
      count: input.count,
      mode: input.mode,
      emptyNote: input.emptyNote ? 1 : 0,
      thread: input.thread ? 1 : 0,
      filters: JSON.stringify(input.filters ?? []),
      personal: input.personal ? 1 : 0,
      createdBy: input.createdBy,
      topicKey: key,
      now: now.getTime(),
    };
    if (existing) update.run({ ...params, id: existing.id });
    else insert.run(params);
    const row = byKey.get(input.platform, input.channelId, key)!;
    return { subscription: fromRow(row), created: !existing, wasPaused: existing?.paused_reason != null };
  });

  // Each method is async so a failure (closed handle, full disk) rejects instead of throwing.
  return {
    upsert: async (input, now) => upsert.immediate(input, now),
    get: async (id) => {
      const row = byId.get(id);
      return row && fromRow(row);
    },
    listChannel: async (channel) => byChannel.all(channel.platform, channel.channelId).map(fromRow),
    listWorkspace: async (platform, workspaceId) => byWorkspace.all(platform, workspaceId).map(fromRow),
    listActive: async () => active.all().map(fromRow),
    remove: async (id) => remove.run(id).changes > 0,
    removeChannel: async (channel) => removeChannel.run(channel.platform, channel.channelId).changes,
    pause: async (id, reason, now) => {
      pause.run(reason, now.getTime(), id);
    },
    resume: async (id, now) => resume.run(now.getTime(), id).changes > 0,
  };
}
