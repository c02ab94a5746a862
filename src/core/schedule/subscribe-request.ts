/**
 * Subscribing, shared by `subscribe` (a channel's digest) and `subscribe-me` (a personal digest
 * in the user's direct messages): the same arguments, parsing, checks and confirmation.
 */
import type { ArgSpec, ArgsOf, CommandContext } from '../command.js';
import { UserError } from '../errors.js';
import { reply, type Reply } from '../reply.js';
import { resolveTopic } from '../resolve-topic.js';
import { topicKey } from '../subscription.js';
import { parseFilter } from './filters.js';
import { describeSchedule, formatWhen, notAvailable } from './format.js';
import { authorFollowed, parseMode, parsePostStyle, parseSubscribeText } from './parse-subscribe.js';
import { EVERY_DAY, parseDays, parseTime, parseTimezone } from './spec.js';

/** Keeps one channel (or person) from flooding itself and the scheduler; also Discord's 25-field list limit. */
const MAX_PER_CHANNEL = 25;

export const SUBSCRIBE_ARGS = [
  {
    name: 'topic',
    description: 'Topic, search words or `daily`, then optionally HH:MM, timezone, days, count',
    type: 'string',
    required: true,
    maxLength: 200,
    text: 'rest',
    autocomplete: 'topic',
  },
  // Typed options on Discord; in Slack and the console they are read from the end of `topic`.
  { name: 'time', description: 'Time of day, 24-hour HH:MM (default: the bot\'s digest time, usually 09:00)', type: 'string', maxLength: 5, text: 'hidden' },
  { name: 'timezone', description: 'IANA timezone, e.g. Europe/Paris', type: 'string', maxLength: 64, text: 'hidden', autocomplete: 'timezone' },
  { name: 'days', description: 'every day (default), weekdays, weekends, or mon,wed,fri', type: 'string', maxLength: 60, text: 'hidden' },
  { name: 'count', description: 'Papers per digest (1-10, default 5)', type: 'integer', min: 1, max: 10, text: 'hidden' },
  { name: 'mode', description: 'best (default): best unseen papers; new: only new ones; new-notify: also a line on quiet days', type: 'string', maxLength: 10, text: 'hidden' },
  { name: 'filters', description: 'e.g. +min-upvotes:20 +has:code +category:cs.CV -gan', type: 'string', maxLength: 200, text: 'hidden' },
  { name: 'post', description: 'message (default): all papers in one message; thread: the papers in a thread under it', type: 'string', maxLength: 10, text: 'hidden' },
] as const satisfies readonly ArgSpec[];

export interface SubscribeTarget {
  channelId: string;
  /** A personal digest, in the user's direct messages. */
  personal: boolean;
}

export async function runSubscribe(args: ArgsOf<typeof SUBSCRIBE_ARGS>, { library, request, subscriptions }: CommandContext, target: SubscribeTarget): Promise<Reply> {
  if (!subscriptions) throw notAvailable();
  const parsed = parseSubscribeText(args.topic, {
    ...(args.time !== undefined ? { time: parseTime(args.time) } : {}),
    ...(args.timezone !== undefined ? { timezone: parseTimezone(args.timezone) } : {}),
    ...(args.days !== undefined ? { days: parseDays(args.days) } : {}),
    ...(args.count !== undefined ? { count: args.count } : {}),
    ...(args.mode !== undefined ? parseMode(args.mode) : {}),
    ...(args.post !== undefined ? { thread: parsePostStyle(args.post) } : {}),
    ...(args.filters !== undefined ? { filters: (args.filters.match(/-["“][^"”]*["”]|\S+/g) ?? []).map(parseFilter) } : {}),
  });
  if (parsed.topic.length > 100) throw new UserError('That topic is too long (at most 100 characters).');
  const daily = parsed.topic.toLowerCase() === 'daily';
  const resolved = daily ? undefined : resolveTopic(library, parsed.topic);
  const author = authorFollowed(parsed.topic);
  // An author with no paper yet can still be followed: their next one will be posted.
  if (resolved && !author && library.search(resolved.query, { limit: 1 }).total === 0) {
    throw new UserError(`I found no papers about “${parsed.topic}”, so there would be nothing to post.`, 'See `topics` for ideas, or try other words.');
  }
  const channel = { platform: request.platform, channelId: target.channelId };
  const existing = await subscriptions.list(channel);
  const where = target.personal ? 'you' : 'this channel';
  const key = topicKey({ kind: daily ? 'daily' : 'topic', topic: parsed.topic });
  const isUpdate = existing.some((s) => topicKey(s) === key);
  if (!isUpdate && existing.length >= MAX_PER_CHANNEL) {
    throw new UserError(
      `${target.personal ? 'You already have' : 'This channel already has'} ${MAX_PER_CHANNEL} subscriptions.`,
      `Remove one with \`${target.personal ? 'unsubscribe-me' : 'unsubscribe'} <id>\` first.`,
    );
  }
  const { subscription: sub, created, resumed } = await subscriptions.subscribe({
    ...channel,
    ...(request.workspaceId !== undefined ? { workspaceId: request.workspaceId } : {}),
    kind: daily ? 'daily' : 'topic',
    topic: daily ? 'daily' : parsed.topic,
    time: parsed.time ?? subscriptions.defaultTime,
    timezone: parsed.timezone ?? subscriptions.defaultTimezone,
    days: parsed.days ?? EVERY_DAY,
    count: parsed.count ?? 5,
    // Following an author means their new papers, unless the channel asks for the best ones.
    mode: parsed.mode ?? (author ? 'new' : 'best'),
    ...(parsed.emptyNote ? { emptyNote: true } : {}),
    ...(parsed.thread ? { thread: true } : {}),
    ...(parsed.filters?.length ? { filters: [...new Set(parsed.filters)] } : {}),
    ...(target.personal ? { personal: true } : {}),
    createdBy: request.userId,
  });
  const label = daily ? 'the daily theme' : author ? `new papers by ${author}` : (resolved?.label ?? sub.topic);
  const lines = [
    created
      ? `Subscribed ${where} to ${label} (#${sub.id}): ${describeSchedule(sub)}.`
      : `${target.personal ? 'You were' : 'This channel was'} already subscribed to ${label}, so I updated subscription #${sub.id}: ${describeSchedule(sub)}.`,
  ];
  if (sub.mode === 'new') {
    lines.push(`Only papers that arrived since the previous digest are posted; on a day with none, ${sub.emptyNote ? 'a short line says so' : 'nothing is posted'}.`);
  }
  if (sub.thread) lines.push('Each digest is one message, with its papers as replies in a thread under it.');
  if (target.personal) lines.push('Digests come to you in a direct message; stop them with `unsubscribe-me ' + sub.id + '`.');
  if (resumed) lines.push('It had been paused; it is active again.');
  const next = subscriptions.nextPost(sub);
  if (next) lines.push(`Next digest: ${formatWhen(next, sub.timezone)}.`);
  return reply(
    lines.join(' '),
    [{ type: 'header', text: created ? 'Subscribed' : 'Subscription updated' }, ...lines.map((text) => ({ type: 'text' as const, text }))],
    // A personal digest is about one person: its confirmation is theirs alone.
    target.personal ? [] : [{ label: 'Post one now', action: { command: 'digest-now', args: { id: String(sub.id) } } }],
    target.personal,
  );
}

/** The user's direct-message channel, where their personal digests go; a friendly error where there is none. */
export async function personalChannel(ctx: Pick<CommandContext, 'request'>): Promise<string> {
  const open = ctx.request.openDirectChannel;
  if (!open) throw new UserError('Personal digests are not available here.', 'They need Slack or Discord, where I can send you direct messages.');
  try {
    return await open();
  } catch {
    throw new UserError("I couldn't open a direct message with you.", 'Check that you accept direct messages from members of this server or workspace, then try again.');
  }
}
