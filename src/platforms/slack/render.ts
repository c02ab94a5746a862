/**
 * Renders the neutral `Reply` as a Slack Block Kit message. Pure: no I/O, same input, same output
 * (button values come from the injected `encode`). Every string we did not write is escaped and
 * clipped to its Block Kit limit; the message as a whole stays within the block count and size.
 *
 * @see https://docs.slack.dev/reference/block-kit/blocks
 */
import type { Action, Block, Button, PaperCard, Reply } from '../../core/reply.js';
import { clipEscaped, link, oneLine } from './escape.js';
import * as L from './limits.js';

export interface MrkdwnText { type: 'mrkdwn'; text: string; verbatim: true }
export interface PlainText { type: 'plain_text'; text: string; emoji: true }
export interface SlackButton { type: 'button'; text: PlainText; action_id: string; value: string; style?: 'primary' }
/** A paper's actions in one menu beside it: fewer blocks than an actions row per paper. */
export interface SlackOverflow { type: 'overflow'; action_id: string; options: { text: PlainText; value: string; url?: string }[] }
export type SlackBlock =
  | { type: 'header'; text: PlainText }
  | { type: 'section'; text: MrkdwnText; block_id?: string; accessory?: SlackButton | SlackOverflow }
  | { type: 'section'; fields: MrkdwnText[] }
  | { type: 'context'; elements: MrkdwnText[] }
  | { type: 'actions'; block_id: string; elements: SlackButton[] };

export interface SlackMessage {
  /** Fallback for notifications and screen readers. */
  text: string;
  blocks: SlackBlock[];
  response_type: 'ephemeral' | 'in_channel';
}

export interface RenderOptions {
  /** Encodes a button's action into its `value` (the bot's `ActionCodec.encode`). */
  encode: (action: Action, maxLength: number) => string;
  /** The action that re-creates this reply: ephemeral replies then get a "Share to channel" button. */
  share?: Action;
  /** The Slack user who shared this reply into the channel, credited in a context line. */
  sharedBy?: string;
  /** Command that produced the reply, kept in the reply-level actions `block_id` (see `SOURCE_PREFIX`). */
  source?: string;
  /** The Slack user the message belongs to (who ran it, or shared it), kept in every actions `block_id`. */
  owner?: string;
}

/** Buttons that re-run a command use `pb:<n>`, a paper's menu `pb:o<n>`; the share button has its own id. */
export const ACTION_ID_PATTERN = /^pb:\d+$/;
export const OVERFLOW_ID_PATTERN = /^pb:o\d+$/;
export const SHARE_ACTION_ID = 'pb:share';
/** `block_id` prefix of the reply-level buttons, followed by the command that produced the reply. */
export const SOURCE_PREFIX = 'pb:src:';
export const SHARE_LABEL = 'Share to channel';
/** The value of a menu option that only opens a link: Slack opens it in the browser, and the press needs no answer. */
export const LINK_OPTION_VALUE = 'pb:link';
const OMITTED = 'Some results were left out to fit in one Slack message.';
const SLACK_USER_ID = /^[UW][A-Z0-9]{2,30}$/;

const mrkdwn = (text: string): MrkdwnText => ({ type: 'mrkdwn', text, verbatim: true });
const plain = (text: string): PlainText => ({ type: 'plain_text', text, emoji: true });

export function renderReply(reply: Reply, options: RenderOptions): SlackMessage {
  let nextId = 0;
  const button = (b: Button): SlackButton => ({
    type: 'button',
    text: plain(clipEscaped(oneLine(b.label) || 'Open', L.BUTTON_TEXT_MAX)),
    action_id: `pb:${nextId++}`,
    value: options.encode(b.action, L.BUTTON_VALUE_MAX),
    ...(b.style === 'primary' ? { style: 'primary' as const } : {}),
  });

  /**
   * A paper's actions beside it: a menu of them, ending with "Open on arXiv" when the paper is on
   * arXiv and there is room (menu options may carry links); a lone action without a link stays a
   * plain button.
   */
  const menu = (buttons: readonly Button[], arxivUrl: string | undefined): SlackButton | SlackOverflow | undefined => {
    if (buttons.length === 0) return undefined;
    // The link goes last, and only where the menu has room: the title links to arXiv as well.
    const room = buttons.length < L.OVERFLOW_OPTIONS_MAX;
    const open = room && arxivUrl && arxivUrl.length <= L.OPTION_URL_MAX ? [{ text: plain('Open on arXiv'), value: LINK_OPTION_VALUE, url: arxivUrl }] : [];
    if (buttons.length === 1 && open.length === 0) return button(buttons[0]!);
    const actions = buttons.slice(0, L.OVERFLOW_OPTIONS_MAX - open.length).map((b) => ({
      text: plain(clipEscaped(oneLine(b.label) || 'Open', L.OPTION_TEXT_MAX)),
      value: options.encode(b.action, L.OPTION_VALUE_MAX),
    }));
    return { type: 'overflow', action_id: `pb:o${nextId++}`, options: [...actions, ...open] };
  };

  const replyButtons = reply.buttons.map(button);
  const shareable = options.share && reply.ephemeral && !reply.error;
  if (shareable) {
    replyButtons.splice(L.ACTIONS_ELEMENTS_MAX - 1);
    replyButtons.push({
      type: 'button',
      text: plain(SHARE_LABEL),
      action_id: SHARE_ACTION_ID,
      value: options.encode(options.share!, L.BUTTON_VALUE_MAX),
    });
  }
  const tail: SlackBlock[] = [];
  if (options.sharedBy && SLACK_USER_ID.test(options.sharedBy)) {
    tail.push({ type: 'context', elements: [mrkdwn(`Shared by <@${options.sharedBy}>`)] });
  }
  if (replyButtons.length) {
    const blockId = withOwner(SOURCE_PREFIX + (options.source ?? ''), options.owner);
    tail.push({ type: 'actions', block_id: blockId, elements: replyButtons.slice(0, L.ACTIONS_ELEMENTS_MAX) });
  }

  // Content blocks, each group kept whole, until the count or size budget runs out.
  const blocks: SlackBlock[] = [];
  const room = L.MAX_BLOCKS - tail.length - 1; // one slot for the "left out" notice
  let size = 0;
  let omitted = false;
  reply.blocks.forEach((block, index) => {
    if (omitted) return;
    const group = renderBlock(block, index, menu, options.owner);
    const groupSize = group.reduce((sum, b) => sum + textSize(b), 0);
    if (blocks.length + group.length > room || size + groupSize > L.BLOCKS_TEXT_BUDGET) {
      omitted = true;
      return;
    }
    blocks.push(...group);
    size += groupSize;
  });
  if (omitted) blocks.push({ type: 'context', elements: [mrkdwn(OMITTED)] });

  return {
    text: clipEscaped(reply.text.trim() || 'paperbot', L.FALLBACK_TEXT_MAX),
    blocks: [...blocks, ...tail],
    response_type: reply.ephemeral ? 'ephemeral' : 'in_channel',
  };
}

/** `block_id` carrying the message's owner after a `~`, so a button press can tell whose message it is. */
function withOwner(id: string, owner: string | undefined): string {
  return (owner && SLACK_USER_ID.test(owner) ? `${id}~${owner}` : id).slice(0, L.BLOCK_ID_MAX);
}

/** What an actions `block_id` says: the reply's command (reply-level buttons only) and the message's owner. */
export function readBlockId(blockId: string | undefined): { source?: string; owner?: string } {
  if (!blockId) return {};
  const [id = '', owner] = blockId.split('~');
  return { ...(id.startsWith(SOURCE_PREFIX) ? { source: id.slice(SOURCE_PREFIX.length) } : {}), ...(owner ? { owner } : {}) };
}

type PaperMenu = (buttons: readonly Button[], arxivUrl: string | undefined) => SlackButton | SlackOverflow | undefined;

function renderBlock(block: Block, index: number, menu: PaperMenu, owner: string | undefined): SlackBlock[] {
  switch (block.type) {
    case 'header': {
      const text = oneLine(block.text);
      return text ? [{ type: 'header', text: plain(clipEscaped(text, L.HEADER_TEXT_MAX)) }] : [];
    }
    case 'text':
      return block.text.trim() ? [{ type: 'section', text: mrkdwn(clipEscaped(block.text, L.SECTION_TEXT_MAX)) }] : [];
    case 'context':
      return block.text.trim() ? [{ type: 'context', elements: [mrkdwn(clipEscaped(block.text, L.CONTEXT_TEXT_MAX))] }] : [];
    case 'fields': {
      const out: SlackBlock[] = [];
      for (let i = 0; i < block.fields.length; i += L.SECTION_FIELDS_MAX) {
        const chunk = block.fields.slice(i, i + L.SECTION_FIELDS_MAX);
        out.push({ type: 'section', fields: chunk.map((f) => mrkdwn(field(f.label, f.value))) });
      }
      return out;
    }
    case 'paper': {
      // One block a paper: its actions sit beside it (a button, or a menu when there are several).
      const arxiv = block.paper.links.find((l) => l.label === 'arXiv')?.url;
      const accessory = menu(block.buttons ?? [], arxiv);
      return [{ type: 'section', text: mrkdwn(paperText(block.paper)), ...(accessory ? { block_id: withOwner(`pb:paper:${index}`, owner), accessory } : {}) }];
    }
  }
}

/** `*label*` over the value, within one field's limit. */
function field(label: string, value: string): string {
  const head = oneLine(label) ? `*${clipEscaped(oneLine(label), 200)}*\n` : '';
  return head + clipEscaped(value.trim() || '–', L.FIELD_TEXT_MAX - head.length);
}

/** Bold title, metadata line, summary, links: the summary takes whatever room is left. */
/** Said wherever a title was made up from the abstract, so no one quotes it as the paper's own. */
const DERIVED = ' (title derived)';

function paperText(paper: PaperCard): string {
  const name = oneLine(paper.title) || paper.id;
  // The title opens the paper's arXiv page when there is one, as on the other platforms.
  const arxiv = paper.links[0]?.label === 'arXiv' ? link(paper.links[0].url, name.slice(0, 300)) : undefined;
  const title = `*${arxiv ?? clipEscaped(name, 300)}*${paper.titleDerived ? DERIVED : ''}`;
  const meta = clipEscaped(oneLine(paper.meta), 300);
  const links = paper.links
    .map((l) => link(l.url, l.label))
    .filter((l): l is string => l !== undefined)
    .join(' · ');
  const linkLine = links.length <= 1000 ? links : '';
  const fixed = [title, meta, linkLine].filter(Boolean);
  const room = L.SECTION_TEXT_MAX - fixed.join('\n').length - 2;
  const summary = paper.summary.trim() ? clipEscaped(paper.summary.trim(), room) : '';
  return [title, meta, summary, linkLine].filter(Boolean).join('\n');
}

function textSize(block: SlackBlock): number {
  switch (block.type) {
    case 'header':
    case 'section':
      return 'text' in block ? block.text.text.length : block.fields.reduce((n, f) => n + f.text.length, 0);
    case 'context':
      return block.elements.reduce((n, e) => n + e.text.length, 0);
    case 'actions':
      return block.elements.reduce((n, e) => n + e.text.text.length, 0);
  }
}
