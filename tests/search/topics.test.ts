import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stems } from '../../src/search/text.js';
import { discoverThemes } from '../../src/search/themes.js';
import { loadTopicsConfig } from '../../src/search/topics.js';
import { realLibrary } from './helpers.js';

const { library } = realLibrary();

describe('topics', () => {
  const topics = library.topics();
  const curated = topics.filter((t) => t.kind === 'curated');
  const discovered = topics.filter((t) => t.kind === 'discovered');

  it('loads 12-16 curated topics, each matching at least 5 papers', () => {
    expect(curated.length).toBeGreaterThanOrEqual(12);
    expect(curated.length).toBeLessThanOrEqual(16);
    for (const t of curated) expect(t.count, t.name).toBeGreaterThanOrEqual(5);
  });

  it('counts a topic as the number of papers its query finds', () => {
    const diffusion = library.findTopic('diffusion');
    expect(diffusion?.count).toBe(library.search(diffusion!.query, { limit: 1 }).total);
  });

  it('discovers frequent key phrases that the curated topics do not cover', () => {
    expect(discovered.length).toBeGreaterThanOrEqual(6);
    for (const t of discovered) {
      expect(t.count, t.name).toBeGreaterThanOrEqual(5);
      expect(t.query.split(' ').length, t.name).toBeGreaterThanOrEqual(2);
    }
    const names = topics.map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
    // Deduplicated against curated topics and generic collocations.
    expect(discovered.map((t) => t.label.toLowerCase())).not.toContain('diffusion models');
    expect(discovered.map((t) => t.label.toLowerCase())).not.toContain('neural networks');
  });

  it("leaves out the themes each curated topic covers, judged by that topic's own papers", () => {
    // Found again here through search, one topic at a time: the matcher reuses its arrays between matches.
    const covered = curated.map((t) => {
      const total = library.search(t.query, { limit: 1 }).total;
      const hits = library.search(t.query, { limit: total }).hits;
      return { stems: stems(t.query.replace(/\w+:\S+/g, '')), docs: new Set(hits.map((h) => library.papers.indexOf(h.paper))) };
    });
    const expected = discoverThemes(library.papers, { curated: covered, max: 12 }).map((theme) => theme.phrase);
    expect(expected.length).toBeGreaterThanOrEqual(6);
    expect(discovered.map((t) => t.query)).toEqual(expected.map((phrase) => `"${phrase}"`).filter((q) => library.search(q, { limit: 1 }).total > 0));
  });

  it('finds a topic by slug or label, ignoring case', () => {
    expect(library.findTopic('DIFFUSION')?.name).toBe('diffusion');
    expect(library.findTopic('Diffusion models')?.name).toBe('diffusion');
    expect(library.findTopic('time series')?.name).toBe('time-series');
    expect(library.findTopic(discovered[0]!.label.toUpperCase())?.name).toBe(discovered[0]!.name);
    expect(library.findTopic('no such topic')).toBeUndefined();
  });
});

describe('loadTopicsConfig', () => {
  const dir = mkdtempSync(join(tmpdir(), 'topics-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let files = 0;
  const write = (content: unknown) => {
    const file = join(dir, `topics-${++files}.json`);
    writeFileSync(file, JSON.stringify(content));
    return file;
  };

  it('lists every invalid field', () => {
    const file = write({ topics: [{ name: 'Bad Name', label: '', query: 'x', description: 'y' }] });
    expect(() => loadTopicsConfig(file)).toThrow(/topics\.0\.name[\s\S]*topics\.0\.label/);
  });

  it('rejects a duplicate topic name', () => {
    const t = { name: 'gan', label: 'GANs', query: 'gan', description: 'd' };
    expect(() => loadTopicsConfig(write({ topics: [t, t] }))).toThrow(/defined twice/);
  });
});
