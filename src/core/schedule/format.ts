/** How subscriptions read in chat replies; shared by the subscription commands. */
import { DateTime } from 'luxon';
import { UserError } from '../errors.js';
import type { Subscription } from '../subscription.js';
import { formatDays } from './spec.js';

export function topicLabel(sub: Pick<Subscription, 'kind' | 'topic'>): string {
  return sub.kind === 'daily' ? 'the daily theme' : `“${sub.topic}”`;
}

/** `5 papers at 08:30 (Europe/Paris), weekdays` */
export function describeSchedule(sub: Pick<Subscription, 'count' | 'time' | 'timezone' | 'days'> & Partial<Pick<Subscription, 'mode' | 'emptyNote' | 'thread' | 'filters'>>): string {
  const what = `${sub.mode === 'new' ? 'up to ' : ''}${sub.count} ${sub.mode === 'new' ? 'new ' : ''}paper${sub.count === 1 ? '' : 's'}`;
  const quiet = sub.mode === 'new' && sub.emptyNote ? ', and a line on days with none' : '';
  const thread = sub.thread ? ', in a thread' : '';
  const filters = sub.filters?.length ? `; filters ${sub.filters.join(' ')}` : '';
  return `${what}${thread} at ${sub.time} (${sub.timezone}), ${formatDays(sub.days)}${quiet}${filters}`;
}

/** `Mon 30 Mar, 08:30 CEST` in the subscription's zone. */
export function formatWhen(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat('ccc d LLL, HH:mm ZZZZ');
}

/** `2026-12-01` → `Tue 1 Dec`. */
export function formatSlotDate(slotDate: string): string {
  return DateTime.fromISO(slotDate, { zone: 'utc' }).toFormat('ccc d LLL');
}

/** Reads `12` or `#12` as a subscription ID. */
export function parseSubscriptionId(text: string): number {
  const match = /^#?(\d{1,12})$/.exec(text.trim());
  if (!match) throw new UserError(`“${text}” is not a subscription ID.`, 'Run `subscriptions` to see the IDs in this channel.');
  return Number(match[1]);
}

export function unknownSubscription(id: number): UserError {
  return new UserError(`This channel has no subscription #${id}.`, 'Run `subscriptions` to see the IDs in this channel.');
}

export function notAvailable(): UserError {
  return new UserError('Subscriptions are not available here.', 'Scheduled digests need the bot running with its database.');
}
