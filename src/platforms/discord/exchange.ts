/**
 * One interaction as the handlers see it, whichever way it arrived: a gateway event (discord.js)
 * or a signed HTTP request to the interactions endpoint. Each arrival builds an `Incoming` and
 * the responder that answers it (discord.js calls, or the HTTP response plus the webhook routes),
 * so the handlers in interactions.ts run the same way in both modes.
 * @see https://discord.com/developers/docs/interactions/receiving-and-responding
 */
import type { RequestInfo } from '../../core/command.js';
import type { Choice } from './autocomplete.js';
import type { DiscordMessage } from './render.js';

/** Answers a command or a component with a message. */
export interface MessageResponder {
  /** Whether the initial response (an answer or a deferral) has been given. */
  readonly acknowledged: boolean;
  /** Initial response: a new message (callback type 4). */
  reply(message: DiscordMessage): Promise<void>;
  /** Initial response: "thinking…" (type 5), ephemeral or not; the answer follows by `editReply`. */
  deferReply(ephemeral: boolean): Promise<void>;
  /** Edits the initial response (`@original`). */
  editReply(message: DiscordMessage): Promise<void>;
  /** A further message; its own flags decide whether it is ephemeral. */
  followUp(message: DiscordMessage): Promise<void>;
  /** Deletes the initial response. */
  deleteReply(): Promise<void>;
}

/** A button press or menu choice can also change the message it is on. */
export interface ComponentResponder extends MessageResponder {
  /** Initial response: replaces the message the component is on (type 7). */
  update(message: DiscordMessage): Promise<void>;
  /** Initial response: acknowledges without a loading message (type 6); `editReply` then edits the message. */
  deferUpdate(): Promise<void>;
}

export interface AutocompleteResponder {
  readonly acknowledged: boolean;
  /** The suggestions (type 8); autocomplete cannot be deferred. */
  respond(choices: Choice[]): Promise<void>;
}

interface Common {
  id: string;
  /** Discord's interaction type, for logs. */
  type: number;
  request: RequestInfo;
  guildId?: string;
  channelId?: string;
}

export type CommandArgs = Record<string, string | number | boolean>;

export type Incoming =
  | (Common & { kind: 'command'; name: string; args: CommandArgs; answer: MessageResponder })
  | (Common & {
      kind: 'component';
      customId: string;
      /** The chosen option(s) of a select menu; undefined for a button. */
      values?: readonly string[];
      /** Whether the message the component is on is ephemeral. */
      messageEphemeral: boolean;
      /** Who ran the command that made that message (its interaction metadata), when known. */
      messageOwnerId?: string;
      answer: ComponentResponder;
    })
  | (Common & { kind: 'autocomplete'; name: string; focused: { name: string; value: string }; answer: AutocompleteResponder });
