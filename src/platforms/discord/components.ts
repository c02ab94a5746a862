/**
 * Reply buttons → Discord action rows. Budget: 5 rows, each either up to 5 buttons or one select
 * menu; custom_ids ≤ 100 and unique. A list of papers gets one select menu per kind of per-paper
 * button ("Details of…", "More like…"), one option a paper, so a page of results costs two rows
 * instead of ten numbered buttons. A single paper keeps plain buttons, plus link buttons to its
 * arXiv page, PDF, Hugging Face page and code. Reply-level buttons (pagination, "another one")
 * always stay, at the bottom.
 * @see https://discord.com/developers/docs/components/reference#action-row
 * @see https://discord.com/developers/docs/components/reference#button
 * @see https://discord.com/developers/docs/components/reference#string-select
 */
import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APISelectMenuOption,
  type APIStringSelectComponent,
} from 'discord.js';
import type { Action, Block, Button, PaperCard } from '../../core/reply.js';
import { LIMITS } from './limits.js';
import { clip, oneLine, safeUrl, toPlain } from './markdown.js';

/**
 * custom_ids of components that re-run the command which produced the message start with this:
 * using one replaces the message in place (next page, another one) instead of answering anew.
 */
export const UPDATE_PREFIX = 'u:';
/** A select menu's custom_id names the menu only; the chosen option's value carries the action. */
export const PICK_PREFIX = 'pick:';

export type ActionEncoder = (action: Action, maxLength: number) => string;
export type ComponentRow = APIActionRowComponent<APIButtonComponent> | APIActionRowComponent<APIStringSelectComponent>;

export interface ComponentOptions {
  encodeAction: ActionEncoder;
  /** The command whose reply this is. */
  command?: string;
}

/** Splits a custom_id into the action payload and whether using it should update the message. */
export function parseCustomId(customId: string): { update: boolean; payload: string } {
  return customId.startsWith(UPDATE_PREFIX)
    ? { update: true, payload: customId.slice(UPDATE_PREFIX.length) }
    : { update: false, payload: customId };
}

/** The action payload of a button press or a select-menu choice. */
export function componentPayload(customId: string, values?: readonly string[]): { update: boolean; payload: string } {
  const { update, payload } = parseCustomId(customId);
  return payload.startsWith(PICK_PREFIX) ? { update, payload: values?.[0] ?? '' } : { update, payload };
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const buttonRow = (components: APIButtonComponent[]): ComponentRow => ({ type: ComponentType.ActionRow, components });
const defined = <T>(items: (T | undefined)[]): T[] => items.filter((item): item is T => item !== undefined);
const plainLabel = (text: string, max: number): string => clip(oneLine(toPlain(text)), max);

interface PaperButtons {
  number: number;
  paper: PaperCard;
  buttons: readonly Button[];
}

export function renderComponents(blocks: readonly Block[], buttons: readonly Button[], options: ComponentOptions): ComponentRow[] {
  const used = new Set<string>();
  const inPlace = (action: Action): string => (options.command !== undefined && action.command === options.command ? UPDATE_PREFIX : '');
  const actionButton = (button: Button): APIButtonComponent | undefined => {
    const prefix = inPlace(button.action);
    const customId = prefix + options.encodeAction(button.action, LIMITS.customId - prefix.length);
    // Discord rejects a message whose custom_ids repeat.
    if (customId.length > LIMITS.customId || used.has(customId)) return undefined;
    used.add(customId);
    const style = button.style === 'primary' ? ButtonStyle.Primary : ButtonStyle.Secondary;
    return { type: ComponentType.Button, style, label: plainLabel(button.label, LIMITS.buttonLabel) || '…', custom_id: customId };
  };

  const replyRows = chunk(defined(buttons.map(actionButton)), LIMITS.buttonsPerRow)
    .slice(0, LIMITS.actionRows)
    .map(buttonRow);
  let free = LIMITS.actionRows - replyRows.length;

  const papers = blocks.flatMap((block) => (block.type === 'paper' ? [block] : []));
  const withButtons: PaperButtons[] = papers
    .map((block, i) => ({ number: block.paper.rank ?? i + 1, paper: block.paper, buttons: block.buttons ?? [] }))
    .filter((paper) => paper.buttons.length > 0);

  const paperRows: ComponentRow[] = [];
  if (papers.length === 1 && withButtons.length === 1 && free > 0) {
    const rendered = defined(withButtons[0]!.buttons.slice(0, LIMITS.buttonsPerRow).map(actionButton));
    if (rendered.length) paperRows.push(buttonRow(rendered));
  } else if (withButtons.length > 0) {
    // One menu per kind of button (buttons sharing a `pick` share a menu: 👍 and 👎), in the order
    // the kinds first appear; menus that do not fit are dropped.
    const kinds = [...new Set(withButtons.flatMap((paper) => paper.buttons.map(kindOf)))];
    for (const kind of kinds) {
      if (paperRows.length >= free) break;
      const menu = selectMenu(kind, withButtons, options.encodeAction, inPlace, used);
      if (menu) paperRows.push({ type: ComponentType.ActionRow, components: [menu] });
    }
  }
  free -= paperRows.length;

  const linkRows: ComponentRow[] = [];
  if (papers.length === 1 && free > 0) {
    const links = defined(
      papers[0]!.paper.links.map((link): APIButtonComponent | undefined => {
        const url = safeUrl(link.url, LIMITS.buttonUrl);
        if (!url) return undefined;
        return { type: ComponentType.Button, style: ButtonStyle.Link, label: clip(oneLine(link.label), LIMITS.buttonLabel) || 'Link', url };
      }),
    ).slice(0, LIMITS.buttonsPerRow);
    if (links.length) linkRows.push(buttonRow(links));
  }
  return [...paperRows, ...linkRows, ...replyRows];
}

const kindOf = (button: Button): string => button.pick ?? button.label;

/** "Details of…": one option a paper (or one a paper and button, when the kind has several), its value the encoded action. */
function selectMenu(
  kind: string,
  papers: readonly PaperButtons[],
  encode: ActionEncoder,
  inPlace: (action: Action) => string,
  used: Set<string>,
): APIStringSelectComponent | undefined {
  const values = new Set<string>();
  const options: APISelectMenuOption[] = [];
  let prefix = '';
  const all = papers.flatMap((p) => p.buttons).filter((b) => kindOf(b) === kind);
  const several = new Set(all.map((b) => b.label)).size > 1;
  for (const { number, paper, buttons } of papers) {
    for (const button of buttons.filter((b) => kindOf(b) === kind)) {
      if (options.length >= LIMITS.selectOptions) break;
      const value = encode(button.action, LIMITS.selectValue);
      // Option values must be unique within a menu.
      if (value.length > LIMITS.selectValue || values.has(value)) continue;
      values.add(value);
      prefix ||= inPlace(button.action);
      const text = `${several ? `${button.label} ` : ''}${number}. ${paper.title}`;
      const option: APISelectMenuOption = { label: plainLabel(text, LIMITS.selectLabel) || String(number), value };
      const description = plainLabel(paper.meta, LIMITS.selectDescription);
      if (description) option.description = description;
      options.push(option);
    }
  }
  if (options.length === 0) return undefined;
  const label = all[0]!.label;
  const pick = all[0]!.pick;
  const customId = `${prefix}${PICK_PREFIX}${clip(oneLine(toPlain(kind)), LIMITS.customId - prefix.length - PICK_PREFIX.length)}`;
  if (used.has(customId)) return undefined;
  used.add(customId);
  return {
    type: ComponentType.StringSelect,
    custom_id: customId,
    placeholder: plainLabel(pick ?? `${label}…`, LIMITS.selectPlaceholder),
    options,
  };
}
