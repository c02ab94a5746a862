/** What a newcomer runs into first: the example file, names and secrets pasted in the wrong place. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/index.js';
import { PROJECT_ROOT } from '../../src/paths.js';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => p.message);
    throw error;
  }
  return [];
}

describe('a fresh copy of .env.example', () => {
  it('starts the console cleanly: no problem, no warning', () => {
    const env: Record<string, string> = {};
    for (const line of readFileSync(join(PROJECT_ROOT, '.env.example'), 'utf8').split('\n')) {
      const m = /^([A-Z0-9_]+)=(.*)$/.exec(line);
      if (m) env[m[1]!] = m[2]!;
    }
    // Relative folders in the file are relative to where paperbot runs: the project folder.
    env.PAPERBOT_DATA_DIR = join(PROJECT_ROOT, env.PAPERBOT_DATA_DIR ?? 'data');
    const config = loadConfig(env);
    expect(config.mode).toBe('console');
    expect(config.warnings).toEqual([]);
  });
});

describe('settings pasted with the wrong shape', () => {
  it('a Discord command name too long for its -admin twin is refused at start', () => {
    expect(problems({ DISCORD_COMMAND_NAME: 'a'.repeat(27) })).toEqual([expect.stringMatching(/^DISCORD_COMMAND_NAME must be 1-26 lowercase letters/)]);
    expect(problems({ DISCORD_COMMAND_NAME: 'a'.repeat(26) })).toEqual([]);
  });

  it('a Slack signing secret is accepted unless it is clearly something else', () => {
    const slack = { SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_MODE: 'http' };
    // Slack's documentation shows secrets that are not hex.
    expect(problems({ ...slack, SLACK_SIGNING_SECRET: 'a1B2c3D4e5F6g7H8i9J0kLmN' })).toEqual([]);
    expect(problems({ ...slack, SLACK_SIGNING_SECRET: 'xoxb-1111-2222-abcdefgh' })).toEqual([expect.stringMatching(/^SLACK_SIGNING_SECRET looks like a Slack token/)]);
    expect(problems({ ...slack, SLACK_SIGNING_SECRET: 'abc def ghi jkl mno' })).toEqual([expect.stringMatching(/without spaces/)]);
    expect(problems({ ...slack, SLACK_SIGNING_SECRET: 'xoxb-1111-2222-abcdefgh' }).join(' ')).not.toContain('xoxb-1111');
  });
});
