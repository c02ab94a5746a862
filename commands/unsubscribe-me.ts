import { defineCommand } from '../src/core/command.js';
import { reply } from '../src/core/reply.js';
import { notAvailable, parseSubscriptionId, topicLabel, unknownSubscription } from '../src/core/schedule/format.js';
import { personalChannel } from '../src/core/schedule/subscribe-request.js';

export const unsubscribeMe = defineCommand({
  name: 'unsubscribe-me',
  description: 'Stop one of your personal digests, or all of them',
  usage: 'unsubscribe-me all',
  personal: true,
  args: [{ name: 'id', description: 'Subscription ID (see `subscriptions me`), or `all`', type: 'string', required: true, maxLength: 20 }],
  async execute({ id }, ctx) {
    const { request, subscriptions } = ctx;
    if (!subscriptions) throw notAvailable();
    const channel = { platform: request.platform, channelId: await personalChannel(ctx) };
    if (id.trim().toLowerCase() === 'all') {
      const removed = await subscriptions.unsubscribeAll(channel);
      const text = removed === 0 ? 'You had no personal digests.' : removed === 1 ? 'Stopped your personal digest.' : `Stopped all ${removed} of your personal digests.`;
      return reply(text, [{ type: 'text', text }], [], true);
    }
    const n = parseSubscriptionId(id);
    const sub = await subscriptions.find(channel, n);
    if (!sub || !(await subscriptions.unsubscribe(channel, n))) throw unknownSubscription(n);
    const text = `Stopped your personal digest #${n} (${topicLabel(sub)}).`;
    return reply(text, [{ type: 'text', text }], [], true);
  },
});
