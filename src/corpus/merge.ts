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
 *
 * Near-linear: exact keys are grouped through a map, and the prefix rule runs on the long keys sorted
 * as text, where every key that extends a key K sits in one run right after K (see `prefixOwners`).
 */
export function groupEntries(entries: CorpusEntry[], warnings: CorpusWarning[]): Map<string, CorpusEntry[]> {
  const byKey = new Map<string, CorpusEntry[]>();
  for (const entry of entries) {
    const key = mergeKey(entry.abstract);
    const copies = byKey.get(key);
    if (copies) copies.push(entry);
    else byKey.set(key, [entry]);
  }
  const owners = prefixOwners([...byKey.keys()].filter((k) => k.length >= MIN_TRUNCATED_KEY));
  // Longest keys first, so an owner's group exists before its truncated copies join it; the same order
  // as sorting with byLengthThenText, but the text sort is the native one and the length sort is stable.
  const keys = [...byKey.keys()].sort().sort((a, b) => b.length - a.length);
  const groups = new Map<string, CorpusEntry[]>();
  for (const key of keys) {
    const found = owners.get(key);
    if (found && found.count > 1) {
      const first = byKey.get(key)![0]!;
      warnings.push({ file: first.file, line: first.line, message: `truncated abstract matches ${found.count} papers; merged with the longest` });
    }
    if (found === undefined) groups.set(key, [...byKey.get(key)!]);
    else groups.get(found.owner)!.push(...byKey.get(key)!);
  }
  return groups;
}

/**
 * For every key that other, longer keys start with: the papers it could be a truncated copy of (the
 * keys that no key extends, i.e. the groups' own keys), how many there are and which is longest
 * (ties: the first as text). Keys nobody extends are absent.
 *
 * Sorted as text, the keys extending K form one run right after K, and a run nests the runs of the
 * keys inside it. Walking from the end, K's run is found by hopping over the runs of its direct
 * extensions, so every key is hopped over once: O(n) prefix checks after the O(n log n) sort.
 */
function prefixOwners(keys: string[]): Map<string, { owner: string; count: number }> {
  const sorted = keys.sort(); // by UTF-16 code units, as `<` compares
  const n = sorted.length;
  const end = new Int32Array(n); // sorted[i + 1 .. end[i] - 1] are the keys that extend sorted[i]
  const best = new Int32Array(n); // the longest unextended key in sorted[i .. end[i] - 1]
  const count = new Int32Array(n); // how many unextended keys sorted[i .. end[i] - 1] holds
  const owners = new Map<string, { owner: string; count: number }>();
  for (let i = n - 1; i >= 0; i--) {
    const key = sorted[i]!;
    let j = i + 1;
    let top = -1;
    let leaves = 0;
    while (j < n && sorted[j]!.startsWith(key)) {
      if (top < 0 || byLengthThenText(sorted[best[j]!]!, sorted[top]!) < 0) top = best[j]!;
      leaves += count[j]!;
      j = end[j]!;
    }
    end[i] = j;
    if (top < 0) {
      best[i] = i;
      count[i] = 1;
    } else {
      best[i] = top;
      count[i] = leaves;
      owners.set(key, { owner: sorted[top]!, count: leaves });
    }
  }
  return owners;
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
