/**
 * Lists every Block Kit limit a rendered message breaks (empty when it is valid). The limits are
 * Slack's published ones, written here from Slack's reference rather than imported from the
 * renderer, so a wrong constant in the renderer cannot hide behind itself. The shapes are checked
 * by the compiler against @slack/types, Slack's own type definitions.
 * @see https://docs.slack.dev/reference/block-kit/blocks
 * @see https://docs.slack.dev/reference/block-kit/block-elements/button-element
 * @see https://docs.slack.dev/reference/block-kit/block-elements/overflow-menu-element
 * @see https://docs.slack.dev/reference/block-kit/composition-objects/option-object
 */
import type { KnownBlock } from '@slack/types';
import type { SlackMessage } from '../../../src/platforms/slack/render.js';

const L = {
  MESSAGE_TEXT_MAX: 40_000,
  MAX_BLOCKS: 50,
  HEADER_TEXT_MAX: 150,
  SECTION_TEXT_MAX: 3000,
  SECTION_FIELDS_MAX: 10,
  FIELD_TEXT_MAX: 2000,
  CONTEXT_ELEMENTS_MAX: 10,
  CONTEXT_TEXT_MAX: 3000,
  ACTIONS_ELEMENTS_MAX: 25,
  BUTTON_TEXT_MAX: 75,
  BUTTON_VALUE_MAX: 2000,
  ACTION_ID_MAX: 255,
  BLOCK_ID_MAX: 255,
  OVERFLOW_OPTIONS_MIN: 2,
  OVERFLOW_OPTIONS_MAX: 5,
  OPTION_TEXT_MAX: 75,
  OPTION_VALUE_MAX: 150,
  OPTION_URL_MAX: 3000,
} as const;

/** Compiles only while every block we render is one of Slack's own block types. */
export function asKnownBlocks(message: SlackMessage): KnownBlock[] {
  return message.blocks;
}

export function blockKitViolations(message: SlackMessage): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  check(message.text.length > 0 && message.text.length <= L.MESSAGE_TEXT_MAX, `text length ${message.text.length}`);
  check(message.blocks.length <= L.MAX_BLOCKS, `${message.blocks.length} blocks`);
  const actionIds = new Set<string>();
  const blockIds = new Set<string>();
  message.blocks.forEach((block, i) => {
    switch (block.type) {
      case 'header':
        check(block.text.text.length > 0 && block.text.text.length <= L.HEADER_TEXT_MAX, `header ${i} length ${block.text.text.length}`);
        break;
      case 'section':
        if ('text' in block && block.accessory) {
          const { accessory } = block;
          check(block.block_id !== undefined && block.block_id.length <= L.BLOCK_ID_MAX && !blockIds.has(block.block_id), `block_id ${block.block_id}`);
          blockIds.add(block.block_id ?? '');
          check(accessory.action_id.length <= L.ACTION_ID_MAX && !actionIds.has(accessory.action_id), `action_id ${accessory.action_id}`);
          actionIds.add(accessory.action_id);
          if (accessory.type === 'button') {
            check(accessory.text.text.length > 0 && accessory.text.text.length <= L.BUTTON_TEXT_MAX, `accessory text ${accessory.text.text.length}`);
            check(accessory.value.length <= L.BUTTON_VALUE_MAX, `accessory value ${accessory.value.length}`);
          } else {
            check(accessory.options.length >= L.OVERFLOW_OPTIONS_MIN && accessory.options.length <= L.OVERFLOW_OPTIONS_MAX, `menu ${i} has ${accessory.options.length} options`);
            for (const o of accessory.options) {
              check(o.text.text.length > 0 && o.text.text.length <= L.OPTION_TEXT_MAX, `option text ${o.text.text.length}`);
              check(o.value.length <= L.OPTION_VALUE_MAX, `option value ${o.value.length}`);
              check(o.url === undefined || (o.url.length <= L.OPTION_URL_MAX && /^https?:\/\//.test(o.url)), `option url ${o.url}`);
            }
          }
        }
        if ('text' in block) check(block.text.text.length > 0 && block.text.text.length <= L.SECTION_TEXT_MAX, `section ${i} length ${block.text.text.length}`);
        else {
          check(block.fields.length > 0 && block.fields.length <= L.SECTION_FIELDS_MAX, `section ${i} has ${block.fields.length} fields`);
          for (const field of block.fields) check(field.text.length > 0 && field.text.length <= L.FIELD_TEXT_MAX, `field in ${i} length ${field.text.length}`);
        }
        break;
      case 'context':
        check(block.elements.length > 0 && block.elements.length <= L.CONTEXT_ELEMENTS_MAX, `context ${i} elements`);
        for (const el of block.elements) check(el.text.length > 0 && el.text.length <= L.CONTEXT_TEXT_MAX, `context ${i} length ${el.text.length}`);
        break;
      case 'actions':
        check(block.elements.length > 0 && block.elements.length <= L.ACTIONS_ELEMENTS_MAX, `actions ${i} has ${block.elements.length} elements`);
        check(block.block_id.length <= L.BLOCK_ID_MAX && !blockIds.has(block.block_id), `block_id ${block.block_id}`);
        blockIds.add(block.block_id);
        for (const button of block.elements) {
          check(button.text.text.length > 0 && button.text.text.length <= L.BUTTON_TEXT_MAX, `button text ${button.text.text.length}`);
          check(button.action_id.length <= L.ACTION_ID_MAX && !actionIds.has(button.action_id), `action_id ${button.action_id}`);
          check(button.value.length <= L.BUTTON_VALUE_MAX, `button value ${button.value.length}`);
          actionIds.add(button.action_id);
        }
        break;
    }
  });
  return problems;
}

/** Every user-visible string of a message, for escaping checks. */
export function messageTexts(message: SlackMessage): string[] {
  const out = [message.text];
  for (const block of message.blocks) {
    if (block.type === 'header') out.push(block.text.text);
    else if (block.type === 'section') out.push(...('text' in block ? [block.text.text] : block.fields.map((f) => f.text)));
    else if (block.type === 'context') out.push(...block.elements.map((e) => e.text));
    else out.push(...block.elements.map((e) => e.text.text));
  }
  return out;
}
