/**
 * One paper from a source, merged into what paperbot already knows of it: the best of each field,
 * never a lost one. A paper known before (a seed export without an arXiv id) keeps its paperbot
 * id; upvotes, summary and keywords are refreshed by the newer record.
 */
import { paperId } from '../corpus/ids.js';
import { mergeKey } from '../corpus/normalise.js';
import type { Paper, PaperLink } from '../corpus/paper.js';
import type { SourcePaper } from './types.js';

export type Change = 'new' | 'merged' | 'unchanged';

function unionLinks(a: readonly PaperLink[], b: readonly PaperLink[]): PaperLink[] {
  const seen = new Set<string>();
  return [...a, ...b].filter((link) => !seen.has(link.url) && (seen.add(link.url), true));
}

const union = (a: readonly string[] = [], b: readonly string[] = []) => [...new Set([...a, ...b])];

/** The merged record, and whether anything a reader would see changed. */
export function mergeSourcePaper(incoming: SourcePaper, base: Paper | undefined, now: Date, options: { arrival?: boolean } = {}): { paper: Paper; change: Change } {
  const arrival = options.arrival ?? true;
  const names = (incoming.authors?.length ?? 0) >= (base?.authorNames?.length ?? 0) ? incoming.authors : base?.authorNames;
  const authorCount = Math.max(base?.authors ?? 0, names?.length ?? 0);
  const seenUpvotes = [incoming.upvotes, base?.upvotes].filter((n): n is number => n !== undefined);
  const upvotes = seenUpvotes.length ? Math.max(...seenUpvotes) : undefined;
  const keepTitle = base !== undefined && !base.titleDerived;
  const abstract = base && base.abstract.length >= incoming.abstract.length ? base.abstract : incoming.abstract;
  const paper: Paper = {
    // Same abstract, same id as the seed corpus would give it; an existing id never changes.
    id: base?.id ?? paperId(mergeKey(incoming.abstract)),
    title: keepTitle ? base.title : incoming.title,
    titleDerived: false,
    abstract,
    ...(authorCount > 0 ? { authors: authorCount } : {}),
    ...(names?.length ? { authorNames: [...names] } : {}),
    ...((base?.arxivId ?? incoming.arxivId) ? { arxivId: base?.arxivId ?? incoming.arxivId } : {}),
    ...((base?.published ?? incoming.published) ? { published: base?.published ?? incoming.published } : {}),
    // Upvotes only grow; the highest seen wins, so re-reading an older day never lowers them.
    ...(upvotes !== undefined ? { upvotes } : {}),
    ...((incoming.summary ?? base?.summary) ? { summary: incoming.summary ?? base?.summary } : {}),
    ...((incoming.keywords ?? base?.keywords)?.length ? { keywords: incoming.keywords ?? base?.keywords } : {}),
    ...((incoming.categories ?? base?.categories)?.length ? { categories: incoming.categories ?? base?.categories } : {}),
    links: unionLinks(base?.links ?? [], incoming.links),
    sources: union(base?.sources, [incoming.source]),
    // Looked up on demand, a paper has not arrived: it gets its first-seen time when a source lists it.
    ...((base?.firstSeen ?? (arrival ? now.toISOString() : undefined)) ? { firstSeen: base?.firstSeen ?? now.toISOString() } : {}),
  };
  if (!base) return { paper, change: 'new' };
  if (!base.firstSeen && paper.firstSeen) return { paper, change: 'merged' };
  return { paper, change: JSON.stringify(paper) === JSON.stringify(base) ? 'unchanged' : 'merged' };
}
