/** `latest`, `author` and `author:` on the real seed corpus plus papers that arrived from sources. */
import { describe, expect, it } from 'vitest';
import { createRegistry } from '../../commands/index.js';
import { Bot } from '../../src/core/bot.js';
import type { Paper } from '../../src/corpus/paper.js';
import { combinePapers } from '../../src/load-papers.js';
import { createLibrary } from '../../src/search/library.js';
import { REQUEST, realLibrary } from './helpers.js';

const NOW = new Date('2026-11-30T12:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();

function arrived(id: string, fields: Partial<Paper>): Paper {
  return { id, title: `Paper ${id}`, titleDerived: false, abstract: `About ${id}.`, links: [], sources: ['hf'], ...fields };
}

const fresh: Paper[] = [
  arrived('pnew0001', {
    title: 'Diffusion Policies for Dexterous Hands',
    abstract: 'We train diffusion policies for dexterous robot hands and reach new grasp success rates.',
    authorNames: ['Yann LeCun', 'Léon Bottou'],
    upvotes: 30,
    published: '2026-11-29',
    firstSeen: daysAgo(0.5),
  }),
  arrived('pnew0002', {
    title: 'Consistency Diffusion at Scale',
    abstract: 'Consistency training for diffusion models scales to billions of images.',
    authorNames: ['Alex Nichol', 'Yann LeCun'],
    upvotes: 80,
    published: '2026-11-25',
    firstSeen: daysAgo(3),
  }),
  arrived('pnew0003', {
    title: 'Old Arrival on Graph Transformers',
    abstract: 'Graph transformers revisited with spectral positional encodings.',
    authorNames: ['Petar Veličković'],
    upvotes: 500,
    published: '2026-10-01',
    firstSeen: daysAgo(20),
  }),
];

const library = createLibrary(combinePapers(realLibrary().library.papers, fresh));
const bot = new Bot({ registry: createRegistry(), library: () => library, now: () => NOW });
const titles = (reply: { blocks: { type: string; paper?: { title: string } }[] }) => reply.blocks.flatMap((b) => (b.type === 'paper' ? [b.paper!.title] : []));

describe('latest', () => {
  it('lists what arrived this week, most upvoted first, and never a seed paper', async () => {
    const reply = await bot.runText('latest', REQUEST);
    expect(titles(reply)).toEqual(['Consistency Diffusion at Scale', 'Diffusion Policies for Dexterous Hands']);
    expect(reply.blocks[0]).toEqual({ type: 'header', text: 'New this week' });
    expect(reply.ephemeral).toBe(true);
  });

  it('narrows to today and to a topic', async () => {
    expect(titles(await bot.runText('latest today', REQUEST))).toEqual(['Diffusion Policies for Dexterous Hands']);
    expect(titles(await bot.runText('latest graph transformers', REQUEST))).toEqual([]);
    const robots = await bot.runText('latest dexterous', REQUEST);
    expect(titles(robots)).toEqual(['Diffusion Policies for Dexterous Hands']);
    expect(robots.blocks[0]).toEqual({ type: 'header', text: 'New this week on dexterous' });
  });

  it('says so, with a way on, when nothing arrived', async () => {
    const seedOnly = new Bot({ registry: createRegistry(), library: () => realLibrary().library, now: () => NOW });
    const reply = await seedOnly.runText('latest diffusion', REQUEST);
    expect(reply.text).toMatch(/^No new papers on .+ arrived this week\. New papers arrive from Hugging Face Daily Papers and arXiv/);
  });
});

describe('author search', () => {
  it('author:"Yann LeCun" finds both of his papers, newest first, ignoring case and accents', async () => {
    expect(titles(await bot.runText('search author:"Yann LeCun"', REQUEST))).toEqual(['Diffusion Policies for Dexterous Hands', 'Consistency Diffusion at Scale']);
    expect(titles(await bot.runText('search author:lecun', REQUEST))).toHaveLength(2);
    expect(titles(await bot.runText('search author:"leon bottou"', REQUEST))).toEqual(['Diffusion Policies for Dexterous Hands']);
    expect(titles(await bot.runText('search author:velickovic graph', REQUEST))).toEqual(['Old Arrival on Graph Transformers']);
  });

  it('several author: filters mean co-authors; words still rank within them', async () => {
    expect(titles(await bot.runText('search author:lecun author:nichol', REQUEST))).toEqual(['Consistency Diffusion at Scale']);
    expect(titles(await bot.runText('search consistency author:lecun', REQUEST))).toEqual(['Consistency Diffusion at Scale']);
    // "cun" is not a name on its own: names match on word boundaries.
    expect((await bot.runText('search author:cun', REQUEST)).text).toMatch(/^No papers match/);
  });

  it('the author shortcut is the same search', async () => {
    const reply = await bot.runText('author Yann LeCun', REQUEST);
    expect(titles(reply)).toEqual(['Diffusion Policies for Dexterous Hands', 'Consistency Diffusion at Scale']);
    expect(reply.blocks[0]).toEqual({ type: 'header', text: 'Papers matching “author:"Yann LeCun"”' });
    expect((await bot.runText('author', REQUEST)).error).toBe(true);
    expect((await bot.runText('search author:""', REQUEST)).text).toMatch(/^Which author\?/);
  });
});
