import { describe, expect, it } from 'vitest';
import { errorReply, type Block, type Button, type PaperCard, type Reply } from '../../../src/core/reply.js';
import { COLORS } from '../../../src/platforms/discord/embeds.js';
import { renderMessage } from '../../../src/platforms/discord/render.js';
import { messageProblems } from '../../fakes/discord/validate.js';
import { encoder } from './helpers.js';

const card = (n: number, extra: Partial<PaperCard> = {}): PaperCard => ({
  id: `p${n}`,
  title: `Paper number ${n}`,
  titleDerived: false,
  meta: `ID p${n} · Nov 25, 2024 · 3 authors`,
  summary: `Summary ${n}.`,
  links: [],
  ...extra,
});
const details = (id: string): Button => ({ label: 'Details', action: { command: 'paper', args: { id } } });
const similar = (id: string): Button => ({ label: 'More like this', action: { command: 'similar', args: { id } } });
const render = (reply: Reply, command?: string) => renderMessage(reply, { encodeAction: encoder(), ...(command ? { command } : {}) });

describe('GIVEN an error reply', () => {
  it('THEN it is one red ephemeral embed, code spans kept, the hint in the footer', () => {
    const message = render(errorReply('No paper has the ID `zz*`.', 'Paper IDs look like `p3kx7q2m`.'));
    expect(message).toEqual({
      content: '',
      embeds: [{ color: COLORS.error, description: 'No paper has the ID `zz*`.', footer: { text: 'Paper IDs look like “p3kx7q2m”.' } }],
      components: [],
      allowed_mentions: { parse: [] },
      flags: 64,
    });
  });
});

describe('GIVEN a single paper with links and reply buttons (random)', () => {
  const reply: Reply = {
    text: 'A random paper: Paper number 1 (p1)',
    blocks: [
      { type: 'header', text: 'A random paper' },
      {
        type: 'paper',
        paper: card(1, { links: [{ label: 'Code', url: 'https://github.com/a/b' }, { label: 'Project page', url: 'javascript:alert(1)' }] }),
      },
    ],
    buttons: [{ label: 'Another one', action: { command: 'random', args: {} }, style: 'primary' }, similar('p1'), details('p1')],
    ephemeral: false,
  };

  it('THEN the exact payload: title linked to the code, link buttons, "another one" updates in place', () => {
    expect(render(reply, 'random')).toEqual({
      content: '',
      embeds: [
        { color: COLORS.normal, title: 'A random paper' },
        {
          color: COLORS.normal,
          title: 'Paper number 1',
          url: 'https://github.com/a/b',
          description: 'Summary 1.\n[Code](https://github.com/a/b)',
          footer: { text: 'ID p1 · Nov 25, 2024 · 3 authors' },
        },
      ],
      components: [
        { type: 1, components: [{ type: 2, style: 5, label: 'Code', url: 'https://github.com/a/b' }] },
        {
          type: 1,
          components: [
            { type: 2, style: 1, label: 'Another one', custom_id: 'u:pb1:["random",{}]' },
            { type: 2, style: 2, label: 'More like this', custom_id: 'pb1:["similar",{"id":"p1"}]' },
            { type: 2, style: 2, label: 'Details', custom_id: 'pb1:["paper",{"id":"p1"}]' },
          ],
        },
      ],
      allowed_mentions: { parse: [] },
    });
  });
});

describe('GIVEN a search page: header, context, five papers with two buttons each, pagination', () => {
  const blocks: Block[] = [
    { type: 'header', text: 'Papers matching “diffusion”' },
    { type: 'context', text: 'Results 6–10 of 40' },
    ...[6, 7, 8, 9, 10].map((n): Block => ({ type: 'paper', paper: card(n), buttons: [details(`p${n}`), similar(`p${n}`)] })),
  ];
  const buttons: Button[] = [
    { label: '◀ Previous', action: { command: 'search', args: { query: 'diffusion', page: 1 } } },
    { label: 'Next ▶', action: { command: 'search', args: { query: 'diffusion', page: 3 } } },
  ];
  const message = render({ text: 'x', blocks, buttons, ephemeral: true }, 'search');

  it('THEN papers are numbered embeds under a header embed with the context as footer', () => {
    expect(message.embeds).toHaveLength(6);
    expect(message.embeds[0]).toEqual({ color: COLORS.normal, title: 'Papers matching “diffusion”', footer: { text: 'Results 6–10 of 40' } });
    expect(message.embeds.slice(1).map((e) => e.title)).toEqual(['1. Paper number 6', '2. Paper number 7', '3. Paper number 8', '4. Paper number 9', '5. Paper number 10']);
  });

  it('THEN per-paper buttons are grouped by kind and pagination stays last, updating in place', () => {
    expect(message.components.map((row) => row.components.map((b) => ('label' in b ? b.label : '')))).toEqual([
      ['Details 1', 'Details 2', 'Details 3', 'Details 4', 'Details 5'],
      ['More like this 1', 'More like this 2', 'More like this 3', 'More like this 4', 'More like this 5'],
      ['◀ Previous', 'Next ▶'],
    ]);
    expect(message.components[2]!.components.map((b) => ('custom_id' in b ? b.custom_id : ''))).toEqual([
      'u:pb1:["search",{"query":"diffusion","page":1}]',
      'u:pb1:["search",{"query":"diffusion","page":3}]',
    ]);
    expect(message.flags).toBe(64);
  });
});

describe('GIVEN more papers than embeds allow (a 10-paper digest)', () => {
  const blocks: Block[] = [
    { type: 'header', text: 'Digest: Diffusion' },
    { type: 'context', text: 'Denoising generative models.' },
    ...Array.from({ length: 10 }, (_, i): Block => ({ type: 'paper', paper: card(i + 1), buttons: [details(`p${i + 1}`)] })),
  ];
  const message = render({ text: 'x', blocks, buttons: [{ label: 'Search this topic', action: { command: 'search', args: { query: 'diffusion' } } }], ephemeral: false }, 'digest');

  it('THEN papers become numbered fields and every button still fits', () => {
    expect(message.embeds.length).toBeLessThanOrEqual(10);
    const fields = message.embeds.flatMap((e) => e.fields ?? []);
    expect(fields.map((f) => f.name)).toEqual(Array.from({ length: 10 }, (_, i) => `${i + 1}. Paper number ${i + 1}`));
    expect(fields[0]!.value).toBe('Summary 1.\nID p1 · Nov 25, 2024 · 3 authors');
    expect(message.components.map((row) => row.components.length)).toEqual([5, 5, 1]);
    expect(messageProblems(message as never, { create: true })).toEqual([]);
  });
});

describe('GIVEN text written to break formatting or ping', () => {
  const message = render({
    text: 'x',
    blocks: [
      { type: 'header', text: '**Bold** _it_ ~~gone~~ ||spoiler|| <@123> @everyone' },
      { type: 'text', text: '# Heading\n> quote\n- item\n1. first [click](https://evil.example) `code` and https://example.com/a_b_c' },
    ],
    buttons: [],
    ephemeral: false,
  });

  it('THEN markdown is escaped outside code spans and URLs, and nothing can ping', () => {
    expect(message.embeds[0]!.title).toBe('\\*\\*Bold\\*\\* \\_it\\_ \\~\\~gone\\~\\~ \\|\\|spoiler\\|\\| \\<@123\\> @everyone');
    expect(message.embeds[0]!.description).toBe(
      '\\# Heading\n\\> quote\n\\- item\n1\\. first \\[click\\](https://evil.example) `code` and https://example.com/a_b_c',
    );
    expect(message.allowed_mentions).toEqual({ parse: [] });
  });
});

describe('GIVEN a reply without blocks', () => {
  it('THEN its text goes to content, escaped and clipped to 2000', () => {
    const message = render({ text: `*${'a'.repeat(3000)}`, blocks: [], buttons: [], ephemeral: false });
    expect(message.embeds).toEqual([]);
    expect(message.content.startsWith('\\*aaa')).toBe(true);
    expect(message.content.length).toBeLessThanOrEqual(2000);
  });

  it('THEN an empty reply still sends something', () => {
    expect(render({ text: '', blocks: [], buttons: [], ephemeral: false }).content).toBe('…');
  });
});

describe('GIVEN two buttons with the same action', () => {
  it('THEN the duplicate custom_id is dropped (Discord rejects repeats)', () => {
    const message = render({ text: 'x', blocks: [{ type: 'paper', paper: card(1), buttons: [details('p1')] }], buttons: [details('p1')], ephemeral: false });
    expect(message.components.flatMap((row) => row.components)).toHaveLength(1);
  });
});

describe('GIVEN a channel post (poster)', () => {
  it('THEN no ephemeral flag is set', () => {
    const message = renderMessage({ text: 'x', blocks: [{ type: 'text', text: 'hi' }], buttons: [], ephemeral: true }, { encodeAction: encoder(), channel: true });
    expect(message.flags).toBeUndefined();
  });
});
