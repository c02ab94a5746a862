/**
 * Interaction handlers: slash commands, button presses, select-menu choices and autocomplete. They only translate:
 * interaction → `bot.run`/`bot.runAction` → `renderMessage` → interaction response.
 * @see https://discord.com/developers/docs/interactions/receiving-and-responding
 */
import {
  MessageFlags,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type StringSelectMenuInteraction,
} from 'discord.js';
import type { Bot } from '../../core/bot.js';
import { errorReference } from '../../core/dispatch.js';
import type { Logger } from '../../core/logger.js';
import { apologyText, type Reply } from '../../core/reply.js';
import { autocompleteChoices } from './autocomplete.js';
import { componentPayload } from './components.js';
import { renderMessage, type DiscordMessage } from './render.js';
import { commandCall, requestInfo } from './request.js';
import { deferEphemeral, deliverAfterDefer, editOptions, replyOptions, within } from './respond.js';
import { describeError } from '../../core/safe-error.js';

export interface HandlerContext {
  bot: Bot;
  log: Logger;
  /** How long a command may run before the interaction is deferred. */
  deferAfterMs: number;
  /** The root slash command, for help's examples. */
  rootName?: string;
}

/** The reference lets a user's report be matched with the logged error, as in Slack. */
const apology = (ref: string) => `${apologyText(ref)} Please try again in a moment.`;

function render(ctx: HandlerContext, reply: Reply, command: string | undefined): DiscordMessage {
  return renderMessage(reply, { encodeAction: (action, max) => ctx.bot.actions.encode(action, max), command });
}

async function onChatInput(interaction: ChatInputCommandInteraction, ctx: HandlerContext): Promise<void> {
  const { name, args } = commandCall(interaction);
  const work = ctx.bot.run(name, args, requestInfo(interaction, ctx.rootName));
  const early = await within(work, ctx.deferAfterMs);
  if (early.done) {
    await interaction.reply(replyOptions(render(ctx, early.value, name)));
    return;
  }
  await deferEphemeral(interaction);
  await deliverAfterDefer(interaction, render(ctx, await work, name));
}

type ComponentInteraction = ButtonInteraction | StringSelectMenuInteraction;

/**
 * A button (or a menu choice) that re-runs the message's own command (next page, another one) replaces the message,
 * unless the answer is an error or changes visibility: then it comes as a new message.
 *
 * Privacy: a button on a private (ephemeral) message always answers privately. A shared message
 * moves only for the person who ran its command; anyone else gets their own private copy, so one
 * person's paging or "another one" never rewrites what the channel sees.
 */
async function onComponent(interaction: ComponentInteraction, ctx: HandlerContext): Promise<void> {
  const { update, payload } = componentPayload(interaction.customId, interaction.isStringSelectMenu() ? interaction.values : undefined);
  const command = ctx.bot.actions.decode(payload)?.command;
  const messageEphemeral = interaction.message.flags.has(MessageFlags.Ephemeral);
  const owner = interaction.message.interactionMetadata?.user.id;
  const mine = messageEphemeral || owner === interaction.user.id;
  const answerPrivately = messageEphemeral || !mine;
  const work = ctx.bot.runAction(payload, requestInfo(interaction, ctx.rootName)).then((reply) => (answerPrivately ? { ...reply, ephemeral: true } : reply));
  const moves = update && mine;
  const inPlace = (reply: Reply): boolean => moves && !reply.error && reply.ephemeral === messageEphemeral;

  const early = await within(work, ctx.deferAfterMs);
  if (early.done) {
    const message = render(ctx, early.value, command);
    if (inPlace(early.value)) await interaction.update(editOptions(message));
    else await interaction.reply(replyOptions(message));
    return;
  }
  if (moves) {
    await interaction.deferUpdate();
    const reply = await work;
    const message = render(ctx, reply, command);
    if (inPlace(reply)) await interaction.editReply(editOptions(message));
    else await interaction.followUp(replyOptions(message));
    return;
  }
  await deferEphemeral(interaction);
  await deliverAfterDefer(interaction, render(ctx, await work, command));
}

async function onAutocomplete(interaction: AutocompleteInteraction, ctx: HandlerContext): Promise<void> {
  const { name } = commandCall(interaction);
  const focused = interaction.options.getFocused(true);
  const spec = ctx.bot.registry.get(name)?.args.find((arg) => arg.name === focused.name);
  await interaction.respond(autocompleteChoices(ctx.bot.library, spec, String(focused.value)));
}

async function apologise(interaction: ChatInputCommandInteraction | ComponentInteraction, ref: string): Promise<void> {
  const options = { content: apology(ref), flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } } as const;
  if (interaction.deferred || interaction.replied) await interaction.followUp(options);
  else await interaction.reply(options);
}

export async function handleInteraction(interaction: Interaction, ctx: HandlerContext): Promise<void> {
  try {
    if (interaction.isChatInputCommand()) await onChatInput(interaction, ctx);
    else if (interaction.isButton() || interaction.isStringSelectMenu()) await onComponent(interaction, ctx);
    else if (interaction.isAutocomplete()) await onAutocomplete(interaction, ctx);
  } catch (error) {
    const command = interaction.isChatInputCommand() || interaction.isAutocomplete() ? commandCall(interaction).name : undefined;
    const ref = errorReference();
    ctx.log.error(
      { err: describeError(error), ref, interactionId: interaction.id, type: interaction.type, command, guildId: interaction.guildId, channelId: interaction.channelId },
      'discord interaction failed',
    );
    if (interaction.isChatInputCommand() || interaction.isButton() || interaction.isStringSelectMenu()) {
      await apologise(interaction, ref).catch((err: unknown) => ctx.log.warn({ err: describeError(err), interactionId: interaction.id }, 'discord apology failed'));
    } else if (interaction.isAutocomplete() && !interaction.responded) {
      await interaction.respond([]).catch(() => undefined);
    }
  }
}
