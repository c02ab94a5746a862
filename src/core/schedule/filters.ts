/**
 * Subscription filters, in the spirit of the GitHub app for Slack: `+min-upvotes:20`,
 * `+has:code`, `+category:cs.CV` keep only papers that pass; `-term` and `-"a phrase"` leave out
 * papers that mention them. They refine a subscription without changing its topic, so
 * subscribing again to the same topic with other filters edits them.
 */
import type { Paper } from '../../corpus/paper.js';
import { UserError } from '../errors.js';

const KEYS = ['min-upvotes', 'has', 'category'] as const;
const EXAMPLE = 'Example: `subscribe diffusion +min-upvotes:20 +has:code -gan`.';

/** Whether a word of `subscribe` is a filter rather than part of the topic. */
export function looksLikeFilter(word: string): boolean {
  return /^\+[a-z-]+:/i.test(word) || /^-[^\s\d-]/.test(word);
}

/** Checks one filter and returns it in its canonical spelling; a friendly error otherwise. */
export function parseFilter(word: string): string {
  if (word.startsWith('-')) {
    const term = word.slice(1);
    if (!term || /^["“]?["”]?$/.test(term)) throw new UserError(`“${word}” leaves nothing out.`, EXAMPLE);
    return `-${term.toLowerCase()}`;
  }
  const match = /^\+([a-z-]+):(.+)$/i.exec(word);
  const key = match?.[1]!.toLowerCase();
  const value = match?.[2]!;
  if (!match || !KEYS.includes(key as (typeof KEYS)[number])) {
    throw new UserError(`I don't know the filter “${word}”.`, `Filters are \`+min-upvotes:N\`, \`+has:code\`, \`+category:cs.CV\` and \`-word\`. ${EXAMPLE}`);
  }
  if (key === 'min-upvotes') {
    if (!/^\d{1,6}$/.test(value)) throw new UserError(`\`+min-upvotes\` takes a number, not “${value}”.`, EXAMPLE);
    return `+min-upvotes:${Number(value)}`;
  }
  if (key === 'has') {
    if (value.toLowerCase() !== 'code') throw new UserError(`\`+has:\` knows only \`code\`, not “${value}”.`, EXAMPLE);
    return '+has:code';
  }
  if (!/^[a-z-]+(\.[a-z-]+)?$/i.test(value)) throw new UserError(`“${value}” is not an arXiv category.`, 'Categories look like `cs.CV`, `cs.LG` or `stat.ML`.');
  return `+category:${value.replace(/^([a-z-]+)\.(.+)$/i, (_, a: string, b: string) => `${a.toLowerCase()}.${b.toUpperCase()}`)}`;
}

/** The exclusions, for the search query: `-gan -"point cloud"`. */
export function exclusionQuery(filters: readonly string[]): string {
  return filters.filter((f) => f.startsWith('-')).join(' ');
}

/** Whether a paper passes every `+` filter (exclusions are left to the search). */
export function passesFilters(paper: Paper, filters: readonly string[]): boolean {
  for (const filter of filters) {
    if (filter.startsWith('+min-upvotes:') && (paper.upvotes ?? 0) < Number(filter.slice('+min-upvotes:'.length))) return false;
    if (filter === '+has:code' && !paper.links.some((link) => link.kind === 'code')) return false;
    if (filter.startsWith('+category:')) {
      const wanted = filter.slice('+category:'.length).toLowerCase();
      // `cs` takes every cs.* category; `cs.CV` only that one.
      if (!(paper.categories ?? []).some((c) => c.toLowerCase() === wanted || c.toLowerCase().startsWith(`${wanted}.`))) return false;
    }
  }
  return true;
}

export const hasPaperFilters = (filters: readonly string[] | undefined): boolean => (filters ?? []).some((f) => f.startsWith('+'));
