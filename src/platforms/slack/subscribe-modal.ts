/**
 * `/papers subscribe` with nothing after it, or the "Subscribe this channel" button, opens a form
 * instead of an error: topic, time, timezone, days, papers per digest, mode and how to post. The submission
 * runs the same `subscribe` command as the typed form, and a problem is shown on the field.
 * @see https://docs.slack.dev/surfaces/modals
 */
import type { App } from '@slack/bolt';
import type { Bot } from '../../core/bot.js';
import type { RequestInfo } from '../../core/command.js';
import type { Logger } from '../../core/logger.js';
import { describeError } from '../../core/safe-error.js';
import { renderReply } from './render.js';

export const SUBSCRIBE_VIEW = 'pb:subscribe';

const DAYS = [
  ['1', 'Mon'],
  ['2', 'Tue'],
  ['3', 'Wed'],
  ['4', 'Thu'],
  ['5', 'Fri'],
  ['6', 'Sat'],
  ['7', 'Sun'],
] as const;
const DAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

const plain = (text: string) => ({ type: 'plain_text' as const, text });
const option = (value: string, text: string) => ({ text: plain(text), value });

/** The form; the channel travels in `private_metadata`, since a view has no channel of its own. */
export function subscribeView(channelId: string, defaults: { time: string; timezone: string }) {
  return {
    type: 'modal' as const,
    callback_id: SUBSCRIBE_VIEW,
    private_metadata: JSON.stringify({ channelId }),
    title: plain('Subscribe this channel'),
    submit: plain('Subscribe'),
    close: plain('Cancel'),
    blocks: [
      {
        type: 'input',
        block_id: 'topic',
        label: plain('Topic'),
        hint: plain('A topic name (see /papers topics), any search words, or daily for a daily theme'),
        element: { type: 'plain_text_input', action_id: 'value', max_length: 100, placeholder: plain('diffusion models') },
      },
      { type: 'input', block_id: 'time', label: plain('Time'), element: { type: 'timepicker', action_id: 'value', initial_time: defaults.time } },
      {
        type: 'input',
        block_id: 'timezone',
        label: plain('Timezone'),
        hint: plain('An IANA name, a city or an abbreviation: Europe/Paris, Tokyo, EST'),
        element: { type: 'plain_text_input', action_id: 'value', max_length: 64, initial_value: defaults.timezone },
      },
      {
        type: 'input',
        block_id: 'days',
        label: plain('Days'),
        element: { type: 'checkboxes', action_id: 'value', options: DAYS.map(([v, t]) => option(v, t)), initial_options: DAYS.map(([v, t]) => option(v, t)) },
      },
      {
        type: 'input',
        block_id: 'count',
        label: plain('Papers per digest'),
        element: {
          type: 'static_select',
          action_id: 'value',
          options: Array.from({ length: 10 }, (_, i) => option(String(i + 1), String(i + 1))),
          initial_option: option('5', '5'),
        },
      },
      {
        type: 'input',
        block_id: 'mode',
        label: plain('Which papers'),
        element: {
          type: 'radio_buttons',
          action_id: 'value',
          options: [option('best', 'The best on the topic not posted yet'), option('new', 'Only papers new since the last digest')],
          initial_option: option('best', 'The best on the topic not posted yet'),
        },
      },
      {
        type: 'input',
        block_id: 'post',
        label: plain('How to post'),
        element: {
          type: 'radio_buttons',
          action_id: 'value',
          options: [option('message', 'All papers in one message'), option('thread', 'One message, the papers in a thread under it')],
          initial_option: option('message', 'All papers in one message'),
        },
      },
    ],
  };
}

type StateValue = { value?: string | null; selected_time?: string | null; selected_option?: { value: string } | null; selected_options?: { value: string }[] };

/** The submitted values as `subscribe` arguments. */
export function readSubscribeView(values: Record<string, Record<string, StateValue>>): Record<string, string | number> {
  const field = (block: string) => values[block]?.value;
  const days = (field('days')?.selected_options ?? []).map((o) => DAY_KEYS[Number(o.value) - 1]).filter(Boolean);
  return {
    topic: field('topic')?.value?.trim() ?? '',
    ...(field('time')?.selected_time ? { time: field('time')!.selected_time! } : {}),
    ...(field('timezone')?.value?.trim() ? { timezone: field('timezone')!.value!.trim() } : {}),
    // No day ticked is an error the command explains, on the days field.
    days: days.length ? days.join(',') : 'none',
    count: Number(field('count')?.selected_option?.value ?? 5),
    mode: field('mode')?.selected_option?.value ?? 'best',
    post: field('post')?.selected_option?.value ?? 'message',
  };
}

/** Which field an error from `subscribe` belongs on, by what it talks about. */
function fieldOf(message: string): string {
  if (/time zone|timezone/i.test(message)) return 'timezone';
  if (/\btime\b/i.test(message)) return 'time';
  if (/\bdays?\b/i.test(message)) return 'days';
  if (/number of papers/i.test(message)) return 'count';
  return 'topic';
}

export interface ModalDeps {
  bot: Bot;
  log: Logger;
  /** The request for `subscribe` from this user and channel, with the channel-manager check. */
  requestFor(where: { userId: string; channelId: string; teamId?: string }): Promise<RequestInfo>;
}

export function registerSubscribeModal(app: App, deps: ModalDeps): void {
  app.view(SUBSCRIBE_VIEW, async ({ ack, view, body, client }) => {
    let channelId = '';
    try {
      channelId = (JSON.parse(view.private_metadata) as { channelId?: string }).channelId ?? '';
    } catch {
      // A view we did not make: answered as an error on the topic field below.
    }
    const where = { userId: body.user.id, channelId, ...(body.team?.id ? { teamId: body.team.id } : {}) };
    const reply = await deps.bot.run('subscribe', readSubscribeView(view.state.values as Record<string, Record<string, StateValue>>), await deps.requestFor(where));
    if (reply.error) {
      // The form stays open with the message on the field it is about.
      await ack({ response_action: 'errors', errors: { [fieldOf(reply.text)]: reply.text.slice(0, 150) } });
      return;
    }
    await ack();
    try {
      // As with the typed command: the channel sees that it is now subscribed.
      const message = renderReply(reply, { encode: (action, max) => deps.bot.actions.encode(action, max) });
      await client.chat.postMessage({ channel: channelId, text: message.text, blocks: message.blocks as never });
    } catch (error) {
      deps.log.warn({ err: describeError(error), channel: channelId }, 'slack subscribe confirmation failed');
    }
  });
}
