/**
 * Follows the papers any replica (or `paperbot ingest`) saves: polls the store's change numbers
 * every few seconds and hands what is new to the search index, so every replica serves a paper
 * within seconds of one of them storing it.
 */
import { silentLogger, type Logger } from '../core/logger.js';
import { describeError } from '../core/safe-error.js';
import type { Paper } from '../corpus/paper.js';
import type { PaperRepo } from '../store/types.js';
import { defaultEvery, type Every } from './lease-keeper.js';

export interface PaperFeedOptions {
  papers: Pick<PaperRepo, 'changedSince'>;
  /** The change the served library already includes (read before loading it). */
  from: number;
  everyMs: number;
  onPapers(papers: Paper[]): void;
  logger?: Logger;
  every?: Every;
}

export interface PaperFeed {
  /** One poll now; the change reached. */
  poll(): Promise<number>;
  stop(): void;
}

export function followPapers(options: PaperFeedOptions): PaperFeed {
  const log = options.logger ?? silentLogger;
  let change = options.from;
  let failing = false;
  let polling: Promise<number> | undefined;

  async function pollOnce(): Promise<number> {
    try {
      const next = await options.papers.changedSince(change);
      failing = false;
      change = next.change;
      if (next.papers.length) options.onPapers(next.papers);
    } catch (error) {
      if (!failing) log.warn({ err: describeError(error) }, 'could not read new papers from the database; retrying');
      failing = true;
    }
    return change;
  }

  const poll = () => {
    polling ??= pollOnce().finally(() => (polling = undefined));
    return polling;
  };
  const timer = (options.every ?? defaultEvery)(options.everyMs, () => void poll());
  return { poll, stop: () => timer.stop() };
}

/** Papers that differ from what `known` holds: a replica's own saves come back through the feed too. */
export function changedPapers(papers: readonly Paper[], known: (id: string) => Paper | undefined): Paper[] {
  return papers.filter((paper) => {
    const current = known(paper.id);
    return !current || JSON.stringify(current) !== JSON.stringify(paper);
  });
}
