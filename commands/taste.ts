import { defineCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { reply, type Block } from '../src/core/reply.js';
import { needUserData } from '../src/core/reading-list-view.js';
import { MIN_VOTED_PAPERS, topWords, trainTaste } from '../src/core/taste.js';
import { plural } from '../src/core/text.js';

export const taste = defineCommand({
  name: 'taste',
  description: "What this channel's 👍 and 👎 taught its digests; `taste reset` forgets it (channel managers)",
  usage: 'taste',
  personal: true,
  mayManage: true,
  args: [{ name: 'action', description: '`reset` to forget the channel\'s votes (channel managers only)', type: 'string', maxLength: 10 }],
  async execute({ action }, ctx) {
    const { feedback } = needUserData(ctx);
    const channel = { platform: ctx.request.platform, channelId: ctx.request.channelId };
    if (action !== undefined) {
      if (action.trim().toLowerCase() !== 'reset') throw new UserError(`“${action}” is not something \`taste\` does.`, 'Use `taste` to see it, or `taste reset` to forget it.');
      if (!ctx.request.canManageChannel) {
        throw new UserError('Only people who can manage this channel may reset its taste.', 'Ask a channel manager or workspace admin.');
      }
      const forgotten = await feedback.resetChannel(channel);
      const text = forgotten ? `Forgot this channel's ${plural(forgotten, 'vote')}: digests are ranked by relevance alone again.` : 'This channel had no votes to forget.';
      return reply(text, [{ type: 'text', text }], [], true);
    }
    const votes = await feedback.channelVotes(channel);
    const model = trainTaste(votes, ctx.library);
    const voted = model.liked.length + model.disliked.length;
    if (voted === 0) {
      const text = "This channel hasn't voted on any paper yet.";
      return reply(text, [{ type: 'text', text }, { type: 'context', text: 'Press 👍 or 👎 on papers in digests and results; after a few, digests lean towards what the channel likes.' }], [], true);
    }
    const blocks: Block[] = [
      { type: 'header', text: "This channel's taste" },
      { type: 'text', text: `${plural(voted, 'paper')} voted on: ${model.liked.length} 👍, ${model.disliked.length} 👎.` },
    ];
    const words = topWords(model, 12);
    if (words.length) blocks.push({ type: 'fields', fields: [{ label: 'Words it likes', value: words.join(', ') }] });
    const liked = model.liked.slice(-5).reverse().map((id) => ctx.library.get(id)).filter((p) => p !== undefined);
    if (liked.length) blocks.push({ type: 'fields', fields: [{ label: 'Recently liked', value: liked.map((p) => `${p.title} (${p.id})`).join('\n') }] });
    blocks.push({
      type: 'context',
      text: model.strength > 0 ? 'Digests lean towards papers like these, without leaving their topic.' : `Digests start to follow this taste once ${MIN_VOTED_PAPERS} papers are voted on.`,
    });
    const text = blocks.flatMap((b) => (b.type === 'text' || b.type === 'header' ? [b.text] : [])).join('\n');
    return reply(text, blocks, [], true);
  },
});
