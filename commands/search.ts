import { defineCommand } from '../src/core/command.js';
import { paperCard, resultButtons } from '../src/core/cards.js';
import { reply, type Block, type Button } from '../src/core/reply.js';

export const PAGE_SIZE = 5;

export const search = defineCommand({
  name: 'search',
  description: 'Search papers: "phrases", -exclude, author:"name", year:2024, since:2023, sort:new|top',
  usage: 'search diffusion models since:2024',
  args: [
    { name: 'query', description: 'What to look for', type: 'string', required: true, maxLength: 300, text: 'rest', autocomplete: 'paper' },
    { name: 'page', description: 'Results page', type: 'integer', default: 1, min: 1, max: 100, text: 'hidden' },
  ],
  async execute({ query, page }, { library }) {
    // A remote embedding model's query vector, if it comes within a short budget; search is lexical without it.
    await library.prepareSearch(query);
    const result = library.search(query, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
    const suggestionButtons: Button[] = result.suggestions.map((suggestion) => ({
      label: `Search “${suggestion}”`,
      action: { command: 'search', args: { query: suggestion } },
    }));
    const didYouMean = result.suggestions.length
      ? `Did you mean ${result.suggestions.map((s) => `“${s}”`).join(' or ')}?`
      : undefined;
    if (result.total === 0) {
      const hint = didYouMean ?? 'Try fewer or more general words.';
      return {
        text: `No papers match “${query}”. ${hint}`,
        blocks: [{ type: 'text', text: `No papers match “${query}”.` }, { type: 'context', text: hint }],
        buttons: suggestionButtons,
        ephemeral: true,
      };
    }
    const first = (page - 1) * PAGE_SIZE + 1;
    if (result.hits.length === 0) {
      return reply(`There are only ${result.total} results for “${query}”.`, [
        { type: 'text', text: `There are only ${result.total} results for “${query}”; page ${page} is empty.` },
      ], [{ label: 'First page', action: { command: 'search', args: { query } } }], true);
    }
    const last = first + result.hits.length - 1;
    const blocks: Block[] = [
      { type: 'header', text: `Papers matching “${query}”` },
      { type: 'context', text: `Results ${first}–${last} of ${result.total}` },
      // Results found only through typo tolerance come with the corrected spelling.
      ...(didYouMean && page === 1 ? [{ type: 'context' as const, text: didYouMean }] : []),
      ...result.hits.map(({ paper }, i): Block => ({
        type: 'paper',
        paper: { ...paperCard(paper, library.tldr(paper)), rank: first + i },
        buttons: resultButtons(paper.id),
      })),
    ];
    const buttons: Button[] = page === 1 ? suggestionButtons.slice(0, 1) : [];
    if (page > 1) buttons.push({ label: '◀ Previous', action: { command: 'search', args: { query, page: page - 1 } } });
    if (last < result.total) buttons.push({ label: 'Next ▶', action: { command: 'search', args: { query, page: page + 1 } } });
    const lines = result.hits.map(({ paper }, i) => `${first + i}. ${paper.title} (${paper.id})`);
    return reply(`Papers matching “${query}” (${first}–${last} of ${result.total}):\n${lines.join('\n')}`, blocks, buttons, true);
  },
});
