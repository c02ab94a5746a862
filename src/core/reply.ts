/**
 * The platform-neutral reply model. Commands build a `Reply`; each platform has one pure
 * renderer that turns it into Discord embeds/components, Slack Block Kit or terminal text.
 * All text here is plain user-visible text: renderers escape it for their platform.
 */

/** A button re-runs a command with the given arguments (pagination, "another one", ...). */
export interface Action {
  command: string;
  args: Record<string, string | number>;
}

export interface Button {
  label: string;
  action: Action;
  style?: 'primary' | 'secondary';
  /** How a list offers this button once per paper, where a platform gathers them into one menu ("Details of…"). */
  pick?: string;
}

export interface PaperCard {
  id: string;
  title: string;
  /** True when the title was derived from the abstract. */
  titleDerived: boolean;
  /** One line of metadata: date, authors, upvotes. */
  meta: string;
  /** Summary shown under the title (TL;DR, excerpt or the full abstract). */
  summary: string;
  links: { label: string; url: string }[];
  /** Position in a longer list (6 on the second page of results); renderers number cards by it. */
  rank?: number;
  /** Publication date `YYYY-MM-DD`, also written in `meta`; platforms with native dates show it their way. */
  published?: string;
}

export type Block =
  | { type: 'header'; text: string }
  | { type: 'text'; text: string }
  | { type: 'paper'; paper: PaperCard; buttons?: Button[] }
  | { type: 'fields'; fields: { label: string; value: string }[] }
  | { type: 'context'; text: string };

/** A file sent with a reply (a reading-list export): each platform attaches or uploads it. */
export interface ReplyFile {
  name: string;
  contentType: string;
  content: string;
}

export interface Reply {
  /** Plain-text fallback: notifications, accessibility, and clients that show no rich content. */
  text: string;
  blocks: Block[];
  /** Files for the requester; a platform that cannot deliver them privately says so instead. */
  files?: ReplyFile[];
  /** Reply-level buttons (pagination, "another one"). */
  buttons: Button[];
  /** Visible only to the requester where the platform supports it. */
  ephemeral: boolean;
  /** Set on friendly error replies so adapters can style them and metrics can count them. */
  error?: boolean;
}

export function reply(text: string, blocks: Block[] = [], buttons: Button[] = [], ephemeral = false): Reply {
  return { text, blocks, buttons, ephemeral };
}

/** A friendly error message for the user: never a stack trace. */
export function errorReply(message: string, hint?: string): Reply {
  const blocks: Block[] = [{ type: 'text', text: message }];
  if (hint) blocks.push({ type: 'context', text: hint });
  return { text: hint ? `${message} ${hint}` : message, blocks, buttons: [], ephemeral: true, error: true };
}

/** The one reply for a failure on our side; the reference ties it to the log line. */
export function apologyReply(ref: string): Reply {
  return errorReply(apologyText(ref), 'Please try again in a moment.');
}

export function apologyText(ref: string): string {
  return `Sorry, something went wrong on my side (reference ${ref}).`;
}
