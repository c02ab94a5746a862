import { defineCommand } from '../src/core/command.js';
import { paperCard, resultButtons } from '../src/core/cards.js';
import { resolveTopic } from '../src/core/resolve-topic.js';
import { reply, type Block, type Button } from '../src/core/reply.js';
import { PAGE_SIZE } from './search.js';

const DAY_MS = 86_400_000;

export const latest = defineCommand({
  name: 'latest',
  description: 'Papers that arrived this week (or today), optionally on a topic, most upvoted first',
  usage: 'latest today diffusion',
  args: [
    { name: 'topic', description: 'A topic or search words; start with `today` for the last 24 hours', type: 'string', maxLength: 200, text: 'rest', autocomplete: 'topic' },
    { name: 'page', description: 'Results page', type: 'integer', default: 1, min: 1, max: 100, text: 'hidden' },
  ],
  execute({ topic, page }, { library, now }) {
    const words = (topic ?? '').trim().split(/\s+/).filter(Boolean);
    const today = words[0]?.toLowerCase() === 'today';
    const rest = (today ? words.slice(1) : words).join(' ');
    const resolved = rest ? resolveTopic(library, rest) : undefined;
    const since = new Date(now().getTime() - (today ? 1 : 7) * DAY_MS);
    const result = library.latest(resolved?.query, { since, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
    const when = today ? 'today' : 'this week';
    const about = resolved ? ` on ${resolved.label}` : '';
    if (result.total === 0) {
      const text = `No new papers${about} arrived ${when}.`;
      const hint = today ? 'Try `latest` for the whole week.' : 'New papers arrive from Hugging Face Daily Papers and arXiv as the bot fetches them.';
      return reply(`${text} ${hint}`, [{ type: 'text', text }, { type: 'context', text: hint }], [], true);
    }
    const first = (page - 1) * PAGE_SIZE + 1;
    const last = first + result.hits.length - 1;
    const heading = `New ${when}${about}`;
    const blocks: Block[] = [
      { type: 'header', text: heading },
      { type: 'context', text: `${first}–${last} of ${result.total}, most upvoted first` },
      ...result.hits.map(({ paper }, i): Block => ({
        type: 'paper',
        paper: { ...paperCard(paper, library.tldr(paper)), rank: first + i },
        buttons: resultButtons(paper.id),
      })),
    ];
    const args = { ...(topic ? { topic } : {}) };
    const buttons: Button[] = [];
    if (page > 1) buttons.push({ label: '◀ Previous', action: { command: 'latest', args: { ...args, page: page - 1 } } });
    if (last < result.total) buttons.push({ label: 'Next ▶', action: { command: 'latest', args: { ...args, page: page + 1 } } });
    const lines = result.hits.map(({ paper }, i) => `${first + i}. ${paper.title} (${paper.id})`);
    return reply(`${heading} (${first}–${last} of ${result.total}):\n${lines.join('\n')}`, blocks, buttons, true);
  },
});
