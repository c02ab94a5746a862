import { defineCommand } from '../src/core/command.js';
import { reply } from '../src/core/reply.js';
import { notAvailable, parseSubscriptionId, topicLabel, unknownSubscription } from '../src/core/schedule/format.js';

export const unsubscribe = defineCommand({
  name: 'unsubscribe',
  description: "Stop one of this channel's scheduled digests, or all of them",
  usage: 'unsubscribe 1',
  requiresManage: true,
  args: [{ name: 'id', description: 'Subscription ID (see `subscriptions`), or `all`', type: 'string', required: true, maxLength: 20 }],
  async execute({ id }, { request, subscriptions }) {
    if (!subscriptions) throw notAvailable();
    const channel = { platform: request.platform, channelId: request.channelId };
    if (id.trim().toLowerCase() === 'all') {
      const removed = await subscriptions.unsubscribeAll(channel);
      const text = removed === 0 ? 'This channel had no subscriptions.' : `Removed all ${removed} subscription${removed === 1 ? '' : 's'} of this channel.`;
      return reply(text, [{ type: 'text', text }]);
    }
    const n = parseSubscriptionId(id);
    const sub = await subscriptions.find(channel, n);
    if (!sub || !(await subscriptions.unsubscribe(channel, n))) throw unknownSubscription(n);
    const text = `Removed subscription #${n} (${topicLabel(sub)}). No more digests from it.`;
    return reply(text, [{ type: 'text', text }]);
  },
});
