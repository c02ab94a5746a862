import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerFromCli } from '../../src/cli/discord-register.js';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord/index.js';

function capture() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (c: Buffer) => (text += c.toString()));
  return { stream, text: () => text };
}

describe('paperbot discord register', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await startFakeDiscord();
  });
  afterAll(() => fake.stop());

  it('registers both root commands in a guild and prints the invite URL', async () => {
    const out = capture();
    const err = capture();
    const env = { DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl };
    const code = await registerFromCli({ guildId: fake.guildId, env }, out.stream, err.stream);
    expect(err.text()).toBe('');
    expect(code).toBe(0);
    expect(fake.registered.get(fake.guildId)!.map((c) => (c as { name: string }).name)).toEqual(['papers', 'papers-admin']);
    expect(out.text()).toContain(`Registered /papers, /papers-admin in server ${fake.guildId} (available now).`);
    expect(out.text()).toContain(`client_id=${fake.applicationId}`);
    expect(out.text()).not.toContain('Interactions Endpoint URL');
  });

  it('in HTTP mode, also says where to set the Interactions Endpoint URL', async () => {
    const out = capture();
    const env = {
      DISCORD_TOKEN: fake.token,
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_MODE: 'http',
      DISCORD_PUBLIC_KEY: '17ca3010245cf1abe748b585c4675a298f7016e8fe9a616e8aaf0eef28ead235',
    };
    expect(await registerFromCli({ guildId: fake.guildId, env }, out.stream, capture().stream)).toBe(0);
    expect(out.text()).toContain('set the Interactions Endpoint URL to https://<your-host>/discord/interactions');
  });

  it('explains what is missing without credentials', async () => {
    const out = capture();
    const err = capture();
    const code = await registerFromCli({ env: {} }, out.stream, err.stream);
    expect(code).toBe(1);
    expect(err.text()).toContain('set DISCORD_TOKEN and DISCORD_APPLICATION_ID');
  });
});
