/**
 * Interaction handlers: slash commands, button presses, select-menu choices and autocomplete. They only translate:
 * interaction → `bot.run`/`bot.runAction` → `renderMessage` → interaction response. They see an
 * `Incoming` (exchange.ts), so the gateway and the HTTP interactions endpoint share them.
 * @see https://discord.com/developers/docs/interactions/receiving-and-responding
 */
import type { Bot } from '../../core/bot.js';
import { errorReference } from '../../core/dispatch.js';
import type { Logger } from '../../core/logger.js';
import { apologyText, type Reply } from '../../core/reply.js';
import { describeError } from '../../core/safe-error.js';
import { autocompleteChoices } from './autocomplete.js';
import { componentPayload } from './components.js';
import type { Incoming, MessageResponder } from './exchange.js';
import { EPHEMERAL } from './limits.js';
import { renderMessage, type DiscordMessage } from './render.js';
import { deferEphemeral, deliverAfterDefer, within } from './respond.js';

export interface HandlerContext {
  bot: Bot;
  log: Logger;
  /** How long a command may run before the interaction is deferred. */
  deferAfterMs: number;
  /** The root slash command, for help's examples. */
  rootName?: string;
}

type CommandIncoming = Extract<Incoming, { kind: 'command' }>;
type ComponentIncoming = Extract<Incoming, { kind: 'component' }>;
type AutocompleteIncoming = Extract<Incoming, { kind: 'autocomplete' }>;

/** The reference lets a user's report be matched with the logged error, as in Slack. */
const apology = (ref: string) => `${apologyText(ref)} Please try again in a moment.`;

function render(ctx: HandlerContext, reply: Reply, command: string | undefined): DiscordMessage {
  return renderMessage(reply, { encodeAction: (action, max) => ctx.bot.actions.encode(action, max), command });
}

async function onCommand(incoming: CommandIncoming, ctx: HandlerContext): Promise<void> {
  const { name, args, answer } = incoming;
  const work = ctx.bot.run(name, args, incoming.request);
  const early = await within(work, ctx.deferAfterMs);
  if (early.done) {
    await answer.reply(render(ctx, early.value, name));
    return;
  }
  await deferEphemeral(answer);
  await deliverAfterDefer(answer, render(ctx, await work, name));
}

/**
 * A button (or a menu choice) that re-runs the message's own command (next page, another one) replaces the message,
 * unless the answer is an error or changes visibility: then it comes as a new message.
 *
 * Privacy: a button on a private (ephemeral) message always answers privately. A shared message
 * moves only for the person who ran its command; anyone else gets their own private copy, so one
 * person's paging or "another one" never rewrites what the channel sees.
 */
async function onComponent(incoming: ComponentIncoming, ctx: HandlerContext): Promise<void> {
  const { answer, messageEphemeral } = incoming;
  const { update, payload } = componentPayload(incoming.customId, incoming.values);
  const command = ctx.bot.actions.decode(payload)?.command;
  const mine = messageEphemeral || incoming.messageOwnerId === incoming.request.userId;
  const answerPrivately = messageEphemeral || !mine;
  const work = ctx.bot.runAction(payload, incoming.request).then((reply) => (answerPrivately ? { ...reply, ephemeral: true } : reply));
  const moves = update && mine;
  const inPlace = (reply: Reply): boolean => moves && !reply.error && reply.ephemeral === messageEphemeral;

  const early = await within(work, ctx.deferAfterMs);
  if (early.done) {
    const message = render(ctx, early.value, command);
    if (inPlace(early.value)) await answer.update(message);
    else await answer.reply(message);
    return;
  }
  if (moves) {
    await answer.deferUpdate();
    const reply = await work;
    const message = render(ctx, reply, command);
    if (inPlace(reply)) await answer.editReply(message);
    else await answer.followUp(message);
    return;
  }
  await deferEphemeral(answer);
  await deliverAfterDefer(answer, render(ctx, await work, command));
}

async function onAutocomplete(incoming: AutocompleteIncoming, ctx: HandlerContext): Promise<void> {
  const spec = ctx.bot.registry.get(incoming.name)?.args.find((arg) => arg.name === incoming.focused.name);
  await incoming.answer.respond(autocompleteChoices(ctx.bot.library, spec, incoming.focused.value));
}

async function apologise(answer: MessageResponder, ref: string): Promise<void> {
  const message: DiscordMessage = { content: apology(ref), embeds: [], components: [], allowed_mentions: { parse: [] }, flags: EPHEMERAL };
  if (answer.acknowledged) await answer.followUp(message);
  else await answer.reply(message);
}

export async function handleIncoming(incoming: Incoming, ctx: HandlerContext): Promise<void> {
  try {
    if (incoming.kind === 'command') await onCommand(incoming, ctx);
    else if (incoming.kind === 'component') await onComponent(incoming, ctx);
    else await onAutocomplete(incoming, ctx);
  } catch (error) {
    const command = incoming.kind === 'component' ? undefined : incoming.name;
    const ref = errorReference();
    ctx.log.error(
      { err: describeError(error), ref, interactionId: incoming.id, type: incoming.type, command, guildId: incoming.guildId, channelId: incoming.channelId },
      'discord interaction failed',
    );
    if (incoming.kind !== 'autocomplete') {
      await apologise(incoming.answer, ref).catch((err: unknown) => ctx.log.warn({ err: describeError(err), interactionId: incoming.id }, 'discord apology failed'));
    } else if (!incoming.answer.acknowledged) {
      await incoming.answer.respond([]).catch(() => undefined);
    }
  }
}
