/**
 * Interactions in the fake: building INTERACTION_CREATE payloads like Discord's, dispatching them
 * over the gateway (or tracking them for delivery over HTTP, see http-sender.ts), and answering
 * the interaction callback and webhook routes (initial response, deferrals, @original edits,
 * follow-ups) with Discord's rules.
 * @see https://discord.com/developers/docs/interactions/receiving-and-responding
 */
import { ALL_PERMISSIONS, interactionToken, member, snowflake, textChannel, user, type FakeMessage, type FakeUser, applyEdit } from './payloads.js';
import { invalidFormBody, json, type Reply } from './reply.js';
import type { FakeDiscord } from './server.js';
import { choiceProblems, messageProblems } from './validate.js';

type Json = Record<string, any>;

/** Callback types. @see https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-response-object-interaction-callback-type */
export const CALLBACK = { pong: 1, message: 4, deferredMessage: 5, deferredUpdate: 6, update: 7, autocomplete: 8 } as const;
const EPHEMERAL = 64;
const LOADING = 128;

export interface InteractionRecord {
  id: string;
  token: string;
  payload: Json;
  /** The initial response, once given. */
  callback?: { type: number; data?: Json };
  /** The message `@original` refers to. */
  originalId?: string;
  /** Deferred with type 5 and not yet edited: the first follow-up fills the placeholder. */
  loading?: boolean;
  followUps: string[];
}

export interface Invoker {
  user?: FakeUser;
  /** Member permissions in the channel; default everything but Administrator. */
  permissions?: bigint;
  channelId?: string;
}

export interface SlashCommand extends Invoker {
  /** Root command name, e.g. `papers`. */
  root: string;
  subcommand?: string;
  options?: Record<string, string | number | boolean>;
}

/** The select menu whose placeholder matches, and the value of its `index`-th option (0-based). */
export function menuOption(message: { components: unknown[] }, placeholder: string | RegExp, index = 0): { customId: string; value: string; label: string } {
  const menus = (message.components as { components: Json[] }[]).flatMap((row) => row.components).filter((c) => c.type === 3);
  const menu = menus.find((m) => (typeof placeholder === 'string' ? m.placeholder === placeholder : placeholder.test(m.placeholder ?? '')));
  const option = menu?.options?.[index];
  if (!menu || !option) throw new Error(`fake discord: no menu "${String(placeholder)}" with option ${index} in ${JSON.stringify(message.components)}`);
  return { customId: menu.custom_id, value: option.value, label: option.label };
}

export class InteractionStore {
  readonly byId = new Map<string, InteractionRecord>();
  private readonly byToken = new Map<string, InteractionRecord>();
  readonly defaultUser: FakeUser = user(snowflake(), 'reader');

  constructor(private readonly fake: FakeDiscord) {}

  private base(type: number, who: Invoker, data: Json, extra: Json = {}): Json {
    const channelId = who.channelId ?? this.fake.channelIds[0]!;
    const person = who.user ?? this.defaultUser;
    return {
      id: snowflake(),
      application_id: this.fake.applicationId,
      type,
      data,
      guild_id: this.fake.guildId,
      guild: { id: this.fake.guildId, locale: 'en-US', features: [] },
      channel_id: channelId,
      channel: textChannel(channelId, this.fake.guildId),
      member: member(person, who.permissions ?? ALL_PERMISSIONS),
      token: interactionToken(),
      version: 1,
      app_permissions: ALL_PERMISSIONS.toString(),
      locale: 'en-US',
      guild_locale: 'en-US',
      entitlements: [],
      authorizing_integration_owners: { '0': this.fake.guildId },
      context: 0,
      attachment_size_limit: 10_485_760,
      ...extra,
    };
  }

  private commandData(command: SlashCommand, focused?: string): Json {
    const options = Object.entries(command.options ?? {}).map(([name, value]) => ({
      name,
      type: typeof value === 'number' ? 4 : typeof value === 'boolean' ? 5 : 3,
      value,
      ...(name === focused ? { focused: true } : {}),
    }));
    const top = command.subcommand ? [{ name: command.subcommand, type: 1, options }] : options;
    return { id: snowflake(), name: command.root, type: 1, guild_id: this.fake.guildId, options: top };
  }

  /** Tracks a payload's token, so its callback and webhook routes answer, without sending it anywhere. */
  track(payload: Json): InteractionRecord {
    const record: InteractionRecord = { id: payload.id, token: payload.token, payload, followUps: [] };
    this.byId.set(record.id, record);
    this.byToken.set(record.token, record);
    return record;
  }

  /** Dispatches a raw INTERACTION_CREATE payload and tracks its token. */
  dispatch(payload: Json): InteractionRecord {
    const record = this.track(payload);
    this.fake.dispatch('INTERACTION_CREATE', payload);
    return record;
  }

  /** The payload of a slash command, as Discord sends it. */
  slashCommandPayload(command: SlashCommand): Json {
    return this.base(2, command, this.commandData(command));
  }

  autocompletePayload(command: SlashCommand & { focused: string }): Json {
    return this.base(4, command, this.commandData(command, command.focused));
  }

  /** The payload of a button press (by custom_id) on a message the fake holds. */
  buttonPayload(messageId: string, customId: string, who: Invoker = {}): Json {
    const target = this.fake.messages.get(messageId);
    if (!target) throw new Error(`fake discord: no message ${messageId}`);
    return this.base(3, { channelId: target.channel_id, ...who }, { custom_id: customId, component_type: 2 }, { message: target });
  }

  /** The payload of a choice (by value) in a select menu (by custom_id) on a message the fake holds. */
  optionPayload(messageId: string, customId: string, value: string, who: Invoker = {}): Json {
    const target = this.fake.messages.get(messageId);
    if (!target) throw new Error(`fake discord: no message ${messageId}`);
    return this.base(3, { channelId: target.channel_id, ...who }, { custom_id: customId, component_type: 3, values: [value] }, { message: target });
  }

  /** A PING, as Discord sends to check an endpoint. */
  pingPayload(): Json {
    return { id: snowflake(), application_id: this.fake.applicationId, type: 1, token: interactionToken(), version: 1 };
  }

  slashCommand(command: SlashCommand): InteractionRecord {
    return this.dispatch(this.slashCommandPayload(command));
  }

  autocomplete(command: SlashCommand & { focused: string }): InteractionRecord {
    return this.dispatch(this.autocompletePayload(command));
  }

  /** Presses a button (by custom_id) on a message the fake holds. */
  pressButton(messageId: string, customId: string, who: Invoker = {}): InteractionRecord {
    return this.dispatch(this.buttonPayload(messageId, customId, who));
  }

  /** Chooses an option (by value) of a select menu (by custom_id) on a message the fake holds. */
  chooseOption(messageId: string, customId: string, value: string, who: Invoker = {}): InteractionRecord {
    return this.dispatch(this.optionPayload(messageId, customId, value, who));
  }

  /**
   * Takes an initial response that came back as the body of an HTTP response, with the same rules
   * as the callback route: Discord applies it, and refuses (the user sees "interaction failed") a
   * body it would refuse there.
   */
  acknowledge(id: string, body: Json): Reply {
    const record = this.byId.get(id);
    if (!record) return json(404, { message: 'Unknown interaction', code: 10062 });
    return this.callback(id, record.token, body, false);
  }

  /** Resolves with the initial response (callback body) of an interaction. */
  async response(id: string, timeoutMs = 5000): Promise<{ type: number; data?: Json }> {
    const call = await this.fake.waitForCall((c) => c.method === 'POST' && c.path.startsWith(`/interactions/${id}/`), timeoutMs);
    return call.body as { type: number; data?: Json };
  }

  callback(id: string, token: string, body: Json, withResponse: boolean): Reply {
    const record = this.byId.get(id);
    if (!record || record.token !== token) return json(404, { message: 'Unknown interaction', code: 10062 });
    if (record.callback) return json(400, { message: 'Interaction has already been acknowledged.', code: 40060 });
    const kind: number = record.payload.type;
    const type: number = body.type;
    const data: Json = body.data ?? {};
    const component = kind === 3;
    const allowed = kind === 4 ? [CALLBACK.autocomplete] : component ? [4, 5, 6, 7] : [4, 5];
    if (!allowed.includes(type)) return invalidFormBody([`type: Value must be one of {${allowed.join(', ')}}.`]);
    const channelId: string = record.payload.channel_id;
    let created: FakeMessage | undefined;
    switch (type) {
      case CALLBACK.autocomplete: {
        const problems = choiceProblems(data.choices);
        if (problems.length) return invalidFormBody(problems);
        break;
      }
      case CALLBACK.message: {
        const problems = messageProblems(data, { create: true });
        if (problems.length) return invalidFormBody(problems);
        created = this.fake.createMessage(channelId, { ...data, flags: (data.flags ?? 0) & EPHEMERAL }, this.messageExtra(record));
        record.originalId = created.id;
        break;
      }
      case CALLBACK.deferredMessage:
        created = this.fake.createMessage(channelId, { flags: ((data.flags ?? 0) & EPHEMERAL) | LOADING }, this.messageExtra(record));
        record.originalId = created.id;
        record.loading = true;
        break;
      case CALLBACK.deferredUpdate:
        record.originalId = record.payload.message.id;
        break;
      case CALLBACK.update: {
        const problems = messageProblems(data, { create: false });
        if (problems.length) return invalidFormBody(problems);
        const target = this.fake.messages.get(record.payload.message.id);
        if (!target) return json(404, { message: 'Unknown Message', code: 10008 });
        applyEdit(target, data);
        record.originalId = target.id;
        break;
      }
    }
    record.callback = { type, data };
    if (!withResponse) return { status: 204 };
    return json(200, {
      interaction: { id, type: kind, activity_instance_id: null, response_message_id: record.originalId ?? null, response_message_loading: record.loading ?? false, response_message_ephemeral: false },
      resource: created ? { type, message: created } : { type },
    });
  }

  webhook(method: string, token: string, target: string | undefined, body: Json): Reply {
    const record = this.byToken.get(token);
    if (!record || !record.callback) return json(404, { message: 'Unknown Webhook', code: 10015 });
    if (target === undefined) {
      if (method !== 'POST') return json(405, { message: '405: Method Not Allowed', code: 0 });
      return this.followUp(record, body);
    }
    const id = target === '@original' ? record.originalId : target;
    const found = id ? this.fake.messages.get(id) : undefined;
    if (!found) return json(404, { message: 'Unknown Message', code: 10008 });
    if (method === 'GET') return json(200, found);
    if (method === 'DELETE') {
      this.fake.messages.delete(found.id);
      return { status: 204 };
    }
    if (method === 'PATCH') {
      const problems = messageProblems(body, { create: false });
      if (problems.length) return invalidFormBody(problems);
      applyEdit(found, body);
      if (id === record.originalId) {
        found.flags &= ~LOADING;
        record.loading = false;
      }
      return json(200, found);
    }
    return json(405, { message: '405: Method Not Allowed', code: 0 });
  }

  /** The first follow-up after a type-5 deferral fills the placeholder and keeps its flags. */
  private followUp(record: InteractionRecord, body: Json): Reply {
    const problems = messageProblems(body, { create: true });
    if (problems.length) return invalidFormBody(problems);
    if (record.loading && record.originalId) {
      const placeholder = this.fake.messages.get(record.originalId)!;
      applyEdit(placeholder, body);
      placeholder.flags &= ~LOADING;
      record.loading = false;
      return json(200, placeholder);
    }
    const created = this.fake.createMessage(record.payload.channel_id, { ...body, flags: (body.flags ?? 0) & EPHEMERAL }, { ...this.messageExtra(record), type: 0 });
    record.followUps.push(created.id);
    return json(200, created);
  }

  private messageExtra(record: InteractionRecord): Partial<FakeMessage> {
    const user = (record.payload.member as { user: FakeUser } | undefined)?.user;
    return {
      type: record.payload.type === 2 ? 20 : 0,
      webhook_id: this.fake.applicationId,
      application_id: this.fake.applicationId,
      ...(user ? { interaction_metadata: { id: record.id, type: record.payload.type as number, user, authorizing_integration_owners: { '0': this.fake.guildId } } } : {}),
    };
  }
}
