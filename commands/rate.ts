import { defineCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import type { Vote } from '../src/core/feedback.js';
import { findOrFetchPaper } from '../src/core/find-paper.js';
import { reply } from '../src/core/reply.js';
import { needUserData } from '../src/core/reading-list-view.js';

const VOTES: Record<string, Vote | 0> = { up: 1, '👍': 1, '+1': 1, yes: 1, down: -1, '👎': -1, '-1': -1, no: -1, clear: 0 };

export const rate = defineCommand({
  name: 'rate',
  description: "Mark a paper relevant (up) or not (down) for this channel: its digests learn the channel's taste",
  usage: 'rate pskim5ab up',
  personal: true,
  args: [
    { name: 'id', description: 'Paper ID, arXiv ID or link', type: 'string', required: true, maxLength: 100, autocomplete: 'paper' },
    { name: 'vote', description: 'up, down, or clear to take your vote back', type: 'string', required: true, maxLength: 10 },
  ],
  async execute({ id, vote }, ctx) {
    const { feedback } = needUserData(ctx);
    const value = VOTES[vote.trim().toLowerCase()];
    if (value === undefined) throw new UserError(`“${vote}” is not a vote.`, 'Use `up` (relevant to this channel), `down` (not relevant) or `clear`.');
    const { paper } = await findOrFetchPaper(ctx, id);
    const channel = { platform: ctx.request.platform, channelId: ctx.request.channelId };
    await feedback.vote(channel, ctx.request.userId, paper.id, value, ctx.now());
    const text =
      value === 0
        ? `Took back your vote on “${paper.title}”.`
        : `${value === 1 ? '👍' : '👎'} for “${paper.title}”: this channel's digests will lean ${value === 1 ? 'towards' : 'away from'} papers like it.`;
    const buttons = value === 0 ? [] : [{ label: 'Undo', action: { command: 'rate', args: { id: paper.id, vote: 'clear' } } }];
    // Private: a vote is the voter's; the channel sees only its effect on the digests.
    return reply(text, [{ type: 'text', text }, { type: 'context', text: 'See what this channel likes with `taste`.' }], buttons, true);
  },
});
