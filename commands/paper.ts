import { defineCommand } from '../src/core/command.js';
import { paperCard, similarButton } from '../src/core/cards.js';
import { findPaper } from '../src/core/find-paper.js';
import { reply, type Block } from '../src/core/reply.js';
import { formatDate } from '../src/core/text.js';

export const paper = defineCommand({
  name: 'paper',
  description: 'Details of one paper by its ID',
  usage: 'paper p3kx7q2m',
  args: [{ name: 'id', description: 'Paper ID, shown on every search result', type: 'string', required: true, maxLength: 100, autocomplete: 'paper' }],
  execute({ id }, { library }) {
    const found = findPaper(library, id);
    const fields = [
      { label: 'Published', value: found.published ? formatDate(found.published) : 'unknown' },
      { label: 'Authors', value: found.authors !== undefined ? String(found.authors) : 'unknown' },
      { label: 'Upvotes', value: String(found.upvotes ?? 0) },
      { label: 'TL;DR', value: library.tldr(found) },
    ];
    const blocks: Block[] = [
      { type: 'paper', paper: paperCard(found, found.abstract) },
      { type: 'fields', fields },
    ];
    if (found.titleDerived) blocks.push({ type: 'context', text: 'No export of this paper had a title; this one is derived from its abstract.' });
    return reply(`${found.title} (${found.id})\n${found.abstract}`, blocks, [similarButton(found.id)]);
  },
});
