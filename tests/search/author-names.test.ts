/** Author names match the way people write them. */
import { describe, expect, it } from 'vitest';
import { AuthorIndex, nameMatches } from '../../src/search/authors.js';
import { authorKey } from '../../src/search/query.js';
import type { Paper } from '../../src/corpus/paper.js';

const words = (name: string) => authorKey(name).split(' ');
const matches = (query: string, name: string) => nameMatches(words(query), words(name));

describe('nameMatches', () => {
  it.each([
    ['Yann LeCun', 'Yann LeCun'],
    ['yann lecun', 'Yann LeCun'],
    ['Y. LeCun', 'Yann LeCun'],
    ['Y LeCun', 'Yann LeCun'],
    ['LeCun, Yann', 'Yann LeCun'],
    ['LeCun Yann', 'Yann LeCun'],
    ['lecun', 'Yann LeCun'],
    ['Jurgen Schmidhuber', 'Jürgen Schmidhuber'],
    ['Jürgen Schmidhuber', 'Jurgen Schmidhuber'],
    ['Zoe Celik', 'Zoë Çelik'],
    ['Laurens van der Maaten', 'Laurens van der Maaten'],
    ['L. van der Maaten', 'Laurens van der Maaten'],
    ['Yann LeCun', 'Yann A. LeCun'],
    ['Kaiming He', 'Kaiming He'],
    ['Geoffrey Hinton', 'Geoffrey E. Hinton Jr'],
  ])('%s finds %s', (query, name) => expect(matches(query, name)).toBe(true));

  it.each([
    ['Yann LeCun', 'Yann Dauphin'],
    ['Y. LeCun', 'Xavier LeCun'],
    ['He', 'Hexin Wang'],
    ['Kaiming He', 'He Kaiming Zhang'],
    ['Yann LeCun', 'LeCun'],
  ])('%s does not find %s', (query, name) => expect(matches(query, name)).toBe(false));
});

describe('AuthorIndex', () => {
  const paper = (id: string, authorNames: string[]): Paper => ({ id, title: id, titleDerived: false, abstract: '', links: [], sources: [], authorNames });
  const index = new AuthorIndex([paper('a', ['Yann LeCun', 'Léon Bottou']), paper('b', ['Y. LeCun']), paper('c', ['Leon Bottou'])]);

  it('finds a paper by every way of writing a name, and needs every named author', () => {
    expect([...index.matching([authorKey('LeCun, Yann')])]).toEqual([1, 1, 0]);
    expect([...index.matching([authorKey('Leon Bottou')])]).toEqual([1, 0, 1]);
    expect([...index.matching([authorKey('Y. LeCun'), authorKey('bottou')])]).toEqual([1, 0, 0]);
  });
});
