/**
 * Whether every expected digest went out exactly once, counted from what each replica's poster
 * saw: the check behind the scale-out benchmark (bench/replicas.ts).
 */

export interface PostTally {
  /** Expected posts: one per subscription. */
  expected: number;
  /** Expected keys posted exactly once, by any replica. */
  exactlyOnce: number;
  /** Expected keys nobody posted. */
  missing: string[];
  /** Keys posted more than once, with how often (across replicas). */
  duplicated: { key: string; times: number }[];
  /** Keys posted that were not expected at all. */
  unexpected: string[];
  /** Posts made by each replica, in the order given. */
  byReplica: number[];
}

/** Counts each key's posts across replicas against the keys expected once each. */
export function tallyPosts(expected: Iterable<string>, postsByReplica: readonly (readonly string[])[]): PostTally {
  const counts = new Map<string, number>();
  for (const key of expected) counts.set(key, 0);
  const unexpected: string[] = [];
  for (const posts of postsByReplica) {
    for (const key of posts) {
      const count = counts.get(key);
      if (count === undefined) unexpected.push(key);
      else counts.set(key, count + 1);
    }
  }
  const missing: string[] = [];
  const duplicated: { key: string; times: number }[] = [];
  let exactlyOnce = 0;
  for (const [key, times] of counts) {
    if (times === 0) missing.push(key);
    else if (times === 1) exactlyOnce++;
    else duplicated.push({ key, times });
  }
  return { expected: counts.size, exactlyOnce, missing, duplicated, unexpected, byReplica: postsByReplica.map((posts) => posts.length) };
}

export function allExactlyOnce(tally: PostTally): boolean {
  return tally.exactlyOnce === tally.expected && tally.missing.length === 0 && tally.duplicated.length === 0 && tally.unexpected.length === 0;
}

/** One line: the verdict, and the first offenders when there are any. */
export function describeTally(tally: PostTally): string {
  const head = `${tally.exactlyOnce} of ${tally.expected} posted exactly once (posts by replica: ${tally.byReplica.join(' + ')})`;
  if (allExactlyOnce(tally)) return head;
  const sample = (keys: readonly string[]) => `${keys.slice(0, 5).join(', ')}${keys.length > 5 ? ', …' : ''}`;
  const problems = [
    tally.missing.length ? `${tally.missing.length} never posted (${sample(tally.missing)})` : '',
    tally.duplicated.length ? `${tally.duplicated.length} posted more than once (${sample(tally.duplicated.map((d) => `${d.key} ×${d.times}`))})` : '',
    tally.unexpected.length ? `${tally.unexpected.length} posts not expected (${sample(tally.unexpected)})` : '',
  ].filter(Boolean);
  return `${head}; ${problems.join('; ')}`;
}
