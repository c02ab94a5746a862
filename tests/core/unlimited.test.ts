import { describe, expect, it } from 'vitest';
import { createRegistry } from '../../commands/index.js';
import { Bot } from '../../src/core/bot.js';
import { realLibrary } from '../commands/helpers.js';

describe('rate limits', () => {
  const bot = new Bot({ registry: createRegistry(), library: () => realLibrary().library, rateLimit: { burst: 1, perMinute: 1 }, unlimited: ['console'] });

  it('never slow down the one person at the console', async () => {
    for (let i = 0; i < 10; i++) expect((await bot.runText('topics', { platform: 'console', userId: 'me', channelId: 'c' })).error).toBeUndefined();
  });

  it('still apply to chat users', async () => {
    const user = { platform: 'slack', userId: 'U1', channelId: 'C1' };
    expect((await bot.runText('topics', user)).error).toBeUndefined();
    expect((await bot.runText('topics', user)).text).toMatch(/^You're sending commands a bit fast/);
  });
});
