/**
 * Stores what a source fetched: each paper matched to what is known (same arXiv id in the store,
 * else the same title in the store, else a seed paper with that title), merged, and the whole
 * batch saved in one transaction. Running the same batch again changes nothing.
 */
import { paperId } from '../corpus/ids.js';
import type { Paper } from '../corpus/paper.js';
import { titleKey } from '../corpus/title-key.js';
import type { PaperRepo } from '../store/types.js';
import { mergeSourcePaper } from './merge.js';
import type { SourceBatch, SourcePaper } from './types.js';

export interface IngestCounts {
  fetched: number;
  /** Papers paperbot had never seen. */
  added: number;
  /** Known papers that gained or refreshed something. */
  merged: number;
  unchanged: number;
  /** Items the source sent that could not be used (warnings). */
  skipped: number;
}

export interface IngestResult extends IngestCounts {
  /** Papers written in this batch, new or merged. */
  stored: Paper[];
}

export const noCounts = (): IngestCounts => ({ fetched: 0, added: 0, merged: 0, unchanged: 0, skipped: 0 });

export function addCounts(a: IngestCounts, b: IngestCounts): IngestCounts {
  return { fetched: a.fetched + b.fetched, added: a.added + b.added, merged: a.merged + b.merged, unchanged: a.unchanged + b.unchanged, skipped: a.skipped + b.skipped };
}

/** Seed papers by title key, so a seed without an arXiv id is enriched rather than duplicated. */
export function seedsByTitle(seeds: readonly Paper[]): ReadonlyMap<string, Paper> {
  return new Map(seeds.map((paper) => [titleKey(paper.title), paper] as const));
}

export interface IngestOptions {
  /**
   * Whether these papers "arrived" (a source listed them): only then do they get `firstSeen` and
   * count as new. A paper looked up on demand has not arrived; it would otherwise lead every
   * new-papers digest and tell other channels what someone looked at.
   */
  arrival?: boolean;
}

/** Same paper by title only when the arXiv ids do not disagree: two papers may share a title. */
const sameByTitle = (known: Paper, incoming: SourcePaper) => !known.arxivId || !incoming.arxivId || known.arxivId === incoming.arxivId;

export async function ingestBatch(batch: SourceBatch, repo: PaperRepo, seeds: ReadonlyMap<string, Paper>, now: Date, options: IngestOptions = {}): Promise<IngestResult> {
  const counts = { ...noCounts(), fetched: batch.papers.length + batch.warnings.length, skipped: batch.warnings.length };
  // Within one batch the same paper may come twice (two pages, two days): merge into the first.
  const pending = new Map<string, Paper>();
  for (const incoming of batch.papers) {
    const key = titleKey(incoming.title);
    const inBatch = [...pending.values()].find(
      (p) => (incoming.arxivId && p.arxivId === incoming.arxivId) || (titleKey(p.title) === key && sameByTitle(p, incoming)),
    );
    const seed = seeds.get(key);
    // Cheapest and surest first: the title lookup runs only for a paper not found by its arXiv id.
    const known =
      inBatch ??
      (incoming.arxivId ? await repo.byArxivId(incoming.arxivId) : undefined) ??
      (await repo.byTitleKey(key)).find((p) => sameByTitle(p, incoming)) ??
      (seed && sameByTitle(seed, incoming) ? seed : undefined);
    const merged = mergeSourcePaper(incoming, known, now, { arrival: options.arrival ?? true });
    const { change } = merged;
    let { paper } = merged;
    // A new paper whose abstract-derived id is taken (withdrawn notices share an abstract) gets one from its arXiv id.
    if (change === 'new' && (pending.has(paper.id) || (await repo.get(paper.id)) || seeds.has(paper.id))) {
      paper = { ...paper, id: paperId(`arxiv:${incoming.arxivId ?? incoming.title}`) };
    }
    if (inBatch) {
      pending.set(paper.id, paper);
      continue;
    }
    counts[change === 'new' ? 'added' : change === 'merged' ? 'merged' : 'unchanged']++;
    if (change !== 'unchanged') pending.set(paper.id, paper);
  }
  const stored = [...pending.values()];
  if (stored.length) await repo.save(stored, now);
  return { ...counts, stored };
}
