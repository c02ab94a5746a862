/**
 * Pure schedule math: when a subscription's slot falls on a local date, which slots are due at
 * an instant, and when the next one is. All in the subscription's IANA timezone via luxon.
 *
 * DST: on a spring-forward day a wall time inside the gap (02:30 in Europe/Berlin) does not exist;
 * the slot moves to the first valid minute after it (03:00). On a fall-back day a repeated wall
 * time (01:30 in America/New_York) is taken at its first occurrence; the ledger, keyed by local
 * date, makes sure it is posted once either way.
 */
import { DateTime, IANAZone } from 'luxon';
import type { Subscription, Weekday } from '../core/subscription.js';

export interface Slot {
  /** Local date `YYYY-MM-DD` in the subscription's timezone. */
  slotDate: string;
  dueAt: Date;
}

type Schedule = Pick<Subscription, 'time' | 'timezone' | 'days'>;

function wall(date: string, time: string): { year: number; month: number; day: number; hour: number; minute: number } {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return { year, month, day, hour, minute };
}

/** The instant of `time` on local `date` in `zone`, with the DST rules above. */
export function slotInstant(date: string, time: string, zone: string): Date {
  const w = wall(date, time);
  const dt = DateTime.fromObject(w, { zone });
  if (dt.hour !== w.hour || dt.minute !== w.minute) {
    // In a spring-forward gap: walk forward to the first minute that exists (gaps are at most 2 h).
    const start = w.hour * 60 + w.minute;
    for (let minutes = start + 1; minutes < Math.min(start + 180, 1440); minutes++) {
      const probe = DateTime.fromObject({ ...w, hour: Math.floor(minutes / 60), minute: minutes % 60 }, { zone });
      if (probe.hour * 60 + probe.minute === minutes) return probe.toJSDate();
    }
    return dt.toJSDate();
  }
  // luxon resolves a repeated wall time to the later offset; prefer the first occurrence.
  const zoneObj = IANAZone.create(zone);
  const earlierOffset = zoneObj.offset(dt.toMillis() - 3 * 3600_000);
  if (earlierOffset !== dt.offset) {
    const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
    const earlier = asUtc - earlierOffset * 60_000;
    if (earlier < dt.toMillis() && zoneObj.offset(earlier) === earlierOffset) return new Date(earlier);
  }
  return dt.toJSDate();
}

function localDate(instant: Date, zone: string): DateTime {
  return DateTime.fromJSDate(instant, { zone }).startOf('day');
}

function slotOn(day: DateTime, schedule: Schedule): Slot | undefined {
  if (!schedule.days.includes(day.weekday as Weekday)) return undefined;
  const slotDate = day.toISODate()!;
  return { slotDate, dueAt: slotInstant(slotDate, schedule.time, schedule.timezone) };
}

/**
 * Slots on local yesterday and today whose time has come (`dueAt <= now`) and that belong to the
 * current schedule (`dueAt >= scheduleFrom`), oldest first. The caller decides, with the ledger and
 * the grace period, whether to post or skip each.
 */
export function pastSlots(sub: Schedule & Pick<Subscription, 'scheduleFrom'>, now: Date): Slot[] {
  const today = localDate(now, sub.timezone);
  const out: Slot[] = [];
  for (const day of [today.minus({ days: 1 }), today]) {
    const slot = slotOn(day, sub);
    if (slot && slot.dueAt <= now && slot.dueAt >= sub.scheduleFrom) out.push(slot);
  }
  return out;
}

/**
 * `pastSlots` for many subscriptions at one instant: subscriptions sharing a schedule (most use a
 * few common times and zones) share the luxon work.
 */
export function pastSlotsAt(now: Date): (sub: Schedule & Pick<Subscription, 'scheduleFrom'>) => Slot[] {
  const cache = new Map<string, Slot[]>();
  return (sub) => {
    const key = `${sub.timezone}|${sub.time}|${sub.days.join(',')}`;
    let slots = cache.get(key);
    if (!slots) cache.set(key, (slots = pastSlots({ ...sub, scheduleFrom: new Date(0) }, now)));
    return slots.filter((slot) => slot.dueAt >= sub.scheduleFrom);
  };
}

/** The first slot strictly after `after` (and not before `scheduleFrom`), within the next 8 days. */
export function nextSlot(sub: Schedule & Partial<Pick<Subscription, 'scheduleFrom'>>, after: Date): Slot | undefined {
  const from = sub.scheduleFrom && sub.scheduleFrom > after ? sub.scheduleFrom : after;
  let day = localDate(from, sub.timezone).minus({ days: 1 });
  for (let i = 0; i < 9; i++, day = day.plus({ days: 1 })) {
    const slot = slotOn(day, sub);
    if (slot && slot.dueAt > after && slot.dueAt >= from) return slot;
  }
  return undefined;
}

/** The local date `days` before the UTC date of `now`: a safe lower bound for any zone's local date. */
export function earliestLocalDate(now: Date, days = 2): string {
  return DateTime.fromJSDate(now, { zone: 'utc' }).minus({ days }).toISODate()!;
}
