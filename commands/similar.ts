import { defineCommand } from '../src/core/command.js';
import { digestButtons, paperCard } from '../src/core/cards.js';
import { UserError } from '../src/core/errors.js';
import { findOrFetchPaper } from '../src/core/find-paper.js';
import { reply, type Block } from '../src/core/reply.js';

export const similar = defineCommand({
  name: 'similar',
  description: 'Papers similar to one paper',
  usage: 'similar pskim5ab',
  args: [
    { name: 'id', description: 'Paper ID (shown in search results)', type: 'string', required: true, maxLength: 100, autocomplete: 'paper' },
    { name: 'count', description: 'How many papers (1-10)', type: 'integer', default: 5, min: 1, max: 10 },
  ],
  async execute({ id, count }, ctx) {
    const { paper: source, library } = await findOrFetchPaper(ctx, id);
    const hits = library.similar(source.id, count);
    if (hits.length === 0) throw new UserError(`I found no papers similar to “${source.title}”.`);
    const blocks: Block[] = [
      { type: 'header', text: `Papers like “${source.title}”` },
      ...hits.map(({ paper }): Block => ({
        type: 'paper',
        paper: paperCard(paper, library.tldr(paper)),
        buttons: digestButtons(paper.id),
      })),
    ];
    const lines = hits.map(({ paper }, i) => `${i + 1}. ${paper.title} (${paper.id})`);
    return reply(`Papers like “${source.title}”:\n${lines.join('\n')}`, blocks, [], true);
  },
});
