import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Block, Button, PaperCard, Reply } from '../../../src/core/reply.js';
import {
  ButtonBuilder,
  ComponentType,
  EmbedBuilder,
  StringSelectMenuBuilder,
  StringSelectMenuOptionBuilder,
  embedLength as discordEmbedLength,
  type APIButtonComponent,
  type APIEmbed,
  type APIStringSelectComponent,
} from 'discord.js';
import { embedLength } from '../../../src/platforms/discord/embeds.js';
import { LIMITS } from '../../../src/platforms/discord/limits.js';
import { renderMessage, type DiscordMessage } from '../../../src/platforms/discord/render.js';
import { messageProblems } from '../../fakes/discord/validate.js';
import { encoder } from './helpers.js';

/** Text that tends to hurt: markdown, mentions, astral characters, huge lengths. */
const nasty = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: fc.constantFrom('*', '_', '`', '|', '~', '\\', '<', '>', '@', '#', '-', '\n', ' ', 'a', '😀', 'é'), maxLength: 500 }),
  fc.string({ unit: 'grapheme', minLength: 200, maxLength: 9000 }),
  fc.constantFrom('@everyone', '<@123456789012345678>', '<@&1>', '# big', '> quote', '```', ''),
);
const url = fc.oneof(fc.webUrl(), fc.constant('javascript:alert(1)'), fc.constant(`https://example.com/${'x'.repeat(600)}`));
const action = fc.record({
  command: fc.constantFrom('search', 'random', 'paper', 'similar', 'digest'),
  args: fc.dictionary(fc.constantFrom('query', 'page', 'id', 'topic'), fc.oneof(nasty, fc.integer({ min: 1, max: 100 })), { maxKeys: 3 }),
});
const button: fc.Arbitrary<Button> = fc.record({ label: nasty, action, style: fc.constantFrom('primary' as const, 'secondary' as const) });
const paper: fc.Arbitrary<PaperCard> = fc.record({
  id: fc.string({ minLength: 1, maxLength: 12 }),
  title: nasty,
  titleDerived: fc.boolean(),
  meta: nasty,
  summary: nasty,
  links: fc.array(fc.record({ label: nasty, url }), { maxLength: 4 }),
});
const block: fc.Arbitrary<Block> = fc.oneof(
  fc.record({ type: fc.constant('header' as const), text: nasty }),
  fc.record({ type: fc.constant('text' as const), text: nasty }),
  fc.record({ type: fc.constant('context' as const), text: nasty }),
  fc.record({ type: fc.constant('fields' as const), fields: fc.array(fc.record({ label: nasty, value: nasty }), { maxLength: 30 }) }),
  fc.record({ type: fc.constant('paper' as const), paper, buttons: fc.array(button, { maxLength: 4 }) }),
);
const reply: fc.Arbitrary<Reply> = fc.record({
  text: nasty,
  blocks: fc.array(block, { maxLength: 14 }),
  buttons: fc.array(button, { maxLength: 8 }),
  ephemeral: fc.boolean(),
  error: fc.boolean(),
});

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function limitProblems(message: DiscordMessage): string[] {
  const problems = messageProblems(message as never, { create: true });
  const texts: string[] = [message.content];
  for (const embed of message.embeds) {
    texts.push(embed.title ?? '', embed.description ?? '', embed.footer?.text ?? '');
    for (const field of embed.fields ?? []) texts.push(field.name, field.value);
  }
  for (const row of message.components) {
    for (const b of row.components) {
      if ('label' in b && (!b.label || b.label.length > LIMITS.buttonLabel)) problems.push(`label ${b.label}`);
      if ('label' in b) texts.push(b.label ?? '');
      if ('options' in b) for (const o of b.options) texts.push(o.label, o.description ?? '');
    }
  }
  if (texts.some((text) => LONE_SURROGATE.test(text))) problems.push('lone surrogate (a split emoji)');
  if (message.embeds.reduce((sum, e) => sum + embedLength(e), 0) > LIMITS.embedsTotal) problems.push('6000 total');
  return problems;
}

describe('GIVEN any reply', () => {
  it('THEN the Discord payload stays within every limit and never pings', () => {
    fc.assert(
      fc.property(reply, fc.option(fc.constantFrom('search', 'random'), { nil: undefined }), (r, command) => {
        const message = renderMessage(r, { encodeAction: encoder(), ...(command ? { command } : {}) });
        expect(limitProblems(message)).toEqual([]);
        expect(message.allowed_mentions).toEqual({ parse: [] });
        for (const row of message.components) {
          for (const b of row.components) if ('custom_id' in b) expect(b.custom_id.length).toBeLessThanOrEqual(LIMITS.customId);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('THEN reply-level buttons are never dropped for per-paper ones (up to five)', () => {
    fc.assert(
      fc.property(reply, (r) => {
        const message = renderMessage(r, { encodeAction: encoder() });
        const ids = new Set(message.components.flatMap((row) => row.components.map((b) => ('custom_id' in b ? b.custom_id : ''))));
        const codec = encoder();
        const wanted = new Set(r.buttons.slice(0, 5).map((b) => codec(b.action, LIMITS.customId)).filter((id) => !id.startsWith('pbr:')));
        for (const id of wanted) expect(ids.has(id)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('THEN discord.js\'s own builders accept every embed and button, and measure the same length', () => {
    // Rebuilt through the builders' validating setters: their limits, not the renderer's constants.
    const rebuild = (embed: APIEmbed) => {
      const builder = new EmbedBuilder();
      if (embed.title !== undefined) builder.setTitle(embed.title);
      if (embed.description !== undefined) builder.setDescription(embed.description);
      if (embed.url !== undefined) builder.setURL(embed.url);
      if (embed.color !== undefined) builder.setColor(embed.color);
      if (embed.footer) builder.setFooter({ text: embed.footer.text });
      if (embed.fields?.length) builder.addFields(...embed.fields);
      return builder.toJSON();
    };
    fc.assert(
      fc.property(reply, (r) => {
        const message = renderMessage(r, { encodeAction: encoder() });
        expect(message.embeds.length).toBeLessThanOrEqual(10);
        const total = message.embeds.reduce((sum, embed) => sum + discordEmbedLength(rebuild(embed as APIEmbed)), 0);
        expect(total).toBeLessThanOrEqual(6000);
        expect(message.components.length).toBeLessThanOrEqual(5);
        for (const row of message.components) {
          expect(row.components.length).toBeLessThanOrEqual(5);
          for (const c of row.components as (APIButtonComponent | APIStringSelectComponent)[]) {
            if (c.type === ComponentType.StringSelect) {
              // A menu sits alone in its row; the builder's setters check ids, labels, values and counts.
              expect(row.components).toHaveLength(1);
              const menu = new StringSelectMenuBuilder().setCustomId(c.custom_id).setPlaceholder(c.placeholder ?? '');
              menu.addOptions(c.options.map((o) => new StringSelectMenuOptionBuilder().setLabel(o.label).setValue(o.value).setDescription(o.description ?? '-')));
              menu.toJSON();
              expect(new Set(c.options.map((o) => o.value)).size).toBe(c.options.length);
              continue;
            }
            const b = c as APIButtonComponent & { label?: string };
            const button = new ButtonBuilder().setStyle(b.style).setLabel(b.label ?? '');
            if ('custom_id' in b) button.setCustomId(b.custom_id);
            if ('url' in b) button.setURL(b.url);
            button.toJSON();
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
