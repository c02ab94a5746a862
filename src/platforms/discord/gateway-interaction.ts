/**
 * Interactions that arrive over the gateway: a discord.js `Interaction` becomes an `Incoming`
 * whose responder answers through discord.js (interaction callback and webhook routes over REST).
 */
import {
  MessageFlags,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type MessageComponentInteraction,
} from 'discord.js';
import { describeError } from '../../core/safe-error.js';
import type { AutocompleteResponder, ComponentResponder, Incoming, MessageResponder } from './exchange.js';
import { handleIncoming, type HandlerContext } from './interactions.js';
import { commandCall, requestInfo } from './request.js';
import { editOptions, replyOptions } from './respond.js';

function messageResponder(interaction: ChatInputCommandInteraction | MessageComponentInteraction): MessageResponder {
  return {
    get acknowledged() {
      return interaction.deferred || interaction.replied;
    },
    reply: async (message) => void (await interaction.reply(replyOptions(message))),
    deferReply: async (ephemeral) => void (await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {})),
    editReply: async (message) => void (await interaction.editReply(editOptions(message))),
    followUp: async (message) => void (await interaction.followUp(replyOptions(message))),
    deleteReply: () => interaction.deleteReply(),
  };
}

function componentResponder(interaction: MessageComponentInteraction): ComponentResponder {
  const base = messageResponder(interaction);
  return Object.assign(base, {
    update: async (message: Parameters<ComponentResponder['update']>[0]) => void (await interaction.update(editOptions(message))),
    deferUpdate: async () => void (await interaction.deferUpdate()),
  });
}

function autocompleteResponder(interaction: AutocompleteInteraction): AutocompleteResponder {
  return {
    get acknowledged() {
      return interaction.responded;
    },
    respond: (choices) => interaction.respond(choices),
  };
}

/** The handlers' view of a discord.js interaction; undefined for kinds paperbot does not use. */
export function incomingFrom(interaction: Interaction, rootName?: string): Incoming | undefined {
  const common = {
    id: interaction.id,
    type: interaction.type,
    request: requestInfo(interaction, rootName),
    ...(interaction.guildId ? { guildId: interaction.guildId } : {}),
    ...(interaction.channelId ? { channelId: interaction.channelId } : {}),
  };
  if (interaction.isChatInputCommand()) {
    return { ...common, kind: 'command', ...commandCall(interaction), answer: messageResponder(interaction) };
  }
  if (interaction.isButton() || interaction.isStringSelectMenu()) {
    const owner = interaction.message.interactionMetadata?.user.id;
    return {
      ...common,
      kind: 'component',
      customId: interaction.customId,
      ...(interaction.isStringSelectMenu() ? { values: interaction.values } : {}),
      messageEphemeral: interaction.message.flags.has(MessageFlags.Ephemeral),
      ...(owner ? { messageOwnerId: owner } : {}),
      answer: componentResponder(interaction),
    };
  }
  if (interaction.isAutocomplete()) {
    const focused = interaction.options.getFocused(true);
    return { ...common, kind: 'autocomplete', name: commandCall(interaction).name, focused: { name: focused.name, value: String(focused.value) }, answer: autocompleteResponder(interaction) };
  }
  return undefined;
}

export async function handleInteraction(interaction: Interaction, ctx: HandlerContext): Promise<void> {
  let incoming: Incoming | undefined;
  try {
    incoming = incomingFrom(interaction, ctx.rootName);
  } catch (error) {
    ctx.log.error({ err: describeError(error), interactionId: interaction.id, type: interaction.type }, 'discord interaction could not be read');
    return;
  }
  if (incoming) await handleIncoming(incoming, ctx);
}
