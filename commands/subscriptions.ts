import { defineCommand } from '../src/core/command.js';
import { reply } from '../src/core/reply.js';
import { describeSchedule, formatSlotDate, formatWhen, notAvailable, topicLabel } from '../src/core/schedule/format.js';

export const subscriptions = defineCommand({
  name: 'subscriptions',
  description: "This channel's scheduled digests, when each posts next, and any that are paused",
  usage: 'subscriptions',
  args: [],
  async execute(_args, { request, subscriptions: service }) {
    if (!service) throw notAvailable();
    const subs = await service.list({ platform: request.platform, channelId: request.channelId });
    if (subs.length === 0) {
      const text = 'This channel has no scheduled digests.';
      const hint = 'Start one with `subscribe diffusion 09:00` or `subscribe daily`.';
      return reply(`${text} ${hint}`, [{ type: 'text', text }, { type: 'context', text: hint }], [], true);
    }
    const fields = await Promise.all(subs.map(async (sub) => {
      const next = service.nextPost(sub);
      const last = await service.lastDigest(sub);
      // Not resent (it may be there), so the people in the channel should know to look.
      const doubt = last?.state === 'uncertain' ? `\nThe digest of ${formatSlotDate(last.slotDate)} may not have been delivered; it was not resent.` : '';
      const status = sub.pausedReason
        ? `Paused: ${sub.pausedReason}. Run \`subscribe\` again or \`digest-now ${sub.id}\` to resume.`
        : next
          ? `Next: ${formatWhen(next, sub.timezone)}`
          : 'No upcoming digest';
      return { label: `#${sub.id} ${topicLabel(sub)}`, value: `${describeSchedule(sub)}\n${status}${doubt}` };
    }));
    const text = fields.map((f) => `${f.label}: ${f.value.replaceAll('\n', '; ')}`).join('\n');
    return reply(`Scheduled digests in this channel:\n${text}`, [{ type: 'header', text: 'Scheduled digests' }, { type: 'fields', fields }], [], true);
  },
});
