/**
 * The one line that says why a paper is in a digest: the topic words it matches (in its title,
 * or only in its abstract), and "most upvoted this week" when it is.
 */
import type { Paper } from '../corpus/paper.js';
import type { ParsedQuery } from './query.js';
import type { QueryPlan } from './query-plan.js';
import { joinedCompounds, normalize, processNormalized, stems } from './text.js';

export interface WhyContext {
  /** The topic's query. */
  query: ParsedQuery;
  /** How the search plans a text's words (the engine's planner). */
  plan: (texts: readonly string[]) => QueryPlan;
  /** True for the most upvoted paper of this week among the digest's candidates. */
  topThisWeek: boolean;
  /** Upvotes of the paper are among the highest of the corpus. */
  popular: boolean;
}

export function whyThisPaper(paper: Paper, context: WhyContext): string {
  const { query } = context;
  const title = termsOf(paper.title);
  const abstract = termsOf(paper.abstract);
  const inTitle: string[] = [];
  const inAbstract: string[] = [];
  const phrases = query.phrases.map((p) => `“${p}”`);
  [...query.terms.map((t) => `“${t}”`), ...phrases].forEach((label, i) => {
    const text = i < query.terms.length ? query.terms[i]! : query.phrases[i - query.terms.length]!;
    const words = context.plan([text]).words;
    if (words.length === 0) return;
    const has = (terms: Set<string>) => words.every((w) => terms.has(w.stem) || w.joined.some((j) => terms.has(j)));
    if (has(title)) inTitle.push(label);
    else if (has(new Set([...title, ...abstract]))) inAbstract.push(label);
  });
  // All the topic's words in one place read as the topic: “posterior collapse” in the title.
  const together = query.phrases.length === 0 && query.terms.length > 1 && `“${query.terms.join(' ')}”`;
  if (together && inTitle.length === query.terms.length) inTitle.splice(0, inTitle.length, together);
  if (together && inAbstract.length === query.terms.length) inAbstract.splice(0, inAbstract.length, together);
  const parts: string[] = [];
  if (inTitle.length) parts.push(`${list(inTitle)} in the title`);
  if (inAbstract.length) parts.push(`${list(inAbstract)} in the abstract`);
  if (context.topThisWeek) parts.push('most upvoted this week');
  else if (context.popular && paper.upvotes) parts.push(`▲ ${paper.upvotes}, among the most upvoted`);
  if (parts.length === 0) return query.sort === 'new' ? 'among the newest papers' : query.sort === 'top' ? 'among the most upvoted papers' : 'matches the topic';
  return parts.join(' · ');
}

/** Stems of a text's words and of its joined compounds, as the index holds them. */
function termsOf(text: string): Set<string> {
  const joined = joinedCompounds(normalize(text)).map((w) => processNormalized(w)).filter((s): s is string => !!s);
  return new Set([...stems(text), ...joined]);
}

/** “a”, “a” and “b”, “a”, “b” and “c”. */
function list(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
