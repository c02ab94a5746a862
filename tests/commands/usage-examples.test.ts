/** Every example that help shows works on the bundled corpus, as a newcomer would type it. */
import { afterAll, describe, expect, it } from 'vitest';
import { commandList, createRegistry } from '../../commands/index.js';
import { Bot } from '../../src/core/bot.js';
import { createScheduler } from '../../src/scheduler/scheduler.js';
import { createSubscriptionService } from '../../src/scheduler/service.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { FakeClock, realLibrary, tempDir } from '../scheduler/helpers.js';

const dir = tempDir();
const store = openSqliteStore(dir.path('examples.db'));
afterAll(async () => {
  await store.close();
  dir.cleanup();
});
const clock = FakeClock.at('2026-11-30T09:00:00Z');
const scheduler = createScheduler({ store, library: realLibrary, posters: new Map(), clock, sleep: async () => {}, schedule: () => ({ stop() {} }) });
const subscriptions = createSubscriptionService({ store, postNow: scheduler.postNow, clock });
const bot = new Bot({ registry: createRegistry(), library: realLibrary, subscriptions, userData: store, now: clock.now });
const manager = { platform: 'console', userId: 'u1', channelId: 'c1', canManageChannel: true, openDirectChannel: async () => 'd1' };

// Subscription examples build on each other: subscribe creates #1, which the others name.
const order = ['save', 'saved', 'unsave', 'subscribe', 'subscriptions', 'digest-now', 'unsubscribe', 'subscribe-me', 'unsubscribe-me'];
const examples = [...commandList].sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name)).map((c) => [c.name, c.usage] as const);

// Never shuffled: the subscription examples need the order above.
describe('help examples', { shuffle: false }, () => {
  it.each(examples)('%s: `%s` answers without an error', async (_name, usage) => {
    const reply = await bot.runText(usage, manager);
    expect(reply.error, reply.text).toBeUndefined();
  });
});
