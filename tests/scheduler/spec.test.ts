import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { parseSubscribeText } from '../../src/core/schedule/parse-subscribe.js';
import { formatDays, parseDays, parseTime, parseTimezone } from '../../src/core/schedule/spec.js';

describe('schedule words', () => {
  it('times', async () => {
    expect(parseTime('8:05')).toBe('08:05');
    expect(parseTime('23:59')).toBe('23:59');
    expect(() => parseTime('24:00')).toThrow(/not a time I understand/);
    expect(() => parseTime('noon')).toThrow(UserError);
  });

  it('timezones are checked and canonicalised', async () => {
    expect(parseTimezone('europe/paris')).toBe('Europe/Paris');
    expect(parseTimezone('UTC')).toBe('UTC');
    expect(() => parseTimezone('Mars/Olympus')).toThrow(/don't know the timezone “Mars\/Olympus”/);
  });

  it('days', async () => {
    expect(parseDays('every day')).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(parseDays('weekdays')).toEqual([1, 2, 3, 4, 5]);
    expect(parseDays('mon,wed,fri')).toEqual([1, 3, 5]);
    expect(parseDays('Friday, monday')).toEqual([1, 5]);
    expect(parseDays('fri-mon')).toEqual([1, 5, 6, 7]);
    expect(() => parseDays('mon,funday')).toThrow(/not a list of days/);
    expect(formatDays([1, 3, 5])).toBe('Mon, Wed, Fri');
    expect(formatDays([1, 2, 3, 4, 5])).toBe('weekdays');
  });
});

describe('parseSubscribeText', () => {
  it('reads every schedule word from the end, in any order', async () => {
    expect(parseSubscribeText('diffusion 08:30 Europe/Paris weekdays 3')).toEqual({
      topic: 'diffusion',
      time: '08:30',
      timezone: 'Europe/Paris',
      days: [1, 2, 3, 4, 5],
      count: 3,
    });
    expect(parseSubscribeText('contrastive learning mon,wed,fri 7:45')).toEqual({ topic: 'contrastive learning', time: '07:45', days: [1, 3, 5] });
    expect(parseSubscribeText('daily every day UTC')).toEqual({ topic: 'daily', timezone: 'UTC', days: [1, 2, 3, 4, 5, 6, 7] });
    expect(parseSubscribeText('diffusion models')).toEqual({ topic: 'diffusion models' });
  });

  it('keeps one word for the topic and lets typed options win', async () => {
    expect(parseSubscribeText('weekdays')).toEqual({ topic: 'weekdays' });
    expect(parseSubscribeText('vae 10:00', { time: '06:00' })).toEqual({ topic: 'vae 10:00', time: '06:00' });
  });

  it('friendly errors for bad schedule words', async () => {
    expect(() => parseSubscribeText('diffusion 25:00')).toThrow(/“25:00” is not a time/);
    expect(() => parseSubscribeText('diffusion Europe/Atlantis')).toThrow(/don't know the timezone/);
    expect(() => parseSubscribeText('diffusion 12')).toThrow(/between 1 and 10, not 12/);
    expect(() => parseSubscribeText('   ')).toThrow(/name a topic/);
  });

  it('takes a quoted topic as written, numbers included', async () => {
    expect(parseSubscribeText('"llama 3" 08:00 every day 2')).toEqual({ topic: 'llama 3', time: '08:00', days: [1, 2, 3, 4, 5, 6, 7], count: 2 });
    expect(parseSubscribeText('“gpt 2024”')).toEqual({ topic: 'gpt 2024' });
    expect(() => parseSubscribeText('"llama 3" tomorrow')).toThrow(/don't understand `tomorrow` after the quoted topic/);
  });

  it('reads a slash inside a topic word as part of the topic, not a timezone', async () => {
    expect(parseSubscribeText('vision encoder/decoder')).toEqual({ topic: 'vision encoder/decoder' });
    expect(parseSubscribeText('vision encoder/decoder Asia/Tokyo')).toEqual({ topic: 'vision encoder/decoder', timezone: 'Asia/Tokyo' });
    expect(parseSubscribeText('nlp japan')).toEqual({ topic: 'nlp japan' });
    // A capitalised zone abbreviation is a timezone; a lower-case one stays a word of the topic.
    expect(parseSubscribeText('speech CET')).toEqual({ topic: 'speech', timezone: 'Europe/Paris' });
    expect(parseSubscribeText('speech cet')).toEqual({ topic: 'speech cet' });
  });
});
