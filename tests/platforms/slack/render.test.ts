import { describe, expect, it } from 'vitest';
import type { Action, Reply } from '../../../src/core/reply.js';
import { blockKitViolations } from './limits-check.js';
import { LINK_OPTION_VALUE, renderReply } from '../../../src/platforms/slack/render.js';

/** Deterministic button values so payloads can be compared exactly. */
const encode = (action: Action) => `v:${action.command}:${JSON.stringify(action.args)}`;

const card = {
  id: 'p1diff01',
  title: 'Denoising Diffusion <Models>',
  titleDerived: false,
  meta: 'ID p1diff01 · Nov 25, 2024 · 7 authors',
  summary: 'We scale diffusion & friends.',
  links: [
    { label: 'Code', url: 'https://github.com/example/diffusion?a=1&b=2' },
    { label: 'Evil', url: 'javascript:alert(1)' },
  ],
};

describe('renderReply (Slack Block Kit)', () => {
  it('GIVEN a search-like ephemeral reply THEN renders exact blocks, buttons and a share button', () => {
    const reply: Reply = {
      text: 'Papers matching “diffusion”',
      blocks: [
        { type: 'header', text: 'Papers matching “diffusion”' },
        { type: 'context', text: 'Results 1–1 of 1' },
        { type: 'paper', paper: card, buttons: [{ label: 'Details', action: { command: 'paper', args: { id: 'p1diff01' } } }] },
      ],
      buttons: [{ label: 'Next ▶', action: { command: 'search', args: { query: 'diffusion', page: 2 } } }],
      ephemeral: true,
    };
    const share = { command: '$text', args: { text: 'search diffusion' } };
    expect(renderReply(reply, { encode, share, source: 'search' })).toEqual({
      text: 'Papers matching “diffusion”',
      response_type: 'ephemeral',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'Papers matching “diffusion”', emoji: true } },
        { type: 'context', elements: [{ type: 'mrkdwn', text: 'Results 1–1 of 1', verbatim: true }] },
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            verbatim: true,
            text:
              '*Denoising Diffusion &lt;Models&gt;*\nID p1diff01 · Nov 25, 2024 · 7 authors\nWe scale diffusion &amp; friends.\n' +
              '<https://github.com/example/diffusion?a=1&amp;b=2|Code>',
          },
          // One action: a button beside the paper, no actions row of its own.
          block_id: 'pb:paper:2',
          accessory: { type: 'button', text: { type: 'plain_text', text: 'Details', emoji: true }, action_id: 'pb:1', value: 'v:paper:{"id":"p1diff01"}' },
        },
        {
          type: 'actions',
          block_id: 'pb:src:search',
          elements: [
            { type: 'button', text: { type: 'plain_text', text: 'Next ▶', emoji: true }, action_id: 'pb:0', value: 'v:search:{"query":"diffusion","page":2}' },
            { type: 'button', text: { type: 'plain_text', text: 'Share to channel', emoji: true }, action_id: 'pb:share', value: 'v:$text:{"text":"search diffusion"}' },
          ],
        },
      ],
    });
  });

  it('GIVEN an in-channel reply with fields THEN uses in_channel, mrkdwn fields and a primary button', () => {
    const reply: Reply = {
      text: 'Paper',
      blocks: [{ type: 'fields', fields: [{ label: 'Upvotes', value: '42' }, { label: 'TL;DR', value: 'a < b' }] }],
      buttons: [{ label: 'Another one', action: { command: 'random', args: {} }, style: 'primary' }],
      ephemeral: false,
    };
    expect(renderReply(reply, { encode, share: { command: 'random', args: {} } })).toEqual({
      text: 'Paper',
      response_type: 'in_channel',
      blocks: [
        {
          type: 'section',
          fields: [
            { type: 'mrkdwn', text: '*Upvotes*\n42', verbatim: true },
            { type: 'mrkdwn', text: '*TL;DR*\na &lt; b', verbatim: true },
          ],
        },
        {
          type: 'actions',
          block_id: 'pb:src:',
          elements: [
            { type: 'button', text: { type: 'plain_text', text: 'Another one', emoji: true }, action_id: 'pb:0', value: 'v:random:{}', style: 'primary' },
          ],
        },
      ],
    });
  });

  it('GIVEN an error reply THEN it stays ephemeral and gets no share button', () => {
    const message = renderReply(
      { text: 'No paper has the ID `x`.', blocks: [{ type: 'text', text: 'No paper has the ID `x`.' }], buttons: [], ephemeral: true, error: true },
      { encode, share: { command: '$text', args: { text: 'paper x' } } },
    );
    expect(message).toEqual({
      text: 'No paper has the ID `x`.',
      response_type: 'ephemeral',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'No paper has the ID `x`.', verbatim: true } }],
    });
  });

  it('GIVEN a shared reply THEN credits the sharer with a mention built from a valid user id only', () => {
    const reply: Reply = { text: 't', blocks: [{ type: 'text', text: 'hello' }], buttons: [], ephemeral: true };
    expect(renderReply(reply, { encode, sharedBy: 'U0USER' }).blocks.at(-1)).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: 'Shared by <@U0USER>', verbatim: true }],
    });
    expect(JSON.stringify(renderReply(reply, { encode, sharedBy: '!channel' }))).not.toContain('Shared by');
  });

  it('GIVEN more than ten fields THEN splits them over several sections', () => {
    const fields = Array.from({ length: 23 }, (_, i) => ({ label: `f${i}`, value: 'v' }));
    const message = renderReply({ text: 't', blocks: [{ type: 'fields', fields }], buttons: [], ephemeral: false }, { encode });
    expect(message.blocks.map((b) => ('fields' in b ? b.fields.length : 0))).toEqual([10, 10, 3]);
  });

  it('GIVEN too many blocks THEN keeps within 50 and says that some were left out', () => {
    const blocks = Array.from({ length: 80 }, (_, i) => ({ type: 'text' as const, text: `line ${i}` }));
    const message = renderReply(
      { text: 't', blocks, buttons: [{ label: 'Next', action: { command: 'search', args: {} } }], ephemeral: false },
      { encode },
    );
    expect(message.blocks).toHaveLength(50);
    expect(message.blocks.at(-2)).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: 'Some results were left out to fit in one Slack message.', verbatim: true }] });
    expect(message.blocks.at(-1)?.type).toBe('actions');
  });

  it('GIVEN a page of five papers with two actions each THEN one block a paper, the actions in a menu beside it', () => {
    const paper = (i: number) => ({ id: `p${i}`, title: `Paper ${i}`, titleDerived: false, meta: `ID p${i}`, summary: 'S', links: [] });
    const reply: Reply = {
      text: 'Papers',
      blocks: [
        { type: 'header', text: 'Papers matching “x”' },
        { type: 'context', text: 'Results 1–5 of 9' },
        ...[1, 2, 3, 4, 5].map((i) => ({
          type: 'paper' as const,
          paper: paper(i),
          buttons: [
            { label: 'Details', action: { command: 'paper', args: { id: `p${i}` } } },
            { label: 'More like this', action: { command: 'similar', args: { id: `p${i}` } } },
          ],
        })),
      ],
      buttons: [{ label: 'Next ▶', action: { command: 'search', args: { query: 'x', page: 2 } } }],
      ephemeral: true,
    };
    const message = renderReply(reply, { encode, owner: 'U0OWNER' });
    // header, count, five papers, the page buttons: 8 blocks where an actions row per paper made 13.
    expect(message.blocks.map((b) => b.type)).toEqual(['header', 'context', 'section', 'section', 'section', 'section', 'section', 'actions']);
    expect(message.blocks[2]).toMatchObject({
      block_id: 'pb:paper:2~U0OWNER',
      accessory: {
        type: 'overflow',
        options: [
          { text: { text: 'Details' }, value: 'v:paper:{"id":"p1"}' },
          { text: { text: 'More like this' }, value: 'v:similar:{"id":"p1"}' },
        ],
      },
    });
    expect(blockKitViolations(message)).toEqual([]);
  });

  it('THEN a paper on arXiv gets "Open on arXiv" last in its menu, even beside a single action', () => {
    const onArxiv = { id: 'p1', title: 'Paper 1', titleDerived: false, meta: 'ID p1', summary: 'S', links: [{ label: 'arXiv', url: 'https://arxiv.org/abs/2401.01234' }] };
    const message = renderReply(
      { text: 'x', blocks: [{ type: 'paper', paper: onArxiv, buttons: [{ label: 'Details', action: { command: 'paper', args: { id: 'p1' } } }] }], buttons: [], ephemeral: true },
      { encode },
    );
    expect(message.blocks[0]).toMatchObject({
      accessory: {
        type: 'overflow',
        options: [
          { text: { text: 'Details' }, value: 'v:paper:{"id":"p1"}' },
          { text: { text: 'Open on arXiv' }, value: LINK_OPTION_VALUE, url: 'https://arxiv.org/abs/2401.01234' },
        ],
      },
    });
    expect(blockKitViolations(message)).toEqual([]);
  });
});
