/** DISCORD_MODE, DISCORD_PUBLIC_KEY and DISCORD_HTTP_PORT: checked at start, one sentence per problem. */
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, describeConfig, loadConfig } from '../../src/config/index.js';

const DISCORD_TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789AB';
const APP_ID = '123456789012345678';
const PUBLIC_KEY = generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
const discord = { DISCORD_TOKEN, DISCORD_APPLICATION_ID: APP_ID };

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => p.message);
    throw error;
  }
  return [];
}

describe('GIVEN Discord credentials', () => {
  it('THEN the gateway is the default, and a public key alone does not switch it', () => {
    expect(loadConfig(discord).chat.discord).not.toHaveProperty('http');
    expect(loadConfig({ ...discord, DISCORD_PUBLIC_KEY: PUBLIC_KEY }).chat.discord).not.toHaveProperty('http');
    expect(describeConfig(loadConfig(discord))).toMatchObject({ discord: { mode: 'gateway' } });
  });

  it('THEN DISCORD_MODE=http takes the public key and the port (default 3001, next to Slack\'s 3000)', () => {
    const config = loadConfig({ ...discord, DISCORD_MODE: 'HTTP', DISCORD_PUBLIC_KEY: PUBLIC_KEY.toUpperCase() });
    expect(config.chat.discord).toMatchObject({ http: { publicKey: PUBLIC_KEY, port: 3001 } });
    expect(loadConfig({ ...discord, DISCORD_MODE: 'http', DISCORD_PUBLIC_KEY: PUBLIC_KEY, DISCORD_HTTP_PORT: '8080' }).chat.discord).toMatchObject({ http: { port: 8080 } });
    // The start-up log shows the mode, the port and the (public) key; never the token.
    const described = describeConfig(config);
    expect(described).toMatchObject({ discord: { mode: 'http', port: 3001, publicKey: PUBLIC_KEY, token: 'set' } });
    expect(JSON.stringify(described)).not.toContain(DISCORD_TOKEN);
  });

  it('THEN http mode without a public key is one problem that says where to find it', () => {
    expect(problems({ ...discord, DISCORD_MODE: 'http' })).toEqual([
      'DISCORD_PUBLIC_KEY is missing: it is required when DISCORD_MODE=http, to check that requests come from Discord (Developer Portal, General Information, Public Key).',
    ]);
  });

  it('THEN a mode, key or port of the wrong shape is refused', () => {
    expect(problems({ ...discord, DISCORD_MODE: 'websocket' })).toEqual(['DISCORD_MODE must be gateway or http (got "websocket").']);
    expect(problems({ ...discord, DISCORD_MODE: 'http', DISCORD_PUBLIC_KEY: PUBLIC_KEY.slice(1) })).toEqual([
      'DISCORD_PUBLIC_KEY must be the 64 hex characters of the Public Key from the Developer Portal, General Information.',
    ]);
    // The bot token pasted in the wrong place is refused without being echoed.
    const pasted = problems({ ...discord, DISCORD_MODE: 'http', DISCORD_PUBLIC_KEY: DISCORD_TOKEN });
    expect(pasted).toEqual([expect.stringMatching(/^DISCORD_PUBLIC_KEY must be the 64 hex characters/)]);
    expect(pasted.join(' ')).not.toContain(DISCORD_TOKEN.slice(0, 20));
    expect(problems({ ...discord, DISCORD_MODE: 'http', DISCORD_PUBLIC_KEY: PUBLIC_KEY, DISCORD_HTTP_PORT: '70000' })).toEqual([
      'DISCORD_HTTP_PORT must be a port number from 1 to 65535 (got "70000").',
    ]);
  });

  it('THEN a placeholder key that would accept forged signatures (all zeros) is refused', () => {
    expect(problems({ ...discord, DISCORD_MODE: 'http', DISCORD_PUBLIC_KEY: '0'.repeat(64) })).toEqual([
      expect.stringMatching(/^DISCORD_PUBLIC_KEY is not a usable Ed25519 public key; copy the Public Key again from the Developer Portal, General Information/),
    ]);
  });

  it('THEN a public key without the bot token names what is missing', () => {
    expect(problems({ DISCORD_PUBLIC_KEY: PUBLIC_KEY })).toEqual([expect.stringMatching(/^DISCORD_TOKEN is missing: DISCORD_PUBLIC_KEY is set/)]);
  });

  it('THEN the endpoint may not share a port with the ops server or Slack\'s receiver', () => {
    const http = { ...discord, DISCORD_MODE: 'http', DISCORD_PUBLIC_KEY: PUBLIC_KEY };
    expect(problems({ ...http, DISCORD_HTTP_PORT: '9464' })).toEqual([expect.stringMatching(/^OPS_PORT and DISCORD_HTTP_PORT are both 9464/)]);
    const slack = { SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_SIGNING_SECRET: '0123456789abcdef0123456789abcdef', SLACK_MODE: 'http' };
    expect(problems({ ...http, ...slack, PORT: '3001' })).toEqual([
      'DISCORD_HTTP_PORT and PORT are both 3001: the discord and slack listeners need different ports.',
    ]);
    expect(problems({ ...http, ...slack })).toEqual([]);
    // In gateway mode Discord listens on nothing.
    expect(problems({ ...discord, DISCORD_HTTP_PORT: '9464' })).toEqual([]);
  });
});
