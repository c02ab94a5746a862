/**
 * Answering interactions within Discord's 3-second window.
 *
 * The command runs first with a budget (default 2 s). If it finishes in time, the answer is the
 * initial response itself (one request, and the reply chooses ephemeral or public freely). If not,
 * the interaction is deferred and the answer follows:
 * - commands and "new message" buttons defer ephemerally (most slow answers are searches, which are
 *   ephemeral). An ephemeral answer then edits the deferred message; a public one is sent as a
 *   follow-up after the placeholder is edited (the first follow-up after a deferral would
 *   otherwise inherit its ephemeral flag) and the placeholder is deleted;
 * - "update in place" buttons use deferUpdate, then edit the message.
 * The budget only helps with asynchronous work: synchronous work blocks the event loop anyway.
 * @see https://discord.com/developers/docs/interactions/receiving-and-responding#responding-to-an-interaction
 */
import { AttachmentBuilder, MessageFlags } from 'discord.js';
import type { MessageResponder } from './exchange.js';
import type { DiscordMessage } from './render.js';

export type Outcome<T> = { done: true; value: T } | { done: false };

/** Waits for `work` at most `ms`; the work keeps running either way. */
export async function within<T>(work: Promise<T>, ms: number): Promise<Outcome<T>> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Outcome<T>>((resolve) => {
    timer = setTimeout(() => resolve({ done: false }), ms);
  });
  try {
    return await Promise.race([work.then((value): Outcome<T> => ({ done: true, value })), late]);
  } finally {
    clearTimeout(timer);
  }
}

export const isEphemeral = (message: DiscordMessage): boolean => ((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0;

/** discord.js options to edit a message (edits keep the message's flags). */
export function editOptions(message: DiscordMessage) {
  return {
    content: message.content,
    embeds: message.embeds,
    components: message.components,
    allowedMentions: message.allowed_mentions,
    // An ephemeral answer may carry files: only the person who asked sees them.
    ...(message.files?.length ? { files: message.files.map((file) => new AttachmentBuilder(Buffer.from(file.content, 'utf8'), { name: file.name })) } : {}),
  };
}

/** discord.js options for a new message (initial response or follow-up). */
export function replyOptions(message: DiscordMessage) {
  return isEphemeral(message) ? { ...editOptions(message), flags: MessageFlags.Ephemeral as const } : editOptions(message);
}

export async function deferEphemeral(answer: MessageResponder): Promise<void> {
  await answer.deferReply(true);
}

/** Delivers a message after an ephemeral `deferReply`. */
export async function deliverAfterDefer(answer: MessageResponder, message: DiscordMessage): Promise<void> {
  if (isEphemeral(message)) {
    await answer.editReply(message);
    return;
  }
  await answer.editReply({ content: 'Posted below.', embeds: [], components: [], allowed_mentions: { parse: [] } });
  await answer.followUp(message);
  await answer.deleteReply().catch(() => undefined);
}
