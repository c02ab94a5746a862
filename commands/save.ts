import { defineCommand } from '../src/core/command.js';
import { findOrFetchPaper } from '../src/core/find-paper.js';
import { reply } from '../src/core/reply.js';
import { listArgs, listButton, listName, listOwner, needUserData } from '../src/core/reading-list-view.js';

export const save = defineCommand({
  name: 'save',
  description: "Save a paper to your reading list (private), or to the channel's",
  usage: 'save pskim5ab',
  personal: true,
  args: [
    { name: 'id', description: 'Paper ID, arXiv ID or link', type: 'string', required: true, maxLength: 100, autocomplete: 'paper' },
    { name: 'list', description: "mine (default): your private list; channel: this channel's shared list", type: 'string', maxLength: 10 },
  ],
  async execute({ id, list }, ctx) {
    const { readingLists } = needUserData(ctx);
    const owner = listOwner(ctx, list);
    const { paper } = await findOrFetchPaper(ctx, id);
    const added = await readingLists.save(owner, paper.id, ctx.request.userId, ctx.now());
    const count = (await readingLists.list(owner)).length;
    const text = added
      ? `Saved “${paper.title}” to ${listName(owner)} (${count} ${count === 1 ? 'paper' : 'papers'}).`
      : `“${paper.title}” is already on ${listName(owner)}.`;
    return reply(
      text,
      [{ type: 'text', text }],
      [
        ...(added ? [{ label: 'Undo', action: { command: 'unsave', args: { id: paper.id, ...listArgs(owner) } } }] : []),
        listButton(owner),
      ],
      true,
    );
  },
});
