/**
 * Answers an interaction that came over HTTP. The initial response (a message, an update, a
 * deferral or autocomplete choices) is the body of the HTTP response itself; everything after it
 * (edits of `@original`, follow-ups, deletion) goes to the webhook routes over REST, which the
 * interaction token authorises (no bot token is sent).
 *
 * An HTTP response cannot carry files, so a message with files is answered by a deferral and then
 * an edit of `@original` with the files.
 * @see https://discord.com/developers/docs/interactions/receiving-and-responding#responding-to-an-interaction
 * @see https://discord.com/developers/docs/interactions/receiving-and-responding#followup-messages
 */
import { DiscordAPIError, Routes, type REST, type RawFile } from 'discord.js';
import type { Choice } from './autocomplete.js';
import type { AutocompleteResponder, ComponentResponder } from './exchange.js';
import { EPHEMERAL } from './limits.js';
import type { DiscordMessage } from './render.js';
import { isEphemeral } from './respond.js';

/** Callback types. @see https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-response-object-interaction-callback-type */
export const CALLBACK = { pong: 1, message: 4, deferredMessage: 5, deferredUpdate: 6, update: 7, autocomplete: 8 } as const;

export interface InteractionResponse {
  type: number;
  data?: Record<string, unknown>;
}

/** "Unknown Webhook": the answer to a webhook call that reaches Discord before our HTTP response has been taken in. */
const UNKNOWN_WEBHOOK = 10015;
const ATTEMPTS = 4;

export interface HttpResponderOptions {
  /** Sends the HTTP response; resolves once it has been written. Called at most once. */
  initial: (response: InteractionResponse) => Promise<void>;
  rest: REST;
  applicationId: string;
  token: string;
  sleep?: (ms: number) => Promise<void>;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The JSON of a message; `flags` only where Discord takes them (new messages, not edits). */
function messageBody(message: DiscordMessage, withFlags: boolean): Record<string, unknown> {
  const { files, flags, ...body } = message;
  return {
    ...body,
    ...(withFlags && flags !== undefined ? { flags } : {}),
    ...(files?.length ? { attachments: files.map((file, i) => ({ id: String(i), filename: file.name })) } : {}),
  };
}

const rawFiles = (message: DiscordMessage): RawFile[] | undefined =>
  message.files?.length ? message.files.map((file) => ({ name: file.name, data: Buffer.from(file.content, 'utf8') })) : undefined;

export class HttpResponder implements ComponentResponder, AutocompleteResponder {
  private given = false;

  constructor(private readonly options: HttpResponderOptions) {}

  get acknowledged(): boolean {
    return this.given;
  }

  private async first(response: InteractionResponse): Promise<void> {
    if (this.given) throw new Error('discord: this interaction has already been answered');
    this.given = true;
    await this.options.initial(response);
  }

  async reply(message: DiscordMessage): Promise<void> {
    if (!message.files?.length) return this.first({ type: CALLBACK.message, data: messageBody(message, true) });
    await this.deferReply(isEphemeral(message));
    await this.editReply(message);
  }

  async update(message: DiscordMessage): Promise<void> {
    if (!message.files?.length) return this.first({ type: CALLBACK.update, data: messageBody(message, false) });
    await this.deferUpdate();
    await this.editReply(message);
  }

  deferReply(ephemeral: boolean): Promise<void> {
    return this.first({ type: CALLBACK.deferredMessage, ...(ephemeral ? { data: { flags: EPHEMERAL } } : {}) });
  }

  deferUpdate(): Promise<void> {
    return this.first({ type: CALLBACK.deferredUpdate });
  }

  respond(choices: Choice[]): Promise<void> {
    return this.first({ type: CALLBACK.autocomplete, data: { choices } });
  }

  async editReply(message: DiscordMessage): Promise<void> {
    const files = rawFiles(message);
    await this.webhook(() => this.options.rest.patch(this.route('@original'), { body: messageBody(message, false), auth: false, ...(files ? { files } : {}) }));
  }

  async followUp(message: DiscordMessage): Promise<void> {
    const files = rawFiles(message);
    await this.webhook(() => this.options.rest.post(this.route(), { body: messageBody(message, true), auth: false, ...(files ? { files } : {}) }));
  }

  async deleteReply(): Promise<void> {
    await this.webhook(() => this.options.rest.delete(this.route('@original'), { auth: false }));
  }

  private route(message?: '@original'): `/${string}` {
    const { applicationId, token } = this.options;
    return message ? Routes.webhookMessage(applicationId, token, message) : Routes.webhook(applicationId, token);
  }

  /**
   * Runs a webhook call, again after a short wait if Discord does not know the interaction's
   * webhook yet: right after the HTTP response (a file export) the call can overtake it. A 404
   * created nothing, so repeating the call cannot post twice.
   */
  private async webhook<T>(run: () => Promise<T>): Promise<T> {
    if (!this.given) throw new Error('discord: a follow-up needs the initial response first');
    const sleep = this.options.sleep ?? wait;
    for (let attempt = 1; ; attempt++) {
      try {
        return await run();
      } catch (error) {
        const early = error instanceof DiscordAPIError && error.status === 404 && error.code === UNKNOWN_WEBHOOK;
        if (!early || attempt >= ATTEMPTS) throw error;
        await sleep(150 * attempt);
      }
    }
  }
}
