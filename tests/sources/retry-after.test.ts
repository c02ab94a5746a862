import { describe, expect, it } from 'vitest';
import { parseRateLimitReset, parseRetryAfter, requestedWait } from '../../src/sources/retry-after.js';

const NOW = Date.UTC(2025, 0, 15, 12);

describe('parseRetryAfter', () => {
  it.each([
    ['2', 2000],
    [' 120 ', 120_000],
    ['0', 0],
    [new Date(NOW + 30_000).toUTCString(), 30_000],
    [new Date(NOW - 30_000).toUTCString(), 0],
  ])('%j → %d ms', (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });

  it.each([null, '', 'soon', '-5', '1.5'])('ignores %j', (value) => {
    expect(parseRetryAfter(value, NOW)).toBeUndefined();
  });
});

describe('parseRateLimitReset', () => {
  it.each([
    ['"api";r=0;t=55', 55_000],
    ['"api";r=0;t=55, "resolvers";r=0;t=120', 120_000],
    ['"api";r=12;t=55, "pages";r=0;t=7', 7000],
  ])('%j → %d ms', (value, expected) => {
    expect(parseRateLimitReset(value)).toBe(expected);
  });

  it.each([null, '', '"api";r=3;t=55', '"api";r=0', '"api";r=0;t=soon'])('ignores %j', (value) => {
    expect(parseRateLimitReset(value)).toBeUndefined();
  });
});

describe('requestedWait', () => {
  it('prefers Retry-After, and reads RateLimit on 429 only', () => {
    const both = new Headers({ 'retry-after': '3', ratelimit: '"api";r=0;t=55' });
    const rateLimitOnly = new Headers({ ratelimit: '"api";r=0;t=55' });
    expect(requestedWait(429, both, NOW)).toBe(3000);
    expect(requestedWait(429, rateLimitOnly, NOW)).toBe(55_000);
    expect(requestedWait(503, rateLimitOnly, NOW)).toBeUndefined();
  });
});
