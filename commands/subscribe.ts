import { defineCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { reply } from '../src/core/reply.js';
import { resolveTopic } from '../src/core/resolve-topic.js';
import { describeSchedule, formatWhen, notAvailable } from '../src/core/schedule/format.js';
import { parseFilter } from '../src/core/schedule/filters.js';
import { authorFollowed, parseMode, parsePostStyle, parseSubscribeText } from '../src/core/schedule/parse-subscribe.js';
import { EVERY_DAY, parseDays, parseTime, parseTimezone } from '../src/core/schedule/spec.js';
import { topicKey } from '../src/core/subscription.js';

/** Keeps one channel from flooding itself (and the scheduler); also Discord's 25-field list limit. */
const MAX_PER_CHANNEL = 25;

export const subscribe = defineCommand({
  name: 'subscribe',
  description: 'Post a digest to this channel on a schedule: a topic, search words, or daily',
  usage: 'subscribe diffusion 08:30 Europe/Paris weekdays 3',
  requiresManage: true,
  args: [
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
  ],
  async execute(args, { library, request, subscriptions }) {
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
    const channel = { platform: request.platform, channelId: request.channelId };
    const existing = await subscriptions.list(channel);
    const key = topicKey({ kind: daily ? 'daily' : 'topic', topic: parsed.topic });
    const isUpdate = existing.some((s) => topicKey(s) === key);
    if (!isUpdate && existing.length >= MAX_PER_CHANNEL) {
      throw new UserError(`This channel already has ${MAX_PER_CHANNEL} subscriptions.`, 'Remove one with `unsubscribe <id>` first.');
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
      createdBy: request.userId,
    });
    const label = daily ? 'the daily theme' : author ? `new papers by ${author}` : (resolved?.label ?? sub.topic);
    const lines = [
      created
        ? `Subscribed this channel to ${label} (#${sub.id}): ${describeSchedule(sub)}.`
        : `This channel was already subscribed to ${label}, so I updated subscription #${sub.id}: ${describeSchedule(sub)}.`,
    ];
    if (sub.mode === 'new') {
      lines.push(`Only papers that arrived since the previous digest are posted; on a day with none, ${sub.emptyNote ? 'a short line says so' : 'nothing is posted'}.`);
    }
    if (sub.thread) lines.push('Each digest is one message, with its papers as replies in a thread under it.');
    if (resumed) lines.push('It had been paused; it is active again.');
    const next = subscriptions.nextPost(sub);
    if (next) lines.push(`Next digest: ${formatWhen(next, sub.timezone)}.`);
    return reply(
      lines.join(' '),
      [{ type: 'header', text: created ? 'Subscribed' : 'Subscription updated' }, ...lines.map((text) => ({ type: 'text' as const, text }))],
      [{ label: 'Post one now', action: { command: 'digest-now', args: { id: String(sub.id) } } }],
    );
  },
});
