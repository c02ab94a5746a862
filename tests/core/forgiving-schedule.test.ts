/** What people type for a schedule is understood, or refused with a suggestion; never swallowed into the topic. */
import { describe, expect, it } from 'vitest';
import { createRegistry } from '../../commands/index.js';
import { Bot } from '../../src/core/bot.js';
import { parseSubscribeText } from '../../src/core/schedule/parse-subscribe.js';
import { parseTime, parseTimezone } from '../../src/core/schedule/spec.js';
import { createScheduler } from '../../src/scheduler/scheduler.js';
import { createSubscriptionService } from '../../src/scheduler/service.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { FakeClock, realLibrary, tempDir } from '../scheduler/helpers.js';

/** The hint of the friendly error `run` throws. */
function hintOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return (error as { hint?: string }).hint;
  }
  throw new Error('expected a friendly error');
}

describe('times', () => {
  it.each([
    ['8am', '08:00'],
    ['8:30pm', '20:30'],
    ['12am', '00:00'],
    ['12pm', '12:00'],
    ['20h', '20:00'],
    ['8h30', '08:30'],
    ['08:30', '08:30'],
  ])('%s is %s', (typed, time) => expect(parseTime(typed)).toBe(time));

  it.each(['13pm', '8:75pm', '25:00', '8'])('%s is refused with an example', (typed) => {
    expect(() => parseTime(typed)).toThrow(/is not a time I understand/);
  });
});

describe('timezones', () => {
  it.each([
    ['CET', 'Europe/Paris'],
    ['EST', 'America/New_York'],
    ['pst', 'America/Los_Angeles'],
    ['Paris', 'Europe/Paris'],
    ['tokyo', 'Asia/Tokyo'],
    ['New_York', 'America/New_York'],
    ['europe/berlin', 'Europe/Berlin'],
  ])('%s is %s', (typed, zone) => expect(parseTimezone(typed)).toBe(zone));

  it('a near miss gets a suggestion', () => {
    expect(() => parseTimezone('Pariss')).toThrow("I don't know the timezone “Pariss”.");
    expect(hintOf(() => parseTimezone('Pariss'))).toBe('Did you mean `Europe/Paris`?');
    expect(hintOf(() => parseTimezone('Europe/Pari'))).toBe('Did you mean `Europe/Paris`?');
    expect(hintOf(() => parseTimezone('Qwxyz'))).toMatch(/^Use an IANA name/);
  });
});

describe('subscribe text', () => {
  it('reads the schedule off the end: `3d 08:30 CET`, `diffusion 8am Paris`', () => {
    expect(parseSubscribeText('3d 08:30 CET')).toEqual({ topic: '3d', time: '08:30', timezone: 'Europe/Paris' });
    expect(parseSubscribeText('diffusion 8am Paris')).toEqual({ topic: 'diffusion', time: '08:00', timezone: 'Europe/Paris' });
    expect(parseSubscribeText('diffusion 8:30pm weekdays 3')).toEqual({ topic: 'diffusion', time: '20:30', days: [1, 2, 3, 4, 5], count: 3 });
  });

  it('leaves topic words that happen to name a zone alone when no time is given', () => {
    expect(parseSubscribeText('Data Center')).toEqual({ topic: 'Data Center' });
    expect(parseSubscribeText('Project Phoenix')).toEqual({ topic: 'Project Phoenix' });
    expect(parseSubscribeText('Generation Z')).toEqual({ topic: 'Generation Z' });
    expect(parseSubscribeText('React constructor')).toEqual({ topic: 'React constructor' });
    expect(parseSubscribeText('robots 8am Phoenix')).toEqual({ topic: 'robots', time: '08:00', timezone: 'America/Phoenix' });
  });

  it('refuses what it cannot place instead of making it part of the topic', () => {
    expect(hintOf(() => parseSubscribeText('diffusion 08:30 Pariss'))).toBe('Did you mean `Europe/Paris`?');
    expect(() => parseSubscribeText('diffusion 8am weekly')).toThrow(/I read “8am” as a time, but not what follows it: `weekly`/);
    expect(() => parseSubscribeText('diffusion 8am 9am')).toThrow(/A subscription has one time: I have 09:00 already, and “8am” is another/);
  });

  it('the confirmation says exactly what will happen, with the next post in local time', async () => {
    const dir = tempDir();
    const store = openSqliteStore(dir.path('confirm.db'));
    const clock = FakeClock.at('2026-11-30T12:00:00Z');
    const scheduler = createScheduler({ store, library: realLibrary, posters: new Map(), clock, schedule: () => ({ stop() {} }) });
    const bot = new Bot({ registry: createRegistry(), library: realLibrary, subscriptions: createSubscriptionService({ store, postNow: scheduler.postNow, clock }), now: clock.now });
    const reply = await bot.runText('subscribe 3d 08:30 CET', { platform: 'slack', userId: 'U1', channelId: 'C1', canManageChannel: true });
    expect(reply.text).toBe('Subscribed this channel to 3D & NeRF (#1): 5 papers at 08:30 (Europe/Paris), every day. Next digest: Tue 1 Dec, 08:30 GMT+1.');
    await store.close();
    dir.cleanup();
  });
});
