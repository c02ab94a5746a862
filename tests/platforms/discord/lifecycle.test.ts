import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscord } from '../../../src/platforms/discord/index.js';
import { startFakeDiscord, type FakeDiscord } from '../../fakes/discord/index.js';
import { botWith } from './helpers.js';

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await startFakeDiscord();
});
afterAll(() => fake.stop());

describe('GIVEN a wrong token', () => {
  it('THEN start-up fails with a clear error that does not echo the token', async () => {
    const failure = startDiscord({ token: 'wrong-token-value', apiUrl: fake.apiUrl, rootName: 'papers' }, botWith());
    await expect(failure).rejects.toThrow(/^discord: could not connect/);
    await expect(failure).rejects.not.toThrow(/wrong-token-value/);
  });
});

describe('GIVEN a running client', () => {
  it('THEN stop() disconnects it from the gateway', async () => {
    const discord = await startDiscord({ token: fake.token, apiUrl: fake.apiUrl, rootName: 'papers' }, botWith());
    expect(discord.isReady()).toBe(true);
    expect(fake.gateway.ready).toBe(1);
    await discord.stop();
    expect(discord.isReady()).toBe(false);
    await expect.poll(() => fake.gateway.ready).toBe(0);
  });
});
