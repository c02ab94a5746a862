import { defineCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { reply } from '../src/core/reply.js';
import { notAvailable, parseSubscriptionId, topicLabel, unknownSubscription } from '../src/core/schedule/format.js';

export const digestNow = defineCommand({
  name: 'digest-now',
  description: "Post one of this channel's subscribed digests right away",
  usage: 'digest-now 1',
  requiresManage: true,
  args: [{ name: 'id', description: 'Subscription ID (optional when the channel has only one)', type: 'string', maxLength: 20 }],
  async execute({ id }, { request, subscriptions }) {
    if (!subscriptions) throw notAvailable();
    const channel = { platform: request.platform, channelId: request.channelId };
    let sub;
    if (id === undefined) {
      const all = await subscriptions.list(channel);
      if (all.length !== 1) {
        throw new UserError(all.length ? 'Which subscription? This channel has several.' : 'This channel has no subscriptions.', 'Run `subscriptions` to see the IDs, then `digest-now <id>`.');
      }
      sub = all[0]!;
    } else {
      const n = parseSubscriptionId(id);
      sub = await subscriptions.find(channel, n);
      if (!sub) throw unknownSubscription(n);
    }
    const result = await subscriptions.postNow(channel, sub.id);
    if (result.status === 'not_found') throw unknownSubscription(sub.id);
    if (result.status === 'empty') {
      const text = `Nothing new on ${result.label} since the last digest, so nothing was posted.`;
      return reply(text, [{ type: 'text', text }], [], true);
    }
    if (result.status === 'failed') {
      throw new UserError(
        `I couldn't post the digest for ${topicLabel(sub)}: ${result.error}.`,
        result.paused
          ? 'I paused the subscription; fix the channel access, then run `digest-now` again to resume.'
          : result.retryable
            ? 'Please try again in a moment.'
            : undefined,
      );
    }
    const resumed = sub.pausedReason !== undefined && (await subscriptions.resume(channel, sub.id));
    // Without a poster (console) the digest is the reply itself.
    if (result.status === 'no_poster') return result.digest.reply;
    const text = `Posted the digest for ${topicLabel(sub)} (${result.digest.paperIds.length} papers).${resumed ? ' The subscription was paused; it is active again.' : ''}`;
    return reply(text, [{ type: 'text', text }], [], true);
  },
});
