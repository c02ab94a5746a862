import { describe, expect, it } from 'vitest';
import type { Logger } from '../../src/core/logger.js';
import { webApi } from '@slack/bolt';
import { createLogger } from '../../src/ops/logger.js';
import { formatLine } from '../../src/ops/pretty.js';

const SECRET = 'xoxb-1234-abcd-very-secret-value';

function capture(format: 'json' | 'pretty', level: 'info' | 'debug' = 'info') {
  const lines: string[] = [];
  const logger: Logger = createLogger({ level, format, destination: { write: (s: string) => void lines.push(s) } });
  return { logger, text: () => lines.join(''), json: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('createLogger', () => {
  it('writes JSON lines with level names and ISO times', () => {
    const { logger, json } = capture('json');
    logger.info({ papers: 12 }, 'corpus loaded');
    logger.debug({}, 'hidden at info');
    expect(json()).toEqual([expect.objectContaining({ level: 'info', msg: 'corpus loaded', papers: 12, app: 'paperbot', time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) })]);
  });

  it.each(['json', 'pretty'] as const)('redacts tokens, secrets and authorization headers (%s)', (format) => {
    const { logger, text } = capture(format);
    logger.info({ token: SECRET }, 'top level');
    logger.info({ slack: { botToken: SECRET, signingSecret: SECRET } }, 'nested');
    logger.info({ config: { slack: { appToken: SECRET } } }, 'two levels');
    logger.info({ request: { headers: { authorization: `Bearer ${SECRET}` } } }, 'headers');
    logger.info({ env: { SLACK_BOT_TOKEN: SECRET } }, 'env dump');
    const err = Object.assign(new Error('request failed'), { config: { headers: { Authorization: `Bearer ${SECRET}` } } });
    logger.error({ err }, 'http error');
    const out = text();
    expect(out).not.toContain(SECRET);
    expect(out).not.toContain('very-secret');
    expect(out).toContain('[redacted]');
    expect(out).toContain('request failed');
  });

  it.each(['json', 'pretty'] as const)('never logs the token inside a real Slack client error (%s)', async (format) => {
    // A real Web API call to a closed port: the SDK's error carries the request, Authorization header included.
    const client = new webApi.WebClient(SECRET, { slackApiUrl: 'http://127.0.0.1:9/api/', retryConfig: { retries: 0 }, logLevel: webApi.LogLevel.ERROR });
    const err = await client.auth.test().catch((e: unknown) => e);
    expect(JSON.stringify(err, (_k, v) => (typeof v === 'function' ? undefined : v))).toContain(SECRET);
    const { logger, text } = capture(format);
    logger.error({ err }, 'slack failed');
    logger.error({ error: err }, 'slack failed again');
    expect(text()).not.toContain('very-secret');
    expect(text()).toContain('slack failed');
  });

  it('writes readable lines in pretty mode', () => {
    const { logger, text } = capture('pretty', 'debug');
    logger.debug({ papers: 12, dir: '/srv/my data' }, 'corpus loaded');
    expect(text()).toMatch(/^\d\d:\d\d:\d\d DEBUG corpus loaded {2}papers=12 dir="\/srv\/my data"\n$/);
  });
});

describe('formatLine', () => {
  it('prints an error stack under the line and passes foreign text through', () => {
    const line = JSON.stringify({ level: 'error', time: '2025-01-01T10:11:12.000Z', msg: 'boom', err: { message: 'x', stack: 'Error: x\n  at f' } });
    expect(formatLine(line)).toBe('10:11:12 ERROR boom\n    Error: x\n      at f\n');
    expect(formatLine('not json')).toBe('not json\n');
  });
});
