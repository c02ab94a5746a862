import { defineCommand } from '../src/core/command.js';
import { personalChannel, runSubscribe, SUBSCRIBE_ARGS } from '../src/core/schedule/subscribe-request.js';

export const subscribeMe = defineCommand({
  name: 'subscribe-me',
  description: 'Get a digest yourself, in a direct message, on a schedule: a topic, an author or daily',
  usage: 'subscribe-me diffusion 08:30 Europe/Paris weekdays 3',
  personal: true,
  args: SUBSCRIBE_ARGS,
  async execute(args, ctx) {
    return runSubscribe(args, ctx, { channelId: await personalChannel(ctx), personal: true });
  },
});
