import { defineCommand } from '../src/core/command.js';
import { detailsButton, paperCard, similarButton } from '../src/core/cards.js';
import { UserError } from '../src/core/errors.js';
import { resolveTopic } from '../src/core/resolve-topic.js';
import { reply, type Button } from '../src/core/reply.js';
import { truncate } from '../src/core/text.js';

/** How many of a topic's best matches a random pick draws from. */
const TOPIC_POOL = 50;

export const random = defineCommand({
  name: 'random',
  description: 'A random paper, optionally within a topic',
  usage: 'random diffusion',
  args: [
    { name: 'topic', description: 'Topic name or any search words', type: 'string', maxLength: 100, text: 'rest', autocomplete: 'topic' },
  ],
  execute({ topic }, { library, random: rand }) {
    let pool = library.papers;
    let label: string | undefined;
    if (topic) {
      const resolved = resolveTopic(library, topic);
      label = resolved.label;
      pool = library.search(resolved.query, { limit: TOPIC_POOL }).hits.map((hit) => hit.paper);
      if (pool.length === 0) {
        throw new UserError(`I found no papers about “${topic}”.`, 'See `topics` for ideas, or try other words.');
      }
    }
    if (pool.length === 0) throw new UserError('The corpus is empty, so there is nothing to pick from.');
    const paper = pool[Math.floor(rand() * pool.length)]!;
    const again: Button = { label: 'Another one', action: { command: 'random', args: topic ? { topic } : {} }, style: 'primary' };
    const heading = label ? `A random paper on ${label}` : 'A random paper';
    return reply(
      `${heading}: ${paper.title} (${paper.id})`,
      [
        { type: 'header', text: heading },
        { type: 'paper', paper: paperCard(paper, truncate(paper.abstract, 700)) },
      ],
      [again, similarButton(paper.id), detailsButton(paper.id)],
    );
  },
});
