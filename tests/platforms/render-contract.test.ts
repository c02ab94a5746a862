/**
 * One contract, every renderer: whatever a command replies, each platform shows every paper title
 * and keeps every reply-level button working (its payload decodes back to the same action).
 */
import type { APIButtonComponent, APIStringSelectComponent } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { ActionCodec } from '../../src/core/actions.js';
import type { Action, Reply } from '../../src/core/reply.js';
import { renderConsole } from '../../src/platforms/console/render.js';
import { renderMessage } from '../../src/platforms/discord/index.js';
import { renderReply } from '../../src/platforms/slack/index.js';
import { botWith, realLibrary, REQUEST } from '../commands/helpers.js';

interface Rendered {
  /** Everything a reader sees, as one string with platform escaping undone. */
  text: string;
  /** Decoded actions of every command button. */
  actions: Action[];
  ephemeral: boolean | undefined;
}

const codec = new ActionCodec();
const decode = (payload: string | undefined) => (payload ? codec.decode(payload.replace(/^u:/, '')) : undefined);

const renderers: Record<string, (reply: Reply) => Rendered> = {
  console(reply) {
    const out = renderConsole(reply);
    return { text: out.text, actions: out.buttons.map((b) => b.action), ephemeral: undefined };
  },
  discord(reply) {
    const message = renderMessage(reply, { encodeAction: (a, max) => codec.encode(a, max) });
    const text = JSON.stringify([message.content, message.embeds]).replace(/\\\\/g, '');
    // A button's custom_id carries its action; a select menu's options carry theirs.
    const ids = message.components
      .flatMap((row): (APIButtonComponent | APIStringSelectComponent)[] => row.components)
      .flatMap((c): (string | undefined)[] => ('options' in c ? c.options.map((o) => o.value) : ['custom_id' in c ? c.custom_id : undefined]));
    return { text, actions: ids.map(decode).filter((a): a is Action => !!a), ephemeral: message.flags === 64 };
  },
  slack(reply) {
    const message = renderReply(reply, { encode: (a, max) => codec.encode(a, max) });
    const text = JSON.stringify(message.blocks).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    const values = (message.blocks as { type: string; elements?: { value?: string }[] }[])
      .filter((b) => b.type === 'actions')
      .flatMap((b) => b.elements ?? [])
      .map((e) => decode(e.value));
    return { text, actions: values.filter((a): a is Action => !!a), ephemeral: message.response_type === 'ephemeral' };
  },
};

const { library } = realLibrary();
const someId = library.search('diffusion', { limit: 1 }).hits[0]!.paper.id;
const commands = ['search diffusion', 'search transfomer', 'random', 'digest contrastive 5', `paper ${someId}`, `similar ${someId}`, 'topics', 'help', 'paper nope'];

describe.each(Object.keys(renderers))('the %s renderer', (platform) => {
  const render = renderers[platform]!;
  it.each(commands)('shows every paper and keeps every button of "%s"', async (text) => {
    const reply = await botWith(() => 0.4).runText(text, REQUEST);
    const rendered = render(reply);
    for (const block of reply.blocks) {
      if (block.type === 'paper') expect(rendered.text).toContain(block.paper.title);
    }
    for (const button of reply.buttons) expect(rendered.actions).toContainEqual(button.action);
    if (rendered.ephemeral !== undefined) expect(rendered.ephemeral).toBe(reply.ephemeral);
  });
});
