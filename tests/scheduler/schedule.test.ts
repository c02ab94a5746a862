import { describe, expect, it } from 'vitest';
import { nextSlot, pastSlots, slotInstant } from '../../src/scheduler/schedule.js';
import type { Weekday } from '../../src/store/types.js';

const iso = (d: Date | undefined) => d?.toISOString();
const EVERY: Weekday[] = [1, 2, 3, 4, 5, 6, 7];

describe('slotInstant', () => {
  it('an ordinary day: local time in the zone', async () => {
    expect(iso(slotInstant('2026-06-15', '09:00', 'Europe/Berlin'))).toBe('2026-06-15T07:00:00.000Z');
    expect(iso(slotInstant('2026-01-15', '09:00', 'America/New_York'))).toBe('2026-01-15T14:00:00.000Z');
  });

  it('spring forward: a time in the gap moves to the first valid minute after it', async () => {
    // Berlin 2026-03-29: 02:00 CET jumps to 03:00 CEST (01:00Z).
    expect(iso(slotInstant('2026-03-29', '02:30', 'Europe/Berlin'))).toBe('2026-03-29T01:00:00.000Z');
    expect(iso(slotInstant('2026-03-29', '02:00', 'Europe/Berlin'))).toBe('2026-03-29T01:00:00.000Z');
    expect(iso(slotInstant('2026-03-29', '03:00', 'Europe/Berlin'))).toBe('2026-03-29T01:00:00.000Z');
    // New York 2026-03-08: 02:00 EST jumps to 03:00 EDT (07:00Z).
    expect(iso(slotInstant('2026-03-08', '02:30', 'America/New_York'))).toBe('2026-03-08T07:00:00.000Z');
    expect(iso(slotInstant('2026-03-08', '01:59', 'America/New_York'))).toBe('2026-03-08T06:59:00.000Z');
  });

  it('fall back: a repeated time is taken at its first occurrence', async () => {
    // Berlin 2026-10-25: 02:30 happens at 00:30Z (CEST) and 01:30Z (CET).
    expect(iso(slotInstant('2026-10-25', '02:30', 'Europe/Berlin'))).toBe('2026-10-25T00:30:00.000Z');
    // New York 2026-11-01: 01:30 happens at 05:30Z (EDT) and 06:30Z (EST).
    expect(iso(slotInstant('2026-11-01', '01:30', 'America/New_York'))).toBe('2026-11-01T05:30:00.000Z');
    expect(iso(slotInstant('2026-11-01', '03:00', 'America/New_York'))).toBe('2026-11-01T08:00:00.000Z');
  });
});

describe('pastSlots and nextSlot', () => {
  const sub = { time: '09:00', timezone: 'Europe/Paris', days: [1, 2, 3, 4, 5] as Weekday[], scheduleFrom: new Date('2026-01-01T00:00:00Z') };

  it('lists yesterday and today when their time has come, only on chosen days', async () => {
    // Tuesday 2026-03-03 10:00 Paris (09:00Z).
    expect(pastSlots(sub, new Date('2026-03-03T09:00:00Z')).map((s) => s.slotDate)).toEqual(['2026-03-02', '2026-03-03']);
    expect(pastSlots(sub, new Date('2026-03-03T07:59:00Z')).map((s) => s.slotDate)).toEqual(['2026-03-02']);
    expect(pastSlots(sub, new Date('2026-03-03T08:00:00Z')).map((s) => s.slotDate)).toEqual(['2026-03-02', '2026-03-03']);
    // Sunday 2026-03-08: Saturday and Sunday are not chosen.
    expect(pastSlots(sub, new Date('2026-03-08T12:00:00Z'))).toEqual([]);
  });

  it('ignores slots before the schedule started', async () => {
    const fresh = { ...sub, scheduleFrom: new Date('2026-03-03T08:30:00Z') };
    expect(pastSlots(fresh, new Date('2026-03-03T09:00:00Z'))).toEqual([]);
    expect(nextSlot(fresh, new Date('2026-03-03T09:00:00Z'))?.slotDate).toBe('2026-03-04');
  });

  it('uses the local date, not the UTC date', async () => {
    const tokyo = { time: '08:00', timezone: 'Asia/Tokyo', days: EVERY, scheduleFrom: new Date(0) };
    // 23:30Z on the 2nd is 08:30 on the 3rd in Tokyo.
    expect(pastSlots(tokyo, new Date('2026-03-02T23:30:00Z')).map((s) => s.slotDate)).toEqual(['2026-03-02', '2026-03-03']);
  });

  it('nextSlot skips to the next chosen day', async () => {
    // Friday 2026-03-06 after 09:00 Paris → Monday.
    const next = nextSlot(sub, new Date('2026-03-06T08:30:00Z'));
    expect(next).toEqual({ slotDate: '2026-03-09', dueAt: new Date('2026-03-09T08:00:00Z') });
    expect(nextSlot({ ...sub, days: [3] }, new Date('2026-03-04T07:00:00Z'))?.slotDate).toBe('2026-03-04');
  });
});

describe('pastSlotsAt', () => {
  it('gives the same answer as pastSlots, per subscription start', async () => {
    const { pastSlotsAt } = await import('../../src/scheduler/schedule.js');
    const now = new Date('2026-03-03T09:00:00Z');
    const at = pastSlotsAt(now);
    const a = { time: '09:00', timezone: 'Europe/Paris', days: EVERY, scheduleFrom: new Date(0) };
    const b = { ...a, scheduleFrom: new Date('2026-03-02T12:00:00Z') };
    expect(at(a)).toEqual(pastSlots(a, now));
    expect(at(b)).toEqual(pastSlots(b, now));
    expect(at(b).map((s) => s.slotDate)).toEqual(['2026-03-03']);
  });
});
