/**
 * Hyphenated, spaced and joined spellings of a word find the same papers, as words and as
 * quoted phrases; and query words that sit together in a paper earn it a bonus.
 */
import { describe, expect, it } from 'vitest';
import { createLibrary } from '../../src/search/library.js';
import { paper, realLibrary } from './helpers.js';

const ids = (library: ReturnType<typeof createLibrary>, query: string) =>
  library
    .search(query, { limit: 500 })
    .hits.map((h) => h.paper.id)
    .sort();

describe('spellings on fixtures', () => {
  const hyphen = paper({ title: 'Self-supervised features', abstract: 'A study.' });
  const space = paper({ title: 'Self supervised features', abstract: 'A study.' });
  const joined = paper({ title: 'Selfsupervised features', abstract: 'A study.' });
  const apart = paper({ title: 'Supervised features', abstract: 'A self-portrait of a model.' });
  const library = createLibrary([hyphen, space, joined, apart]);

  it('finds all three spellings for each of them, unquoted', () => {
    for (const query of ['self-supervised', 'self supervised', 'selfsupervised', 'SELF-Supervised']) {
      expect(ids(library, query), query).toEqual(expect.arrayContaining([hyphen.id, space.id, joined.id]));
    }
  });

  it('scores the three spellings of the query alike', () => {
    const scores = (query: string) => library.search(query, { limit: 10 }).hits.map((h) => [h.paper.id, h.score.toFixed(9)]);
    expect(scores('self supervised')).toEqual(scores('self-supervised'));
    expect(scores('selfsupervised')).toEqual(scores('self-supervised'));
  });

  it('finds all three spellings for each of them quoted, and not the words apart', () => {
    for (const query of ['"self-supervised"', '"self supervised"', '"selfsupervised"']) {
      expect(ids(library, query), query).toEqual([hyphen.id, space.id, joined.id].sort());
    }
  });

  it('ranks papers with the words side by side (or joined) above those with them apart', () => {
    const hits = library.search('self supervised', { limit: 10 }).hits.map((h) => h.paper.id);
    expect(hits.indexOf(apart.id)).toBe(hits.length - 1);
  });

  it('does not split a joined word the corpus never hyphenates', () => {
    const lib = createLibrary([paper({ title: 'Transformer models' }), paper({ title: 'Trans fats and former smokers' })]);
    expect(lib.search('transformer', { limit: 5 }).hits.map((h) => h.paper.title)).toEqual(['Transformer models']);
  });

  it('keeps stop words inside a compound: "text-to-3D" and "text to 3d"', () => {
    const a = paper({ title: 'Text-to-3D generation' });
    const b = paper({ title: 'From text to 3d shapes' });
    const c = paper({ title: 'Textto3d made easy' });
    const lib = createLibrary([a, b, c, paper({ title: '3d text rendering' })]);
    for (const query of ['"text-to-3D"', '"text to 3d"', '"textto3d"']) expect(ids(lib, query), query).toEqual([a.id, b.id, c.id].sort());
  });
});

describe('spellings on the real corpus', () => {
  const { papers, library } = realLibrary();
  const text = (p: { title: string; abstract: string }) => `${p.title} ${p.abstract}`;

  it('"self supervised", "self-supervised" and "selfsupervised" find the same papers, quoted or not', () => {
    const quoted = ids(library, '"self-supervised"');
    // Every paper writing the words together in any spelling, and only those.
    const expected = papers.filter((p) => /\bself[\s-]*supervised\b/i.test(text(p))).map((p) => p.id).sort();
    expect(quoted).toEqual(expected);
    expect(quoted.length).toBeGreaterThanOrEqual(40);
    expect(ids(library, '"self supervised"')).toEqual(quoted);
    expect(ids(library, '"selfsupervised"')).toEqual(quoted);
    const unquoted = ids(library, 'self-supervised');
    expect(ids(library, 'self supervised')).toEqual(unquoted);
    expect(ids(library, 'selfsupervised')).toEqual(unquoted);
    expect(unquoted).toEqual(expect.arrayContaining(quoted));
  });

  it('"text to 3d generation" finds the text-to-3D papers', () => {
    const textTo3d = papers.filter((p) => /\btext[\s-]*to[\s-]*3d\b/i.test(text(p)));
    expect(textTo3d.length).toBeGreaterThanOrEqual(2);
    const found = library.search('text to 3d generation', { limit: 10 }).hits.map((h) => h.paper.id);
    for (const p of textTo3d) expect(found, p.title).toContain(p.id);
    expect(ids(library, '"text to 3d"')).toEqual(ids(library, '"text-to-3D"'));
  });
});
