import { defineCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { reply } from '../src/core/reply.js';
import { needUserData } from '../src/core/reading-list-view.js';
import { plural } from '../src/core/text.js';

export const forget = defineCommand({
  name: 'forget',
  description: 'forget me: delete everything paperbot stores about you (reading list, votes, personal digests)',
  usage: 'forget me',
  personal: true,
  args: [{ name: 'who', description: '`me`: you, and only you', type: 'string', required: true, maxLength: 10 }],
  async execute({ who }, ctx) {
    if (who.trim().toLowerCase() !== 'me') throw new UserError('`forget` forgets only the person who runs it.', 'Type `forget me`.');
    const { privacy } = needUserData(ctx);
    const report = await privacy.forgetUser(ctx.request.platform, ctx.request.userId);
    const named = report.anonymised ? ` ${report.anonymised} channel list ${report.anonymised === 1 ? 'entry or subscription' : 'entries and subscriptions'} you added no longer name you.` : '';
    const digests = report.personalDigests ? ` I stopped your ${plural(report.personalDigests, 'personal digest')}.` : '';
    const text = `Done: I deleted your reading list (${plural(report.savedPapers, 'paper')}) and your ${plural(report.votes, 'vote')}.${digests}${named}`;
    return reply(text, [{ type: 'text', text }, { type: 'context', text: "Channels keep their own lists and subscriptions; they just no longer say you made them." }], [], true);
  },
});
