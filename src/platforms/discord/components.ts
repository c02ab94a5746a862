/**
 * Reply buttons → Discord action rows. Budget: 5 rows of 5 buttons, unique custom_ids ≤ 100.
 * Priority: reply-level buttons (pagination, "another one") always stay, at the bottom; per-paper
 * buttons come next, grouped by kind ("Details 1 … Details 5", one row per kind and five papers);
 * link buttons to a single paper's code or project page fill a remaining row.
 * @see https://discord.com/developers/docs/components/reference#action-row
 * @see https://discord.com/developers/docs/components/reference#button
 */
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent } from 'discord.js';
import type { Action, Block, Button } from '../../core/reply.js';
import { LIMITS } from './limits.js';
import { clip, oneLine, safeUrl, toPlain } from './markdown.js';

/**
 * custom_ids of buttons that re-run the command which produced the message start with this:
 * pressing one replaces the message in place (next page, another one) instead of answering anew.
 */
export const UPDATE_PREFIX = 'u:';

export type ActionEncoder = (action: Action, maxLength: number) => string;
export type ButtonRow = APIActionRowComponent<APIButtonComponent>;

export interface ComponentOptions {
  encodeAction: ActionEncoder;
  /** The command whose reply this is. */
  command?: string;
}

/** Splits a custom_id into the action payload and whether the press should update the message. */
export function parseCustomId(customId: string): { update: boolean; payload: string } {
  return customId.startsWith(UPDATE_PREFIX)
    ? { update: true, payload: customId.slice(UPDATE_PREFIX.length) }
    : { update: false, payload: customId };
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const row = (components: APIButtonComponent[]): ButtonRow => ({ type: ComponentType.ActionRow, components });

export function renderComponents(blocks: readonly Block[], buttons: readonly Button[], options: ComponentOptions): ButtonRow[] {
  const used = new Set<string>();
  const actionButton = (button: Button, label = button.label): APIButtonComponent | undefined => {
    const inPlace = options.command !== undefined && button.action.command === options.command;
    const prefix = inPlace ? UPDATE_PREFIX : '';
    const customId = prefix + options.encodeAction(button.action, LIMITS.customId - prefix.length);
    // Discord rejects a message whose custom_ids repeat.
    if (customId.length > LIMITS.customId || used.has(customId)) return undefined;
    used.add(customId);
    const style = button.style === 'primary' ? ButtonStyle.Primary : ButtonStyle.Secondary;
    return { type: ComponentType.Button, style, label: clip(oneLine(toPlain(label)), LIMITS.buttonLabel) || '…', custom_id: customId };
  };
  const defined = <T>(items: (T | undefined)[]): T[] => items.filter((item): item is T => item !== undefined);

  const replyRows = chunk(defined(buttons.map((b) => actionButton(b))), LIMITS.buttonsPerRow)
    .slice(0, LIMITS.actionRows)
    .map((buttons) => row(buttons));
  let free = LIMITS.actionRows - replyRows.length;

  const papers = blocks.flatMap((block) => (block.type === 'paper' ? [block] : []));
  const withButtons = papers
    .map((block, i) => ({ number: block.paper.rank ?? i + 1, buttons: block.buttons ?? [] }))
    .filter((paper) => paper.buttons.length > 0);
  const paperRows: ButtonRow[] = [];
  if (withButtons.length === 1 && free > 0) {
    const paper = withButtons[0]!;
    const numbered = papers.length > 1;
    const rendered = defined(
      paper.buttons.slice(0, LIMITS.buttonsPerRow).map((b) => actionButton(b, numbered ? `${b.label} ${paper.number}` : b.label)),
    );
    if (rendered.length) paperRows.push(row(rendered));
  } else if (withButtons.length > 0) {
    // Group by label: "Details 1 … Details 5", then "More like this 1 … 5"; drop whole groups that do not fit.
    const labels = [...new Set(withButtons.flatMap((paper) => paper.buttons.map((b) => b.label)))];
    for (const label of labels) {
      const group = withButtons.flatMap((paper) =>
        paper.buttons.filter((b) => b.label === label).map((b) => ({ button: b, label: `${label} ${paper.number}` })),
      );
      const needed = Math.ceil(group.length / LIMITS.buttonsPerRow);
      if (needed > free - paperRows.length) continue;
      const rendered = defined(group.map((g) => actionButton(g.button, g.label)));
      paperRows.push(...chunk(rendered, LIMITS.buttonsPerRow).map((buttons) => row(buttons)));
    }
  }
  free -= paperRows.length;

  const linkRows: ButtonRow[] = [];
  if (papers.length === 1 && free > 0) {
    const links = defined(
      papers[0]!.paper.links.map((link): APIButtonComponent | undefined => {
        const url = safeUrl(link.url, LIMITS.buttonUrl);
        if (!url) return undefined;
        return { type: ComponentType.Button, style: ButtonStyle.Link, label: clip(oneLine(link.label), LIMITS.buttonLabel) || 'Link', url };
      }),
    ).slice(0, LIMITS.buttonsPerRow);
    if (links.length) linkRows.push(row(links));
  }
  return [...paperRows, ...linkRows, ...replyRows];
}
