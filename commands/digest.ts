import { defineCommand } from '../src/core/command.js';
import { renderDigest } from '../src/core/digest-view.js';
import { UserError } from '../src/core/errors.js';
import { resolveTopic } from '../src/core/resolve-topic.js';
import { channelTaste, digestWithTaste, tastePool } from '../src/core/taste.js';

export const digest = defineCommand({
  name: 'digest',
  description: 'The best papers on a topic, with a one-line TL;DR each',
  usage: 'digest contrastive learning 5',
  args: [
    { name: 'topic', description: 'Topic name or any search words', type: 'string', required: true, maxLength: 100, text: 'rest', autocomplete: 'topic' },
    { name: 'count', description: 'How many papers (1-10)', type: 'integer', default: 5, min: 1, max: 10 },
  ],
  async execute({ topic, count }, { library, request, userData }) {
    const resolved = resolveTopic(library, topic);
    // In a channel that has voted, the digest follows its taste, as its scheduled digests do.
    const taste = userData ? await channelTaste(userData.feedback, { platform: request.platform, channelId: request.channelId }, library) : undefined;
    const items = digestWithTaste(library.digest(resolved.query, tastePool(count, taste)), count, taste, library);
    if (items.length === 0) {
      throw new UserError(`I found no papers about “${topic}”.`, 'See `topics` for ideas, or try other words.');
    }
    return renderDigest({
      heading: `Digest: ${resolved.label}`,
      ...(resolved.topic ? { description: resolved.topic.description } : {}),
      items,
      buttons: [{ label: 'Search this topic', action: { command: 'search', args: { query: resolved.query } } }],
    });
  },
});
