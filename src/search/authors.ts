/**
 * Author filters (`author:"Yann LeCun"`, `author:lecun`). Each distinct name is normalised once;
 * a filter tests every distinct name once and then marks their papers, so a prolific author's
 * hundred papers cost one test, not a hundred.
 *
 * Names match the way people write them: accents and case ignored (`Schmidhuber`, `schmidhüber`),
 * initials for given names (`Y. LeCun`, `Y LeCun`), family name first (`LeCun, Yann` or
 * `LeCun Yann`), and family names of several words (`Laurens van der Maaten`).
 */
import type { Paper } from '../corpus/paper.js';
import { authorKey } from './query.js';

export class AuthorIndex {
  private readonly names: string[][] = [];
  /** Papers of each distinct name, by the name's position in `names`. */
  private readonly papers: number[][] = [];

  constructor(
    papers: readonly Paper[],
    private readonly docCount = papers.length,
  ) {
    const ids = new Map<string, number>();
    papers.forEach((paper, doc) => {
      for (const name of paper.authorNames ?? []) {
        const key = authorKey(name);
        let id = ids.get(key);
        if (id === undefined) {
          ids.set(key, (id = this.names.length));
          this.names.push(key.split(' ').filter(Boolean));
          this.papers.push([]);
        }
        this.papers[id]!.push(doc);
      }
    });
  }

  /** Per paper, 1 when it has an author matching every query name (see `nameMatches`). */
  matching(queries: readonly string[]): Uint8Array {
    const hits = new Uint8Array(this.docCount);
    queries.forEach((query, i) => {
      const wanted = query.split(' ').filter(Boolean);
      for (let id = 0; id < this.names.length; id++) {
        if (!nameMatches(wanted, this.names[id]!)) continue;
        // Every earlier query must already have matched the paper: all names must be its authors.
        for (const doc of this.papers[id]!) if (hits[doc] === i) hits[doc] = i + 1;
      }
    });
    for (let doc = 0; doc < hits.length; doc++) hits[doc] = hits[doc] === queries.length ? 1 : 0;
    return hits;
  }
}

const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/** A given-name word: equal, or an initial of the other (`y` ~ `yann`). */
const givenMatches = (a: string, b: string): boolean => a === b || (a.length === 1 && b.startsWith(a)) || (b.length === 1 && a.startsWith(b));

/**
 * Whether a query name (normalised words) names this author. One word matches any word of the
 * name (`lecun`). Several: the family name (the query's last word, or its first when written
 * family-first) is the author's last word, and each other query word matches a different other
 * word of the name, fully or as an initial.
 */
export function nameMatches(query: readonly string[], full: readonly string[]): boolean {
  // Geoffrey E. Hinton Jr is Geoffrey Hinton.
  const name = full.length > 1 && SUFFIXES.has(full[full.length - 1]!) ? full.slice(0, -1) : full;
  if (query.length === 0 || name.length === 0) return false;
  if (query.length === 1) return name.includes(query[0]!);
  const family = name[name.length - 1]!;
  const rest = name.slice(0, -1);
  const fits = (given: readonly string[]): boolean => {
    const free = [...rest];
    for (const word of given) {
      const at = free.findIndex((other) => givenMatches(word, other));
      if (at < 0) return false;
      free.splice(at, 1);
    }
    return true;
  };
  if (query[query.length - 1] === family && fits(query.slice(0, -1))) return true;
  return query[0] === family && fits(query.slice(1));
}
