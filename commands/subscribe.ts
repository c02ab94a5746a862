import { defineCommand } from '../src/core/command.js';
import { runSubscribe, SUBSCRIBE_ARGS } from '../src/core/schedule/subscribe-request.js';

export const subscribe = defineCommand({
  name: 'subscribe',
  description: 'Post a digest to this channel on a schedule: a topic, search words, or daily',
  usage: 'subscribe diffusion 08:30 Europe/Paris weekdays 3',
  requiresManage: true,
  args: SUBSCRIBE_ARGS,
  execute: (args, ctx) => runSubscribe(args, ctx, { channelId: ctx.request.channelId, personal: false }),
});
