import type { CorpusEntry } from './entry.js';
import { paperId } from './ids.js';
import { extractLinks } from './links.js';
import { mergeKey } from './normalise.js';
import type { CorpusWarning, Paper, PaperLink } from './paper.js';
import { deriveTitle } from './titles.js';

// A copy cut off by the exporter still shares this many leading key characters with the full one.
const MIN_TRUNCATED_KEY = 200;

function byLengthThenText(a: string, b: string): number {
  return b.length - a.length || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * Groups entries by merge key. A key that is a long prefix of another key is a truncated copy of the
 * same abstract and joins that group; the group's key is its longest key, so IDs do not depend on order.
 */
function groupEntries(entries: CorpusEntry[], warnings: CorpusWarning[]): Map<string, CorpusEntry[]> {
  const byKey = new Map<string, CorpusEntry[]>();
  for (const entry of entries) {
    const key = mergeKey(entry.abstract);
    byKey.set(key, [...(byKey.get(key) ?? []), entry]);
  }
  const keys = [...byKey.keys()].sort(byLengthThenText);
  const groups = new Map<string, CorpusEntry[]>();
  for (const key of keys) {
    const owners = key.length >= MIN_TRUNCATED_KEY ? [...groups.keys()].filter((k) => k.length > key.length && k.startsWith(key)) : [];
    if (owners.length > 1) {
      const first = byKey.get(key)![0]!;
      warnings.push({ file: first.file, line: first.line, message: `truncated abstract matches ${owners.length} papers; merged with the longest` });
    }
    const owner = owners[0];
    if (owner === undefined) groups.set(key, [...byKey.get(key)!]);
    else groups.get(owner)!.push(...byKey.get(key)!);
  }
  return groups;
}

function best<T>(values: (T | undefined)[], pick: (a: T, b: T) => T): T | undefined {
  return values.reduce<T | undefined>((acc, v) => (v === undefined ? acc : acc === undefined ? v : pick(acc, v)), undefined);
}

function mergeGroup(copies: CorpusEntry[]): Omit<Paper, 'id'> {
  const longest = (a: string, b: string) => (byLengthThenText(a, b) <= 0 ? a : b);
  const abstract = best(copies.map((c) => c.abstract), longest)!;
  const realTitle = best(copies.map((c) => c.title), longest);
  const links = new Map<string, PaperLink>();
  for (const link of copies.flatMap((c) => extractLinks(c.abstract))) links.set(link.url, link);
  const paper: Omit<Paper, 'id'> = {
    title: realTitle ?? deriveTitle(abstract),
    titleDerived: realTitle === undefined,
    abstract,
    links: [...links.values()],
    sources: [...new Set(copies.map((c) => c.file))].sort(),
  };
  const authors = best(copies.map((c) => c.authors), Math.max);
  // Copies disagree only when one date was inferred from a capture year; the earlier one is the safer claim.
  const published = best(copies.map((c) => c.published), (a, b) => (a <= b ? a : b));
  const upvotes = best(copies.map((c) => c.upvotes), Math.max);
  if (authors !== undefined) paper.authors = authors;
  if (published !== undefined) paper.published = published;
  if (upvotes !== undefined) paper.upvotes = upvotes;
  return paper;
}

/** Merges copies of the same paper; papers come back sorted by ID. */
export function mergeEntries(entries: CorpusEntry[]): { papers: Paper[]; warnings: CorpusWarning[] } {
  const warnings: CorpusWarning[] = [];
  const groups = groupEntries(entries, warnings);
  const ids = assignIds([...groups.keys()], warnings);
  const papers = [...groups].map(([key, copies]) => ({ id: ids.get(key)!, ...mergeGroup(copies) }));
  papers.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { papers, warnings };
}

/** Lengthens the IDs of colliding keys (35 bits make it unlikely, not impossible). */
function assignIds(keys: string[], warnings: CorpusWarning[]): Map<string, string> {
  const ids = new Map(keys.map((k) => [k, paperId(k)]));
  const byId = new Map<string, string[]>();
  for (const [key, id] of ids) byId.set(id, [...(byId.get(id) ?? []), key]);
  for (const [id, colliding] of byId) {
    if (colliding.length < 2) continue;
    warnings.push({ file: '(corpus)', message: `ID collision on ${id}; using longer IDs for ${colliding.length} papers` });
    for (const key of colliding) ids.set(key, paperId(key, 12));
  }
  return ids;
}
