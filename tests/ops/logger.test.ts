import { describe, expect, it } from 'vitest';
import type { Logger } from '../../src/core/logger.js';
import { createLogger, interactionLogger } from '../../src/ops/logger.js';
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

  it('tags every line of a command with its interactionId', () => {
    const { logger, json } = capture('json');
    const child = interactionLogger(logger, { interactionId: 'abc123', platform: 'slack', command: 'search' });
    child.info({ hits: 3 }, 'search done');
    child.child({ step: 'render' }).warn({}, 'long reply');
    expect(json()).toEqual([
      expect.objectContaining({ interactionId: 'abc123', platform: 'slack', command: 'search', hits: 3 }),
      expect.objectContaining({ interactionId: 'abc123', step: 'render', level: 'warn' }),
    ]);
  });

  it('makes up an interactionId when none is given', () => {
    const { logger, json } = capture('json');
    interactionLogger(logger).info({}, 'x');
    expect(json()[0]?.interactionId).toMatch(/^[0-9a-f]{8}$/);
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
