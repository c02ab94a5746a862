import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, describeConfig, loadConfig, loadDotenv } from '../../src/config/index.js';

// PAPERBOT_DATA_DIR must name a folder that exists.
const corpusDir = mkdtempSync(join(tmpdir(), 'paperbot-corpus-'));
afterAll(() => rmSync(corpusDir, { recursive: true, force: true }));

const DISCORD_TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789AB';
const APP_ID = '123456789012345678';
const SLACK_BOT = 'xoxb-1111-2222-supersecretbotvalue';
const SLACK_APP = 'xapp-1-A111-2222-supersecretappvalue';
const SLACK_SECRET = '8f742231b10e8888abcd99yyyzzz85a5'.replace(/[yz]/g, 'e');

function problems(env: Record<string, string | undefined>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('GIVEN no credentials THEN runs the console with defaults and no ops port', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      mode: 'console',
      platforms: [],
      dataDir: resolve('data'),
      stateDir: resolve('var'),
      databaseFile: join(resolve('var'), 'paperbot.db'),
      timezone: 'UTC',
      digestTime: '09:00',
      catchupGraceMinutes: 120,
      rateLimit: { perMinute: 20, burst: 5 },
      log: { level: 'warn', format: 'pretty' }, // quiet, so log lines do not interleave with the console chat
      watchCorpus: false,
    });
    expect(config.opsPort).toBeUndefined();
    expect(config.chat.discord).toBeUndefined();
    expect(config.chat.slack).toBeUndefined();
  });

  it('GIVEN OPS_PORT in console mode THEN it stays off, with a warning', () => {
    const config = loadConfig({ OPS_PORT: '9000' });
    expect(config.opsPort).toBeUndefined();
    expect(config.warnings.join('\n')).toMatch(/OPS_PORT is ignored/);
  });

  it('treats empty and blank strings as unset', () => {
    const config = loadConfig({ DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '  ', PAPERBOT_TIMEZONE: '', LOG_LEVEL: '' });
    expect(config.mode).toBe('console');
    expect(config.timezone).toBe('UTC');
  });

  it('GIVEN a Discord token and application id THEN enables Discord with JSON logs and the ops port', () => {
    const config = loadConfig({ DISCORD_TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_GUILD_ID: '876543210987654321' });
    expect(config.platforms).toEqual(['discord']);
    expect(config.chat.discord).toEqual({ token: DISCORD_TOKEN, applicationId: APP_ID, guildId: '876543210987654321', commandName: 'papers' });
    expect(config.log.format).toBe('json');
    expect(config.opsPort).toBe(9464);
  });

  it('GIVEN a Slack bot token and app token THEN defaults to Socket Mode', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: SLACK_BOT, SLACK_APP_TOKEN: SLACK_APP, SLACK_MANAGERS: 'U012ABCDEF, W045GHIJKL' });
    expect(config.chat.slack).toEqual({
      mode: 'socket',
      botToken: SLACK_BOT,
      appToken: SLACK_APP,
      commandName: '/papers',
      managePolicy: 'admins',
      managers: ['U012ABCDEF', 'W045GHIJKL'],
    });
  });

  it('GIVEN a Slack bot token and signing secret THEN uses HTTP mode on PORT', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: SLACK_BOT, SLACK_SIGNING_SECRET: SLACK_SECRET, PORT: '8080' });
    expect(config.chat.slack).toMatchObject({ mode: 'http', signingSecret: SLACK_SECRET, port: 8080 });
  });

  it('enables both platforms together', () => {
    const config = loadConfig({ DISCORD_TOKEN, DISCORD_APPLICATION_ID: APP_ID, SLACK_BOT_TOKEN: SLACK_BOT, SLACK_APP_TOKEN: SLACK_APP });
    expect(config.platforms).toEqual(['discord', 'slack']);
  });

  it('parses and normalises the other settings', () => {
    const config = loadConfig({
      PAPERBOT_TIMEZONE: 'europe/berlin',
      PAPERBOT_DIGEST_TIME: '7:30',
      PAPERBOT_CATCHUP_GRACE_MINUTES: '0',
      PAPERBOT_RATE_LIMIT_PER_MINUTE: '60',
      PAPERBOT_RATE_LIMIT_BURST: '10',
      PAPERBOT_WATCH_CORPUS: 'TRUE',
      LOG_LEVEL: 'DEBUG',
      LOG_FORMAT: 'json',
      PAPERBOT_DATA_DIR: corpusDir,
      PAPERBOT_STATE_DIR: '/srv/state',
    });
    expect(config).toMatchObject({
      timezone: 'Europe/Berlin',
      digestTime: '07:30',
      catchupGraceMinutes: 0,
      rateLimit: { perMinute: 60, burst: 10 },
      watchCorpus: true,
      log: { level: 'debug', format: 'json' },
      dataDir: corpusDir,
      databaseFile: '/srv/state/paperbot.db',
    });
  });

  it('accepts 0 and off to disable the ops server', () => {
    const chat = { DISCORD_TOKEN, DISCORD_APPLICATION_ID: APP_ID };
    expect(loadConfig({ ...chat, OPS_PORT: '0' }).opsPort).toBeUndefined();
    expect(loadConfig({ ...chat, OPS_PORT: 'off' }).opsPort).toBeUndefined();
    expect(loadConfig({ ...chat, OPS_PORT: '9100' }).opsPort).toBe(9100);
  });

  it('GIVEN a Postgres DATABASE_URL THEN uses it, and the summary shows it without the password', () => {
    for (const scheme of ['postgres', 'postgresql']) {
      const url = `${scheme}://paperbot:s3cret-pass@db.internal:5433/paperbot?sslmode=require`;
      const config = loadConfig({ DATABASE_URL: url });
      expect(config.databaseUrl).toBe(url);
      const summary = JSON.stringify(describeConfig(config));
      expect(summary).not.toContain('s3cret-pass');
      expect(describeConfig(config)).toMatchObject({ database: { engine: 'postgres', url: `${scheme}://paperbot:***@db.internal:5433/paperbot?sslmode=require` } });
    }
    expect(loadConfig({}).databaseUrl).toBeUndefined();
  });

  it('warns about unknown PAPERBOT_ variables', () => {
    expect(loadConfig({ PAPERBOT_TIME_ZONE: 'UTC' }).warnings).toEqual([expect.stringContaining('PAPERBOT_TIME_ZONE is not a paperbot setting')]);
  });
});

describe('loadConfig errors', () => {
  it('GIVEN a Discord token alone THEN names the missing application id', () => {
    const error = problems({ DISCORD_TOKEN });
    expect(error.problems.map((p) => p.variable)).toEqual(['DISCORD_APPLICATION_ID']);
    expect(error.message).toMatch(/DISCORD_APPLICATION_ID is missing: it is required when DISCORD_TOKEN is set/);
  });

  it('GIVEN Slack halves THEN names the missing half for each mode', () => {
    expect(problems({ SLACK_BOT_TOKEN: SLACK_BOT }).message).toMatch(/SLACK_SIGNING_SECRET is missing: it is required for Slack in HTTP mode/);
    expect(problems({ SLACK_BOT_TOKEN: SLACK_BOT, SLACK_MODE: 'socket' }).message).toMatch(/SLACK_APP_TOKEN is missing: it is required for Slack in Socket Mode/);
    expect(problems({ SLACK_BOT_TOKEN: SLACK_BOT, SLACK_APP_TOKEN: SLACK_APP, SLACK_MODE: 'http' }).message).toMatch(/SLACK_SIGNING_SECRET is missing/);
    expect(problems({ SLACK_SIGNING_SECRET: SLACK_SECRET }).message).toMatch(/SLACK_BOT_TOKEN is missing: SLACK_SIGNING_SECRET is set/);
    expect(problems({ SLACK_APP_TOKEN: SLACK_APP, SLACK_SIGNING_SECRET: SLACK_SECRET }).message).toMatch(/SLACK_SIGNING_SECRET and SLACK_APP_TOKEN are set/);
    expect(problems({ DISCORD_APPLICATION_ID: APP_ID }).message).toMatch(/DISCORD_TOKEN is missing/);
  });

  it('rejects a bad time zone, port and digest time', () => {
    expect(problems({ PAPERBOT_TIMEZONE: 'Europe/Berln' }).message).toMatch(/PAPERBOT_TIMEZONE must be an IANA time zone name .* \(got "Europe\/Berln"\)/);
    expect(problems({ PORT: '70000' }).message).toMatch(/PORT must be a port number from 1 to 65535/);
    expect(problems({ OPS_PORT: 'abc' }).message).toMatch(/OPS_PORT must be a port number/);
    expect(problems({ PAPERBOT_DIGEST_TIME: '25:00' }).message).toMatch(/PAPERBOT_DIGEST_TIME must be a 24-hour time/);
  });

  it('rejects the same port for the ops server and the Slack receiver', () => {
    const error = problems({ SLACK_BOT_TOKEN: SLACK_BOT, SLACK_SIGNING_SECRET: SLACK_SECRET, PORT: '9464' });
    expect(error.message).toMatch(/OPS_PORT and PORT are both 9464/);
  });

  it('lists every problem at once', () => {
    const error = problems({
      DISCORD_TOKEN,
      SLACK_BOT_TOKEN: 'xoxp-user-token',
      SLACK_MODE: 'socket',
      PAPERBOT_TIMEZONE: 'Mars/Olympus',
      PAPERBOT_RATE_LIMIT_BURST: '0',
      LOG_LEVEL: 'loud',
      LOG_FORMAT: 'xml',
      DISCORD_API_URL: 'ftp://example.com',
      SLACK_COMMAND_NAME: 'papers',
      SLACK_MANAGERS: 'alice,bob',
      PAPERBOT_WATCH_CORPUS: 'maybe',
    });
    expect(error.problems.map((p) => p.variable).sort()).toEqual(
      [
        'DISCORD_APPLICATION_ID',
        'DISCORD_API_URL',
        'LOG_FORMAT',
        'LOG_LEVEL',
        'PAPERBOT_RATE_LIMIT_BURST',
        'PAPERBOT_TIMEZONE',
        'PAPERBOT_WATCH_CORPUS',
        'SLACK_APP_TOKEN',
        'SLACK_BOT_TOKEN',
        'SLACK_COMMAND_NAME',
        'SLACK_MANAGERS',
      ].sort(),
    );
    expect(error.message).toMatch(/configuration has 11 problems/);
    expect(error.message).toMatch(/SLACK_BOT_TOKEN must start with xoxb-/);
    expect(error.message.split('\n').filter((l) => l.startsWith('  - '))).toHaveLength(11);
  });

  it('GIVEN a DATABASE_URL that is not Postgres THEN says what it must look like, without echoing it', () => {
    for (const url of ['mysql://root:hunter2@db/paperbot', 'db.internal:5432', 'hunter2']) {
      const error = problems({ DATABASE_URL: url });
      expect(error.problems.map((p) => p.variable)).toEqual(['DATABASE_URL']);
      expect(error.message).toMatch(/DATABASE_URL must be a Postgres connection URL such as postgres:\/\//);
      expect(error.message).not.toContain('hunter2');
    }
  });

  it('never echoes secret values', () => {
    const secrets = {
      DISCORD_TOKEN: 'Bot not-a-real-discord-token-secret',
      SLACK_BOT_TOKEN: 'xoxp-secret-user-token-value',
      SLACK_APP_TOKEN: 'xoxa-secret-app-token-value',
      SLACK_SIGNING_SECRET: 'xoxb-secret-signing-value', // a token pasted in the wrong place
    };
    const error = problems(secrets);
    expect(error.problems).toHaveLength(5); // the four formats plus the missing DISCORD_APPLICATION_ID
    expect(error.message).toMatch(/DISCORD_TOKEN must be the bare bot token, without the "Bot " prefix/);
    for (const value of Object.values(secrets)) {
      expect(error.message).not.toContain(value);
      expect(error.message).not.toContain(value.slice(4, 16));
    }
  });
});

describe('describeConfig', () => {
  it('summarises without secrets', () => {
    const config = loadConfig({ DISCORD_TOKEN, DISCORD_APPLICATION_ID: APP_ID, SLACK_BOT_TOKEN: SLACK_BOT, SLACK_SIGNING_SECRET: SLACK_SECRET });
    const text = JSON.stringify(describeConfig(config));
    for (const secret of [DISCORD_TOKEN, SLACK_BOT, SLACK_SECRET]) expect(text).not.toContain(secret);
    expect(describeConfig(config)).toMatchObject({ platforms: ['discord', 'slack'], discord: { applicationId: APP_ID, token: 'set' }, slack: { mode: 'http', port: 3000 } });
  });
});

describe('loadDotenv', () => {
  it('fills gaps from the file without overriding the real environment', () => {
    const dir = mkdtempSync(join(tmpdir(), 'paperbot-env-'));
    const path = join(dir, '.env');
    writeFileSync(path, 'LOG_LEVEL=debug\nPAPERBOT_TIMEZONE=Europe/Paris\nPORT=4000\n');
    const env: Record<string, string | undefined> = { LOG_LEVEL: 'warn', PORT: '' };
    const result = loadDotenv({ path, env });
    expect(result).toEqual({ path, found: true, loaded: ['PAPERBOT_TIMEZONE'] });
    expect(env).toEqual({ LOG_LEVEL: 'warn', PORT: '', PAPERBOT_TIMEZONE: 'Europe/Paris' });
    rmSync(dir, { recursive: true, force: true });
  });

  it('is a no-op without a file', () => {
    const env = {};
    expect(loadDotenv({ path: join(tmpdir(), 'no-such-dir-paperbot', '.env'), env }).found).toBe(false);
    expect(env).toEqual({});
  });
});
