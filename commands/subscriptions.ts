import { defineCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { reply } from '../src/core/reply.js';
import { personalChannel } from '../src/core/schedule/subscribe-request.js';
import { describeSchedule, formatSlotDate, formatWhen, notAvailable, topicLabel } from '../src/core/schedule/format.js';

export const subscriptions = defineCommand({
  name: 'subscriptions',
  description: "This channel's scheduled digests, when each posts next, and any that are paused",
  usage: 'subscriptions',
  args: [{ name: 'whose', description: '`me` for your personal digests', type: 'string', maxLength: 10 }],
  async execute({ whose }, ctx) {
    const { request, subscriptions: service } = ctx;
    if (!service) throw notAvailable();
    if (whose !== undefined && whose.trim().toLowerCase() !== 'me') throw new UserError(`“${whose}” is not whose subscriptions I can show.`, 'Use `subscriptions` for this channel, or `subscriptions me` for your personal digests.');
    const mine = whose !== undefined;
    const subs = await service.list({ platform: request.platform, channelId: mine ? await personalChannel(ctx) : request.channelId });
    if (subs.length === 0) {
      const text = mine ? 'You have no personal digests.' : 'This channel has no scheduled digests.';
      const hint = mine ? 'Start one with `subscribe-me diffusion 09:00`.' : 'Start one with `subscribe diffusion 09:00` or `subscribe daily`.';
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
    const heading = mine ? 'Your personal digests' : 'Scheduled digests';
    return reply(`${mine ? 'Your personal digests' : 'Scheduled digests in this channel'}:\n${text}`, [{ type: 'header', text: heading }, { type: 'fields', fields }], [], true);
  },
});
