import { defineCommand } from '../src/core/command.js';
import { reply, type Block } from '../src/core/reply.js';
import { SUBSCRIBE_BUTTON } from './help.js';

/** Discovered themes shown after the curated topics. */
const DISCOVERED_SHOWN = 12;

export const topics = defineCommand({
  name: 'topics',
  description: 'Topics you can use with digest, random and subscribe',
  usage: 'topics',
  args: [],
  execute(_args, { library, request }) {
    const all = library.topics();
    const curated = all.filter((topic) => topic.kind === 'curated');
    const discovered = all.filter((topic) => topic.kind === 'discovered').slice(0, DISCOVERED_SHOWN);
    const blocks: Block[] = [{ type: 'header', text: 'Topics' }];
    if (curated.length) {
      blocks.push({
        type: 'fields',
        fields: curated.map((topic) => ({ label: `${topic.label} (${topic.count})`, value: `\`${topic.name}\`: ${topic.description}` })),
      });
    }
    if (discovered.length) {
      blocks.push({ type: 'text', text: `Themes found in the papers: ${discovered.map((t) => `${t.label} (${t.count})`).join(', ')}` });
    }
    blocks.push({ type: 'context', text: 'Use a topic name with digest or random, e.g. `digest diffusion`.' });
    const text = [
      'Topics:',
      ...curated.map((topic) => `- ${topic.name}: ${topic.label} (${topic.count} papers)`),
      `Themes: ${discovered.map((t) => `${t.label} (${t.count})`).join(', ')}`,
    ].join('\n');
    return reply(text, blocks, [{ label: 'Random paper', action: { command: 'random', args: {} } }, ...(request.forms ? [SUBSCRIBE_BUTTON] : [])], true);
  },
});
