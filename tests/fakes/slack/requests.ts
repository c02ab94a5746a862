/**
 * Sends Slack-shaped, correctly signed requests to a Bolt HTTP receiver, as Slack would:
 * slash commands as form fields, block actions as a form field `payload` holding JSON.
 *
 * @see https://docs.slack.dev/authentication/verifying-requests-from-slack
 * @see https://docs.slack.dev/interactivity/implementing-slash-commands#app_command_handling
 * @see https://docs.slack.dev/reference/interaction-payloads/block_actions-payload
 */
import { createHmac, randomUUID } from 'node:crypto';

/** `X-Slack-Signature` and `X-Slack-Request-Timestamp` for a raw body. */
export function signSlackRequest(signingSecret: string, body: string, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  const signature = createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex');
  return { 'X-Slack-Signature': `v0=${signature}`, 'X-Slack-Request-Timestamp': String(timestamp) };
}

export interface Caller {
  userId?: string;
  channelId?: string;
  teamId?: string;
  /** Where Bolt's `respond` posts; usually `fake.responseUrl(id)`. */
  responseUrl: string;
}

export interface SendOptions {
  /** Seconds since the epoch to sign with (default now); use an old one to test staleness. */
  timestamp?: number;
  /** Overrides the computed signature (to test rejection). */
  signature?: string;
  /** More headers, such as Slack's `X-Slack-Retry-Num` on a redelivery. */
  headers?: Record<string, string>;
}

export interface SlackReply {
  status: number;
  body: string;
}

/** A clickable button as found in a rendered message. */
export interface PressableButton {
  action_id: string;
  value?: string;
  text: { text: string };
  block_id?: string;
  /** An option of an overflow menu rather than a button: pressed as a menu choice. */
  overflow?: boolean;
}

export class SlackRequestSender {
  /**
   * @param endpoint The receiver's URL, e.g. `http://127.0.0.1:<port>/slack/events`.
   */
  constructor(
    readonly endpoint: string,
    private readonly signingSecret: string,
  ) {}

  /** Sends a slash command, e.g. `/papers search diffusion`. */
  slashCommand(command: string, text: string, caller: Caller, options?: SendOptions): Promise<SlackReply> {
    const form = new URLSearchParams(slashCommandPayload(command, text, caller));
    return this.send(form.toString(), 'application/x-www-form-urlencoded', options);
  }

  /** Submits a modal (`view_submission`) with the given state values, as Slack sends it. */
  viewSubmission(view: { callback_id: string; private_metadata?: string }, values: Record<string, Record<string, unknown>>, caller: Omit<Caller, 'responseUrl'>, options?: SendOptions): Promise<SlackReply> {
    const payload = {
      type: 'view_submission',
      team: { id: caller.teamId ?? 'T0FAKE', domain: 'fake' },
      user: { id: caller.userId ?? 'U0USER', username: 'tester', name: 'tester', team_id: caller.teamId ?? 'T0FAKE' },
      api_app_id: 'A0FAKE',
      token: 'deprecated-verification-token',
      trigger_id: `${Date.now()}.trigger`,
      view: {
        id: 'V0FAKE',
        team_id: caller.teamId ?? 'T0FAKE',
        type: 'modal',
        callback_id: view.callback_id,
        private_metadata: view.private_metadata ?? '',
        state: { values },
        hash: 'h',
        app_id: 'A0FAKE',
        bot_id: 'BBOT',
      },
      response_urls: [],
      is_enterprise_install: false,
      enterprise: null,
    };
    const form = new URLSearchParams({ payload: JSON.stringify(payload) });
    return this.send(form.toString(), 'application/x-www-form-urlencoded', options);
  }

  /** Sends an Events API `event_callback` wrapping `event` (e.g. `link_shared`); a redelivery keeps its `eventId`. */
  event(event: Record<string, unknown>, options?: SendOptions & { eventId?: string }): Promise<SlackReply> {
    const body = JSON.stringify({
      token: 'deprecated-verification-token',
      team_id: 'T0FAKE',
      api_app_id: 'A0FAKE',
      event,
      type: 'event_callback',
      event_id: options?.eventId ?? `Ev${Date.now()}`,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ team_id: 'T0FAKE', user_id: 'UBOT', is_bot: true }],
    });
    return this.send(body, 'application/json', options);
  }

  /** Sends a `block_actions` payload for one button press. */
  blockAction(button: PressableButton, caller: Caller & { ephemeral?: boolean }, options?: SendOptions): Promise<SlackReply> {
    const form = new URLSearchParams({ payload: JSON.stringify(blockActionPayload(button, caller)) });
    return this.send(form.toString(), 'application/x-www-form-urlencoded', options);
  }

  /** Sends a raw body, signed unless `options.signature` overrides it. */
  async send(body: string, contentType: string, options: SendOptions = {}): Promise<SlackReply> {
    const headers = signSlackRequest(this.signingSecret, body, options.timestamp);
    if (options.signature !== undefined) headers['X-Slack-Signature'] = options.signature;
    const res = await fetch(this.endpoint, { method: 'POST', headers: { 'Content-Type': contentType, ...headers, ...options.headers }, body });
    return { status: res.status, body: await res.text() };
  }
}

/** The fields of a slash command request (form fields over HTTP, the envelope payload in Socket Mode). */
export function slashCommandPayload(command: string, text: string, caller: Caller): Record<string, string> {
  return {
    token: 'deprecated-verification-token',
    team_id: caller.teamId ?? 'T0FAKE',
    team_domain: 'fake',
    channel_id: caller.channelId ?? 'C0FAKE',
    channel_name: 'papers',
    user_id: caller.userId ?? 'U0USER',
    user_name: 'tester',
    command,
    text,
    api_app_id: 'A0FAKE',
    is_enterprise_install: 'false',
    response_url: caller.responseUrl,
    trigger_id: `${Date.now()}.trigger`,
  };
}

/** A `block_actions` interaction payload for one button press. */
export function blockActionPayload(button: PressableButton, caller: Caller & { ephemeral?: boolean }): Record<string, unknown> {
  const channelId = caller.channelId ?? 'C0FAKE';
  return {
    type: 'block_actions',
    user: { id: caller.userId ?? 'U0USER', username: 'tester', name: 'tester', team_id: caller.teamId ?? 'T0FAKE' },
    api_app_id: 'A0FAKE',
    token: 'deprecated-verification-token',
    container: { type: 'message', message_ts: '1700000000.000100', channel_id: channelId, is_ephemeral: caller.ephemeral ?? false },
    trigger_id: `${Date.now()}.trigger`,
    team: { id: caller.teamId ?? 'T0FAKE', domain: 'fake' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: channelId, name: 'papers' },
    response_url: caller.responseUrl,
    actions: [
      button.overflow
        ? {
            type: 'overflow',
            action_id: button.action_id,
            block_id: button.block_id ?? randomUUID(),
            selected_option: { text: { type: 'plain_text', text: button.text.text, emoji: true }, value: button.value ?? '' },
            action_ts: `${Date.now() / 1000}`,
          }
        : {
            type: 'button',
            action_id: button.action_id,
            block_id: button.block_id ?? randomUUID(),
            text: { type: 'plain_text', text: button.text.text, emoji: true },
            ...(button.value !== undefined ? { value: button.value } : {}),
            action_ts: `${Date.now() / 1000}`,
          },
    ],
  };
}

/** Finds a button, or a paper menu's option, by its label in a rendered message (as posted to a response URL). */
export function findButton(message: Record<string, unknown>, label: string | RegExp): PressableButton | undefined {
  type Accessory = PressableButton & { type: string; options?: { text: { text: string }; value: string }[] };
  const blocks = (message.blocks ?? []) as { type: string; block_id?: string; elements?: PressableButton[]; accessory?: Accessory }[];
  const matches = (text: string) => (typeof label === 'string' ? text === label : label.test(text));
  for (const block of blocks) {
    const accessory = block.accessory;
    if (accessory?.type === 'button' && matches(accessory.text.text)) return { ...accessory, ...(block.block_id ? { block_id: block.block_id } : {}) };
    const option = accessory?.type === 'overflow' ? accessory.options?.find((o) => matches(o.text.text)) : undefined;
    if (accessory && option) return { action_id: accessory.action_id, text: option.text, value: option.value, overflow: true, ...(block.block_id ? { block_id: block.block_id } : {}) };
  }
  for (const block of blocks) {
    if (block.type !== 'actions') continue;
    for (const element of block.elements ?? []) {
      const text = element.text.text;
      if (typeof label === 'string' ? text === label : label.test(text)) return { ...element, ...(block.block_id ? { block_id: block.block_id } : {}) };
    }
  }
  return undefined;
}
