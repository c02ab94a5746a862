import { describe, expect, it } from 'vitest';
import { parseArgText, validateArgs } from '../../src/core/args.js';
import { defineCommand } from '../../src/core/command.js';
import { UserError } from '../../src/core/errors.js';
import { reply } from '../../src/core/reply.js';

const digestLike = defineCommand({
  name: 'digest',
  description: 'test',
  usage: 'digest contrastive 5',
  args: [
    { name: 'topic', description: 't', type: 'string', required: true, maxLength: 20, text: 'rest' },
    { name: 'count', description: 'c', type: 'integer', default: 5, min: 1, max: 10 },
  ],
  execute: () => reply('ok'),
});

const paperLike = defineCommand({
  name: 'paper',
  description: 'test',
  usage: 'paper ID',
  args: [{ name: 'id', description: 'i', type: 'string', required: true }],
  execute: () => reply('ok'),
});

describe('parseArgText', () => {
  it('takes a trailing number for an integer argument after a rest argument', () => {
    expect(parseArgText(digestLike, 'contrastive learning 5')).toEqual({ topic: 'contrastive learning', count: '5' });
  });

  it('keeps words that are not numbers in the rest argument', () => {
    expect(parseArgText(digestLike, '  contrastive   learning ')).toEqual({ topic: 'contrastive learning' });
  });

  it('never steals the only word of the rest argument', () => {
    expect(parseArgText(digestLike, '2024')).toEqual({ topic: '2024' });
  });

  it('refuses extra words for commands without a rest argument', () => {
    expect(() => parseArgText(paperLike, 'p1 p2')).toThrow(UserError);
  });
});

describe('validateArgs', () => {
  it('applies defaults and coerces numbers', () => {
    expect(validateArgs(digestLike, { topic: 'vae', count: '3' })).toEqual({ topic: 'vae', count: 3 });
    expect(validateArgs(digestLike, { topic: 'vae' })).toEqual({ topic: 'vae', count: 5 });
  });

  it('treats blank strings as missing and names every problem', () => {
    try {
      validateArgs(digestLike, { topic: '  ', count: 11 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).message).toBe('`topic` is required; `count` must be at most 10.');
      expect((error as UserError).hint).toBe('Usage: digest contrastive 5');
    }
  });

  it('rejects too long text and non-integers', () => {
    expect(() => validateArgs(digestLike, { topic: 'x'.repeat(21) })).toThrow('`topic` is too long (at most 20 characters)');
    expect(() => validateArgs(digestLike, { topic: 'vae', count: 'many' })).toThrow('`count` must be a whole number');
    expect(() => validateArgs(digestLike, { topic: 'vae', count: 2.5 })).toThrow('`count` must be a whole number');
  });
});
