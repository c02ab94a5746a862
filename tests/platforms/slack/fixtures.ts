/** A small in-memory `PaperLibrary` over fixture papers, and a `Bot` built on it. */
import { createRegistry } from '../../../commands/index.js';
import type { AnyCommand } from '../../../src/core/command.js';
import { Bot } from '../../../src/core/bot.js';
import type { PaperLibrary, SearchHit, Topic } from '../../../src/core/library.js';
import type { Paper } from '../../../src/corpus/paper.js';

const paper = (id: string, title: string, abstract: string, extra: Partial<Paper> = {}): Paper => ({
  id,
  title,
  titleDerived: false,
  abstract,
  links: [],
  sources: ['fixture.txt'],
  ...extra,
});

export const papers: Paper[] = [
  paper('p1diff01', 'Denoising Diffusion Models at Scale', 'We scale diffusion models to billions of parameters. Results improve.', {
    published: '2024-11-25',
    authors: 7,
    upvotes: 42,
    links: [{ url: 'https://github.com/example/diffusion?a=1&b=2', kind: 'code' }],
  }),
  paper('p2diff02', 'Latent Diffusion for Video', 'A latent diffusion model generates video. It is fast.'),
  paper('p3diff03', 'Consistency Models Distil Diffusion', 'We distil diffusion models into one-step samplers.'),
  paper('p4diff04', 'Diffusion Policies for Robots', 'Robots learn with diffusion policies.'),
  paper('p5diff05', 'Guidance in Diffusion Models', 'Classifier-free guidance for diffusion models is analysed.'),
  paper('p6diff06', 'Diffusion Transformers <!channel> & friends', 'Transformers replace U-Nets in diffusion models. <@U123> says hi <!here>.'),
  paper('p7cont07', 'Contrastive Learning of Visual Representations', 'Contrastive learning with augmentations. Simple and strong.'),
];

const topicList: Topic[] = [
  { name: 'diffusion', label: 'Diffusion models', query: 'diffusion', description: 'Denoising generative models.', kind: 'curated', count: 6 },
  { name: 'contrastive', label: 'Contrastive learning', query: 'contrastive', description: 'Learning by comparing pairs.', kind: 'curated', count: 1 },
];

function matches(p: Paper, query: string): number {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const text = `${p.title} ${p.abstract}`.toLowerCase();
  return words.filter((w) => text.includes(w)).length;
}

export function fakeLibrary(list: Paper[] = papers): PaperLibrary {
  const hitsFor = (query: string): SearchHit[] =>
    list
      .map((p) => ({ paper: p, score: matches(p, query) }))
      .filter((h) => h.score > 0)
      .sort((a, b) => b.score - a.score || a.paper.id.localeCompare(b.paper.id));
  const tldr = (p: Paper) => p.abstract.split(/(?<=\.)\s/)[0] ?? p.abstract;
  return {
    papers: list,
    get: (id) => list.find((p) => p.id === id),
    byArxivId: (arxivId) => list.find((p) => p.arxivId === arxivId),
    latest: () => ({ hits: [], total: 0, suggestions: [] }),
    search(query, { limit, offset = 0 }) {
      const hits = hitsFor(query);
      return { hits: hits.slice(offset, offset + limit), total: hits.length, suggestions: hits.length ? [] : ['diffusion'] };
    },
    prepareSearch: async () => undefined,
    similar: (id, limit) => list.filter((p) => p.id !== id).slice(0, limit).map((p) => ({ paper: p, score: 1 })),
    topics: () => topicList,
    findTopic: (name) => topicList.find((t) => t.name === name.toLowerCase() || t.label.toLowerCase() === name.toLowerCase()),
    digest: (query, count) => hitsFor(query).slice(0, count).map((h) => ({ paper: h.paper, tldr: tldr(h.paper), score: h.score })),
    tldr,
    completeTitles: (prefix, limit) => list.filter((p) => p.title.toLowerCase().startsWith(prefix.toLowerCase())).slice(0, limit),
  };
}

export function fixtureBot(commands?: readonly AnyCommand[]): Bot {
  const library = fakeLibrary();
  return new Bot({ registry: createRegistry(commands), library: () => library, random: () => 0 });
}
