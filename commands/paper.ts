import { defineCommand } from '../src/core/command.js';
import { paperCard, rateButtons, saveButton, saveForChannelButton, similarButton } from '../src/core/cards.js';
import { findOrFetchPaper } from '../src/core/find-paper.js';
import { reply, type Block } from '../src/core/reply.js';
import { formatDate } from '../src/core/text.js';
import type { Paper } from '../src/core/library.js';

/** Every name up to a dozen, then how many more; the count alone when that is all we know. */
function authorList(paper: Paper): string {
  const names = paper.authorNames ?? [];
  if (names.length === 0) return paper.authors !== undefined ? String(paper.authors) : 'unknown';
  return names.length > 12 ? `${names.slice(0, 12).join(', ')} and ${names.length - 12} more` : names.join(', ');
}

export const paper = defineCommand({
  name: 'paper',
  description: 'Details of one paper by its ID',
  usage: 'paper pskim5ab',
  args: [{ name: 'id', description: 'Paper ID, arXiv ID or arXiv/Hugging Face link', type: 'string', required: true, maxLength: 100, autocomplete: 'paper' }],
  async execute({ id }, ctx) {
    const { paper: found, library } = await findOrFetchPaper(ctx, id);
    const fields = [
      { label: 'Published', value: found.published ? formatDate(found.published) : 'unknown' },
      { label: 'Authors', value: authorList(found) },
      ...(found.upvotes ? [{ label: 'Upvotes', value: String(found.upvotes) }] : []),
      ...(found.arxivId ? [{ label: 'arXiv', value: found.arxivId + (found.categories?.length ? ` (${found.categories.join(', ')})` : '') }] : []),
      { label: 'TL;DR', value: library.tldr(found) },
      ...(found.keywords?.length ? [{ label: 'Keywords', value: found.keywords.slice(0, 12).join(', ') }] : []),
    ];
    const blocks: Block[] = [
      { type: 'paper', paper: paperCard(found, found.abstract) },
      { type: 'fields', fields },
    ];
    if (found.titleDerived) blocks.push({ type: 'context', text: 'No export of this paper had a title; this one is derived from its abstract.' });
    return reply(`${found.title} (${found.id})\n${found.abstract}`, blocks, [similarButton(found.id), saveButton(found.id), saveForChannelButton(found.id), ...rateButtons(found.id)]);
  },
});
