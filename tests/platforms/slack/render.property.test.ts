import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ActionCodec } from '../../../src/core/actions.js';
import type { Block, Button, Reply } from '../../../src/core/reply.js';
import { renderReply } from '../../../src/platforms/slack/render.js';
import { blockKitViolations, messageTexts } from './limits-check.js';

const NASTY = ['<!channel>', '<!here>', '<@U123>', '<!everyone>', '<#C123>', '<https://evil.example|click>', '&', '>', '<', '&lt;'];
/** Long strings, unicode (surrogate pairs) and mention sequences mixed in. */
const text = (max: number) =>
  fc
    .array(fc.oneof(fc.string({ maxLength: 200, unit: 'grapheme' }), fc.constantFrom(...NASTY), fc.string({ minLength: 500, maxLength: 3000 })), { maxLength: max })
    .map((parts) => parts.join(' '));

const button: fc.Arbitrary<Button> = fc.record({
  label: text(3),
  action: fc.record({ command: fc.constantFrom('search', 'paper', 'random'), args: fc.dictionary(fc.string({ maxLength: 10 }), fc.oneof(text(3), fc.integer())) }),
  style: fc.constantFrom<'primary' | 'secondary' | undefined>('primary', 'secondary', undefined),
});

const block: fc.Arbitrary<Block> = fc.oneof(
  fc.record({ type: fc.constant('header' as const), text: text(4) }),
  fc.record({ type: fc.constant('text' as const), text: text(8) }),
  fc.record({ type: fc.constant('context' as const), text: text(6) }),
  fc.record({ type: fc.constant('fields' as const), fields: fc.array(fc.record({ label: text(2), value: text(4) }), { maxLength: 25 }) }),
  fc.record({
    type: fc.constant('paper' as const),
    paper: fc.record({
      id: fc.string({ maxLength: 12 }),
      title: text(4),
      titleDerived: fc.boolean(),
      meta: text(2),
      summary: text(10),
      links: fc.array(fc.record({ label: text(1), url: fc.oneof(fc.webUrl(), text(1)) }), { maxLength: 4 }),
    }),
    buttons: fc.array(button, { maxLength: 30 }),
  }),
);

const replyArb: fc.Arbitrary<Reply> = fc.record({
  text: text(20),
  blocks: fc.array(block, { maxLength: 70 }),
  buttons: fc.array(button, { maxLength: 30 }),
  ephemeral: fc.boolean(),
  error: fc.boolean(),
});

describe('renderReply properties', () => {
  const codec = new ActionCodec();
  const encode = codec.encode.bind(codec);

  it('never exceeds a Block Kit limit, whatever the titles, abstracts and queries', () => {
    fc.assert(
      fc.property(replyArb, (reply) => {
        const message = renderReply(reply, { encode, share: { command: '$text', args: { text: reply.text } }, source: 'search' });
        expect(blockKitViolations(message)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('escapes user and corpus text: no mention, channel link or stray link can form', () => {
    fc.assert(
      fc.property(replyArb, (reply) => {
        const message = renderReply(reply, { encode });
        for (const value of messageTexts(message)) {
          expect(value).not.toMatch(/<[!@#]/);
          // The only `<` left opens a link we built from an http(s) URL.
          for (const match of value.matchAll(/</g)) expect(value.slice(match.index, match.index + 10)).toMatch(/^<https?:\/\//);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('keeps a query with mentions escaped in headers, text and fallback', () => {
    fc.assert(
      fc.property(fc.constantFrom('<!channel>', '<!here>', '<@U123>'), fc.string({ maxLength: 40 }), (mention, rest) => {
        const query = `${rest}${mention}${rest}`;
        const message = renderReply(
          { text: `Papers matching “${query}”`, blocks: [{ type: 'header', text: query }, { type: 'text', text: query }], buttons: [], ephemeral: true },
          { encode },
        );
        const json = JSON.stringify(message);
        expect(json).not.toContain(mention);
        expect(json).toContain(mention.replace('<', '&lt;').replace('>', '&gt;'));
      }),
    );
  });
});
