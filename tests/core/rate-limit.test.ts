import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/core/rate-limit.js';

describe('RateLimiter', () => {
  it('allows a burst, then asks to wait until a token refills', () => {
    let now = 0;
    const limiter = new RateLimiter({ burst: 2, perMinute: 6 }, () => now);
    expect(limiter.take('u1')).toBe(0);
    expect(limiter.take('u1')).toBe(0);
    expect(limiter.take('u1')).toBe(10); // one token per 10 s
    expect(limiter.take('u2')).toBe(0); // other users are not affected
    now = 10_000;
    expect(limiter.take('u1')).toBe(0);
    expect(limiter.take('u1')).toBe(10);
  });
});
