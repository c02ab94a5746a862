/**
 * Author filters (`author:"Yann LeCun"`, `author:lecun`). Each distinct name is normalised once;
 * a filter tests every distinct name once and then marks their papers, so a prolific author's
 * hundred papers cost one string test, not a hundred.
 */
import type { Paper } from '../corpus/paper.js';
import { authorKey } from './query.js';

export class AuthorIndex {
  private readonly names: string[] = [];
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
          this.names.push(key);
          this.papers.push([]);
        }
        this.papers[id]!.push(doc);
      }
    });
  }

  /**
   * Per paper, 1 when it has an author matching every query name. A query name matches an author
   * whose normalised name contains it on word boundaries: `lecun` and `yann lecun` both find Yann LeCun.
   */
  matching(queries: readonly string[]): Uint8Array {
    const hits = new Uint8Array(this.docCount);
    queries.forEach((query, i) => {
      const padded = ` ${query} `;
      for (let id = 0; id < this.names.length; id++) {
        if (!` ${this.names[id]} `.includes(padded)) continue;
        // Every earlier query must already have matched the paper: all names must be its authors.
        for (const doc of this.papers[id]!) if (hits[doc] === i) hits[doc] = i + 1;
      }
    });
    for (let doc = 0; doc < hits.length; doc++) hits[doc] = hits[doc] === queries.length ? 1 : 0;
    return hits;
  }
}
