/** On every platform a paper's title opens its arXiv page, and a derived title says so. */
import { describe, expect, it } from 'vitest';
import { reply, type PaperCard } from '../../src/core/reply.js';
import { renderConsole, plainStyle } from '../../src/platforms/console/render.js';
import { renderMessage } from '../../src/platforms/discord/render.js';
import { renderReply } from '../../src/platforms/slack/render.js';

const card = (titleDerived: boolean): PaperCard => ({
  id: 'p1234567',
  title: 'Quokka Transformers',
  titleDerived,
  meta: 'ID p1234567 · arXiv 2611.00001',
  summary: 'We study quokkas.',
  links: [
    { label: 'arXiv', url: 'https://arxiv.org/abs/2611.00001' },
    { label: 'PDF', url: 'https://arxiv.org/pdf/2611.00001' },
  ],
});
const one = (titleDerived: boolean) => reply('Quokka Transformers', [{ type: 'paper', paper: card(titleDerived) }]);
const encode = () => 'x';

describe('paper titles', () => {
  it('Discord: the embed title links to arXiv and flags a derived title', () => {
    const [embed] = renderMessage(one(true), { encodeAction: encode }).embeds as { title?: string; url?: string }[];
    expect(embed).toMatchObject({ title: 'Quokka Transformers (title derived)', url: 'https://arxiv.org/abs/2611.00001' });
    expect((renderMessage(one(false), { encodeAction: encode }).embeds[0] as { title?: string }).title).toBe('Quokka Transformers');
  });

  it('Slack: the title is a link to arXiv and flags a derived title', () => {
    const text = JSON.stringify(renderReply(one(true), { encode }).blocks);
    expect(text).toContain('*<https://arxiv.org/abs/2611.00001|Quokka Transformers>* (title derived)');
    expect(JSON.stringify(renderReply(one(false), { encode }).blocks)).not.toContain('(title derived)');
  });

  it('console: the flag follows the title', () => {
    expect(renderConsole(one(true), plainStyle).text).toContain('1. Quokka Transformers (title derived)');
  });
});
