import { describe, expect, it } from 'vitest';
import { normaliseHfItem, normaliseHfPaper } from '../../src/sources/hf.js';
import { hfItem, hfPaper } from '../fakes/hf/fixtures.js';

describe('normaliseHfItem', () => {
  it('maps every documented field', () => {
    const raw = hfItem({
      id: '2501.12948',
      title: 'DeepSeek-R1:\n  Incentivizing Reasoning',
      summary: '  We introduce\n our first-generation reasoning models. ',
      authors: ['DeepSeek-AI', 'Daya Guo', 'Dejian Yang'],
      publishedAt: '2025-01-22T23:59:01.000Z',
      upvotes: 342,
      numComments: 12,
      aiSummary: 'RL alone teaches reasoning.',
      aiKeywords: ['reinforcement learning', ' reasoning '],
      githubRepo: 'https://github.com/deepseek-ai/DeepSeek-R1',
      projectPage: 'https://deepseek.com/r1',
    });

    expect(normaliseHfItem(raw, 0)).toStrictEqual({
      paper: {
        source: 'hf',
        hfId: '2501.12948',
        arxivId: '2501.12948',
        title: 'DeepSeek-R1: Incentivizing Reasoning',
        abstract: 'We introduce our first-generation reasoning models.',
        authors: ['DeepSeek-AI', 'Daya Guo', 'Dejian Yang'],
        published: '2025-01-22',
        upvotes: 342,
        comments: 12,
        summary: 'RL alone teaches reasoning.',
        keywords: ['reinforcement learning', 'reasoning'],
        links: [
          { url: 'https://github.com/deepseek-ai/DeepSeek-R1', kind: 'code' },
          { url: 'https://deepseek.com/r1', kind: 'project' },
        ],
      },
    });
  });

  it('takes the publication day in UTC', () => {
    const raw = hfItem({ id: '2501.00001', publishedAt: '2025-01-22T23:30:00-05:00' });
    expect(normaliseHfItem(raw, 0).paper?.published).toBe('2025-01-23');
  });

  it('drops optional fields of the wrong type and keeps the paper', () => {
    const raw = {
      paper: {
        id: '2501.00002',
        title: 'Robust',
        summary: 'Abstract.',
        authors: [{ name: 3 }, 'Nobody', { name: 'Grace Hopper', _id: 'x' }, { name: '  ' }],
        publishedAt: 'yesterday',
        upvotes: 'many',
        ai_summary: ['not', 'a', 'string'],
        ai_keywords: 'vision',
        githubRepo: 42,
        projectPage: '',
        somethingNew: { nested: true },
      },
      numComments: -1,
    };

    expect(normaliseHfItem(raw, 4)).toStrictEqual({
      paper: {
        source: 'hf',
        hfId: '2501.00002',
        arxivId: '2501.00002',
        title: 'Robust',
        abstract: 'Abstract.',
        authors: ['Grace Hopper'],
        links: [],
      },
    });
  });

  it('reports an item without title or abstract by id, and one without an id by index', () => {
    expect(normaliseHfItem(hfItem({ id: '2501.00003', omit: ['title'] }), 2)).toStrictEqual({
      warning: { source: 'hf', item: '2501.00003', message: 'missing title' },
    });
    expect(normaliseHfItem(hfItem({ id: '2501.00004', omit: ['summary'] }), 3).warning?.message).toBe('missing abstract');
    expect(normaliseHfItem({ paper: { title: '  ', summary: 5 } }, 7)).toStrictEqual({
      warning: { source: 'hf', item: '#7', message: 'missing id, title and abstract' },
    });
  });

  it('falls back to the title and abstract the item repeats', () => {
    const raw = { paper: { id: '2501.00005' }, title: 'Item title', summary: 'Item abstract' };
    expect(normaliseHfItem(raw, 0).paper).toMatchObject({ title: 'Item title', abstract: 'Item abstract' });
  });

  it.each([null, 'text', 42, [], { paper: 'x' }, {}])('reports %j as not an item', (raw) => {
    expect(normaliseHfItem(raw, 9)).toStrictEqual({
      warning: { source: 'hf', item: '#9', message: 'not a daily papers item (no paper object)' },
    });
  });

  it('keeps HF ids that are not arXiv ids as hfId only', () => {
    const { paper } = normaliseHfItem(hfItem({ id: 'not-arxiv-123' }), 0);
    expect(paper?.hfId).toBe('not-arxiv-123');
    expect(paper).not.toHaveProperty('arxivId');
  });
});

describe('normaliseHfPaper', () => {
  it('normalises a paper object on its own (no comment count)', () => {
    const { paper } = normaliseHfPaper(hfPaper({ id: '2103.03230', title: 'Barlow Twins', upvotes: 5 }));
    expect(paper).toMatchObject({ source: 'hf', arxivId: '2103.03230', title: 'Barlow Twins', upvotes: 5 });
    expect(paper).not.toHaveProperty('comments');
  });
});
