/**
 * The one line that says why a paper is in a digest: the topic words it matches (in its title,
 * or only in its abstract), and "most upvoted this week" when it is. Reads the index, not the
 * text: thousands of digests a minute would otherwise tokenise the same abstracts again.
 */
import type { Paper } from '../corpus/paper.js';
import type { ParsedQuery } from './query.js';
import type { PlannedWord, QueryPlan } from './query-plan.js';

/** A topic's words as the user wrote them ("self-supervised", a quoted phrase), with their planned words. */
export interface TopicWord {
  label: string;
  words: PlannedWord[];
}

/** Fields of the index a paper's words are looked up in. */
export const TITLE = 0;
export const ABSTRACT = 1;

export interface WhyContext {
  query: ParsedQuery;
  topic: readonly TopicWord[];
  /** True when the document has the stem in the field. */
  has: (stem: string, doc: number, field: typeof TITLE | typeof ABSTRACT) => boolean;
  /** True for the most upvoted paper of this week among the digest's candidates. */
  topThisWeek: boolean;
  /** Upvotes of the paper are among the highest of the corpus. */
  popular: boolean;
}

/** The topic's free words and phrases, each planned as the search plans it. */
export function topicWords(query: ParsedQuery, plan: (texts: readonly string[]) => QueryPlan): TopicWord[] {
  return [...query.terms.map((text) => ({ text, label: `“${text}”` })), ...query.phrases.map((text) => ({ text, label: `“${text}”` }))]
    .map(({ text, label }) => ({ label, words: plan([text]).words }))
    .filter((t) => t.words.length > 0);
}

export function whyThisPaper(paper: Paper, doc: number, context: WhyContext): string {
  const { query, topic, has } = context;
  const inField = (word: PlannedWord, fields: readonly (typeof TITLE | typeof ABSTRACT)[]) =>
    [word.stem, ...word.joined].some((s) => fields.some((f) => has(s, doc, f)));
  const inTitle: string[] = [];
  const inAbstract: string[] = [];
  for (const { label, words } of topic) {
    if (words.every((w) => inField(w, [TITLE]))) inTitle.push(label);
    else if (words.every((w) => inField(w, [TITLE, ABSTRACT]))) inAbstract.push(label);
  }
  // All the topic's words in one place read as the topic: “posterior collapse” in the title.
  const together = query.phrases.length === 0 && query.terms.length > 1 && topic.length === query.terms.length && `“${query.terms.join(' ')}”`;
  if (together && inTitle.length === topic.length) inTitle.splice(0, inTitle.length, together);
  if (together && inAbstract.length === topic.length) inAbstract.splice(0, inAbstract.length, together);
  const parts: string[] = [];
  if (inTitle.length) parts.push(`${list(inTitle)} in the title`);
  if (inAbstract.length) parts.push(`${list(inAbstract)} in the abstract`);
  if (context.topThisWeek) parts.push('most upvoted this week');
  else if (context.popular && paper.upvotes) parts.push(`▲ ${paper.upvotes}, among the most upvoted`);
  if (parts.length === 0) return query.sort === 'new' ? 'among the newest papers' : query.sort === 'top' ? 'among the most upvoted papers' : 'matches the topic';
  return parts.join(' · ');
}

/** “a”, “a” and “b”, “a”, “b” and “c”. */
function list(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
