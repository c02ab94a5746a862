import { defineCommand } from '../src/core/command.js';
import { paperKey } from '../src/core/find-paper.js';
import { reply } from '../src/core/reply.js';
import { listButton, listName, listOwner, needUserData } from '../src/core/reading-list-view.js';

export const unsave = defineCommand({
  name: 'unsave',
  description: "Remove a paper from your reading list, or from the channel's",
  usage: 'unsave pskim5ab',
  personal: true,
  args: [
    { name: 'id', description: 'Paper ID', type: 'string', required: true, maxLength: 100, autocomplete: 'paper' },
    { name: 'list', description: "mine (default): your private list; channel: this channel's shared list", type: 'string', maxLength: 10 },
  ],
  async execute({ id, list }, ctx) {
    const { readingLists } = needUserData(ctx);
    const owner = listOwner(ctx, list);
    // By the id as saved: a paper gone from the collection can still be removed.
    const key = paperKey(id);
    const removed = await readingLists.remove(owner, key);
    const title = ctx.library.get(key)?.title;
    const name = title ? `“${title}”` : `\`${key}\``;
    const text = removed ? `Removed ${name} from ${listName(owner)}.` : `${name} was not on ${listName(owner)}.`;
    return reply(text, [{ type: 'text', text }], [listButton(owner)], true);
  },
});
