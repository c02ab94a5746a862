import { describe, expect, it } from 'vitest';
import type { Block, Reply } from '../../src/core/reply.js';
import { botWith, realLibrary, REQUEST } from './helpers.js';

const papers = (reply: Reply) => reply.blocks.filter((b): b is Extract<Block, { type: 'paper' }> => b.type === 'paper');

describe('search', () => {
  it('pages through results with next and previous buttons', async () => {
    const bot = botWith();
    const first = await bot.runText('search diffusion', REQUEST);
    expect(first.error).toBeUndefined();
    expect(first.ephemeral).toBe(true);
    expect(papers(first)).toHaveLength(5);
    const total = realLibrary().library.search('diffusion', { limit: 1 }).total;
    expect(first.blocks[1]).toEqual({ type: 'context', text: `Results 1–5 of ${total}` });
    expect(first.buttons.map((b) => b.label)).toEqual(['Next ▶']);
    expect(first.buttons[0]!.action).toEqual({ command: 'search', args: { query: 'diffusion', page: 2 } });

    const second = await bot.run('search', { query: 'diffusion', page: 2 }, REQUEST);
    expect(second.blocks[1]).toEqual({ type: 'context', text: `Results 6–10 of ${total}` });
    expect(second.buttons.map((b) => b.label)).toEqual(['◀ Previous', 'Next ▶']);
    const firstIds = papers(first).map((b) => b.paper.id);
    expect(papers(second).some((b) => firstIds.includes(b.paper.id))).toBe(false);
  });

  it('offers "did you mean" for misspelt queries', async () => {
    const reply = await botWith().runText('search transfomer', REQUEST);
    expect(reply.blocks[2]).toEqual({ type: 'context', text: expect.stringMatching(/^Did you mean “transformer”/) });
    expect(reply.buttons[0]!.action).toEqual({ command: 'search', args: { query: 'transformer' } });
  });

  it('says so when nothing matches', async () => {
    const reply = await botWith().runText('search xqzt', REQUEST);
    expect(reply.text).toBe('No papers match “xqzt”. Try fewer or more general words.');
    expect(reply.buttons).toEqual([]);
  });

  it('answers empty, too long and malformed queries with friendly errors', async () => {
    const bot = botWith();
    const empty = await bot.run('search', { query: '   ' }, REQUEST);
    expect(empty).toMatchObject({ error: true, text: '`query` is required. Usage: search diffusion models since:2024' });
    const long = await bot.run('search', { query: 'a'.repeat(301) }, REQUEST);
    expect(long.error).toBe(true);
    expect(long.text).toContain('`query` is too long (at most 300 characters)');
    const syntax = await bot.runText('search diffusion year:abc', REQUEST);
    expect(syntax.error).toBe(true);
    expect(syntax.text).toMatch(/year/);
    expect(syntax.text).not.toMatch(/at .*\.ts/); // no stack trace
  });
});

describe('random', () => {
  it('picks by the injected random source and offers another one', async () => {
    const { library } = realLibrary();
    const reply = await botWith(() => 0).runText('random', REQUEST);
    expect(papers(reply)[0]!.paper.id).toBe(library.papers[0]!.id);
    expect(reply.buttons[0]).toMatchObject({ label: 'Another one', action: { command: 'random', args: {} } });
  });

  it('stays within a topic', async () => {
    const { library } = realLibrary();
    const pool = new Set(library.search(library.findTopic('vae')!.query, { limit: 50 }).hits.map((h) => h.paper.id));
    for (const r of [0, 0.3, 0.7, 0.99]) {
      const reply = await botWith(() => r).runText('random vae', REQUEST);
      expect(pool.has(papers(reply)[0]!.paper.id)).toBe(true);
      expect(reply.buttons[0]!.action).toEqual({ command: 'random', args: { topic: 'vae' } });
    }
  });

  it('says so when a topic has no papers', async () => {
    const reply = await botWith().runText('random qqqzzzxxx', REQUEST);
    expect(reply).toMatchObject({ error: true });
    expect(reply.text).toContain('I found no papers about “qqqzzzxxx”');
  });
});

describe('digest', () => {
  it('returns the requested number of papers with a TL;DR each', async () => {
    const reply = await botWith().runText('digest contrastive 3', REQUEST);
    expect(reply.blocks[0]).toEqual({ type: 'header', text: 'Digest: Contrastive learning' });
    const items = papers(reply);
    expect(items).toHaveLength(3);
    for (const item of items) expect(item.paper.summary).toMatch(/^TL;DR: \S/);
    expect(new Set(items.map((i) => i.paper.id)).size).toBe(3);
  });

  it('accepts free words as a topic and validates the count', async () => {
    const bot = botWith();
    const free = await bot.runText('digest score distillation 2', REQUEST);
    expect(free.blocks[0]).toEqual({ type: 'header', text: 'Digest: score distillation' });
    expect(papers(free)).toHaveLength(2);
    const tooMany = await bot.runText('digest diffusion 11', REQUEST);
    expect(tooMany).toMatchObject({ error: true });
    expect(tooMany.text).toContain('`count` must be at most 10');
    const missing = await bot.runText('digest', REQUEST);
    expect(missing.text).toContain('`topic` is required');
  });
});

describe('paper and similar', () => {
  it('shows details by ID, forgiving case and stray punctuation', async () => {
    const { library } = realLibrary();
    const target = library.papers.find((p) => p.published && p.authors)!;
    const reply = await botWith().runText(`paper ${target.id.toUpperCase()}.`, REQUEST);
    expect(papers(reply)[0]!.paper).toMatchObject({ id: target.id, title: target.title, summary: target.abstract });
    const fields = reply.blocks.find((b) => b.type === 'fields');
    expect(fields).toMatchObject({ fields: expect.arrayContaining([{ label: 'Authors', value: String(target.authors) }]) });
    expect(reply.buttons[0]!.action).toEqual({ command: 'similar', args: { id: target.id } });
  });

  it('flags derived titles', async () => {
    const derived = realLibrary().library.papers.find((p) => p.titleDerived)!;
    const reply = await botWith().runText(`paper ${derived.id}`, REQUEST);
    expect(reply.blocks.at(-1)).toMatchObject({ type: 'context', text: expect.stringContaining('derived') });
  });

  it('lists similar papers without the paper itself', async () => {
    const { library } = realLibrary();
    const source = library.papers[10]!;
    const reply = await botWith().runText(`similar ${source.id} 4`, REQUEST);
    const ids = papers(reply).map((b) => b.paper.id);
    expect(ids).toHaveLength(4);
    expect(ids).not.toContain(source.id);
  });

  it('answers unknown IDs kindly', async () => {
    for (const text of ['paper nope', 'similar p0000000']) {
      const reply = await botWith().runText(text, REQUEST);
      expect(reply).toMatchObject({ error: true });
      expect(reply.text).toContain('No paper has the ID');
    }
  });
});

describe('topics and help', () => {
  it('lists curated topics with their paper counts', async () => {
    const { library } = realLibrary();
    const reply = await botWith().runText('topics', REQUEST);
    const fields = reply.blocks.find((b) => b.type === 'fields');
    const diffusion = library.findTopic('diffusion')!;
    expect(fields).toMatchObject({
      fields: expect.arrayContaining([{ label: `${diffusion.label} (${diffusion.count})`, value: `\`diffusion\`: ${diffusion.description}` }]),
    });
    expect(reply.text).toContain('Themes: ');
  });

  it('explains every command, and one command in detail', async () => {
    const bot = botWith();
    const all = await bot.runText('', REQUEST);
    for (const name of ['search', 'random', 'digest', 'paper', 'similar', 'topics', 'help']) {
      expect(all.text).toContain(`- ${name}`);
    }
    const one = await bot.runText('help digest', REQUEST);
    expect(one.text).toBe('digest: The best papers on a topic, with a one-line TL;DR each\nExample: digest contrastive learning 5');
    const unknown = await bot.runText('help dance', REQUEST);
    expect(unknown).toMatchObject({ error: true, text: expect.stringContaining('There is no command `dance`') });
  });

  it('answers an unknown command with the list of commands', async () => {
    const reply = await botWith().runText('dance wildly', REQUEST);
    expect(reply).toMatchObject({ error: true, text: expect.stringContaining("I don't know the command `dance`") });
  });
});
