import { describe, expect, it } from 'vitest';
import { detailsButton, similarButton } from '../../../src/core/cards.js';
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
const details = detailsButton;
const similar = similarButton;
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
    ...[6, 7, 8, 9, 10].map((n): Block => ({ type: 'paper', paper: card(n, { rank: n }), buttons: [details(`p${n}`), similar(`p${n}`)] })),
  ];
  const buttons: Button[] = [
    { label: '◀ Previous', action: { command: 'search', args: { query: 'diffusion', page: 1 } } },
    { label: 'Next ▶', action: { command: 'search', args: { query: 'diffusion', page: 3 } } },
  ];
  const message = render({ text: 'x', blocks, buttons, ephemeral: true }, 'search');

  it('THEN the page is one embed: the header as title, the context under it, a numbered field a paper', () => {
    expect(message.embeds).toHaveLength(1);
    const [embed] = message.embeds;
    expect(embed).toMatchObject({ color: COLORS.normal, title: 'Papers matching “diffusion”', description: '*Results 6–10 of 40*' });
    expect(embed!.fields!.map((f) => f.name)).toEqual(['6. Paper number 6', '7. Paper number 7', '8. Paper number 8', '9. Paper number 9', '10. Paper number 10']);
    expect(embed!.fields![0]!.value).toBe('Summary 6.\nID p6 · Nov 25, 2024 · 3 authors');
  });

  it('THEN per-paper buttons become one select menu a kind, and pagination stays last, updating in place', () => {
    const [detailsMenu, similarMenu, pages] = message.components;
    expect(message.components).toHaveLength(3);
    expect(detailsMenu!.components).toEqual([
      {
        type: 3,
        custom_id: 'pick:Details of…',
        placeholder: 'Details of…',
        options: [6, 7, 8, 9, 10].map((n) => ({ label: `${n}. Paper number ${n}`, description: `ID p${n} · Nov 25, 2024 · 3 authors`, value: `pb1:["paper",{"id":"p${n}"}]` })),
      },
    ]);
    // "More like this" re-runs `similar`, not `search`: it answers anew rather than replacing the page.
    expect(similarMenu!.components[0]).toMatchObject({ type: 3, custom_id: 'pick:More like…', placeholder: 'More like…' });
    expect(pages!.components.map((b) => ('custom_id' in b ? b.custom_id : ''))).toEqual([
      'u:pb1:["search",{"query":"diffusion","page":1}]',
      'u:pb1:["search",{"query":"diffusion","page":3}]',
    ]);
    expect(message.flags).toBe(64);
    expect(messageProblems(message as never, { create: true })).toEqual([]);
  });

  it('THEN a menu of the command\'s own action updates the message in place', () => {
    const similarPage = render({ text: 'x', blocks, buttons: [], ephemeral: true }, 'similar');
    expect(similarPage.components[1]!.components[0]).toMatchObject({ custom_id: 'u:pick:More like…' });
  });
});

describe('GIVEN a 10-paper digest', () => {
  const blocks: Block[] = [
    { type: 'header', text: 'Digest: Diffusion' },
    { type: 'context', text: 'Denoising generative models.' },
    ...Array.from({ length: 10 }, (_, i): Block => ({ type: 'paper', paper: card(i + 1), buttons: [details(`p${i + 1}`)] })),
  ];
  const message = render({ text: 'x', blocks, buttons: [{ label: 'Search this topic', action: { command: 'search', args: { query: 'diffusion' } } }], ephemeral: false }, 'digest');

  it('THEN it is one embed of numbered fields, one menu and the reply button', () => {
    expect(message.embeds).toHaveLength(1);
    const fields = message.embeds[0]!.fields ?? [];
    expect(fields.map((f) => f.name)).toEqual(Array.from({ length: 10 }, (_, i) => `${i + 1}. Paper number ${i + 1}`));
    expect(fields[0]!.value).toBe('Summary 1.\nID p1 · Nov 25, 2024 · 3 authors');
    expect(message.components.map((row) => row.components.map((c) => c.type))).toEqual([[3], [2]]);
    expect((message.components[0]!.components[0] as { options: unknown[] }).options).toHaveLength(10);
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
    expect(message.components.flatMap((row): unknown[] => row.components)).toHaveLength(1);
  });
});

describe('GIVEN a channel post (poster)', () => {
  it('THEN no ephemeral flag is set', () => {
    const message = renderMessage({ text: 'x', blocks: [{ type: 'text', text: 'hi' }], buttons: [], ephemeral: true }, { encodeAction: encoder(), channel: true });
    expect(message.flags).toBeUndefined();
  });
});

describe('GIVEN a list of papers with publication dates', () => {
  it('THEN each field shows its date as a Discord timestamp at noon UTC, so every reader sees the same calendar day', () => {
    const blocks: Block[] = [1, 2].map((n) => ({ type: 'paper', paper: card(n, { published: '2024-11-25' }) }));
    const [embed] = render({ text: 'x', blocks, buttons: [], ephemeral: false }).embeds;
    const noon = Date.UTC(2024, 10, 25, 12) / 1000;
    expect(embed!.fields![0]!.value).toBe(`Summary 1.\nID p1 · <t:${noon}:D> · 3 authors`);
  });

  it('THEN a single paper keeps the written date in its footer, where Discord renders no timestamps', () => {
    const [, embed] = render({ text: 'x', blocks: [{ type: 'header', text: 'h' }, { type: 'paper', paper: card(1, { published: '2024-11-25' }) }], buttons: [], ephemeral: false }).embeds;
    expect(embed!.footer!.text).toBe('ID p1 · Nov 25, 2024 · 3 authors');
  });
});
