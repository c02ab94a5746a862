/**
 * Composes a subscription's digest. Papers already posted to the channel are excluded, so a
 * channel never sees a paper twice while unseen relevant ones remain.
 *
 * When a topic is exhausted (nothing unseen is left) the digest says so, repeats the most
 * relevant papers and suggests subscribing to another topic: a quiet channel would look broken,
 * and the best papers are the ones worth a second look. A topic with no matching papers at all
 * posts a short notice instead of an empty digest.
 */
import { renderDigest, type ComposedDigest } from '../core/digest-view.js';
import type { DigestItem, PaperLibrary } from '../core/library.js';
import { resolveTopic, type ResolvedTopic } from '../core/resolve-topic.js';
import { exclusionQuery, hasPaperFilters, passesFilters } from '../core/schedule/filters.js';
import { authorFollowed } from '../core/schedule/parse-subscribe.js';
import { digestWithTaste, tastePool, type TasteModel } from '../core/taste.js';
import type { Subscription } from '../core/subscription.js';
import { pickTheme, themeCandidates } from './themes.js';

export type { ComposedDigest } from '../core/digest-view.js';

export interface ComposeInput {
  library: PaperLibrary;
  subscription: Pick<Subscription, 'id' | 'kind' | 'topic' | 'count' | 'platform' | 'channelId'> & Partial<Pick<Subscription, 'mode' | 'emptyNote' | 'filters' | 'personal'>>;
  posted: ReadonlySet<string>;
  /** Local date of the slot; picks the daily theme. */
  localDate: string;
  /** New-papers mode: only papers that arrived after this instant. */
  since?: Date;
  themes: readonly string[];
  /** The channel's taste from its votes: re-ranks a best-papers digest within its topic. */
  taste?: TasteModel;
}

function resolve(input: ComposeInput): ResolvedTopic | undefined {
  const { library, subscription: sub } = input;
  if (sub.kind === 'topic') {
    const resolved = resolveTopic(library, sub.topic);
    const author = authorFollowed(sub.topic);
    // Exclusions are search syntax: they go into the query itself.
    const without = exclusionQuery(sub.filters ?? []);
    return { ...resolved, ...(author ? { label: `papers by ${author}` } : {}), query: without ? `${resolved.query} ${without}` : resolved.query };
  }
  const theme = pickTheme(themeCandidates(input.themes, library), input.localDate, `${sub.platform}:${sub.channelId}`);
  return theme && { label: theme.label, query: theme.query, topic: theme };
}

export function composeDigest(input: ComposeInput): ComposedDigest {
  const { library, subscription: sub } = input;
  const resolved = resolve(input);
  const heading = sub.kind === 'daily' ? `Daily theme: ${resolved?.label ?? 'none'}` : `Digest: ${resolved?.label ?? sub.topic}`;
  const footer = `Subscription #${sub.id} · stop it with \`${sub.personal ? 'unsubscribe-me' : 'unsubscribe'} ${sub.id}\``;
  if (!resolved) {
    const note = 'There is no theme to pick from yet: the paper collection has no topics.';
    return { reply: renderDigest({ heading, note, items: [], footer }), paperIds: [], label: 'none', exhausted: false };
  }
  // "New on Diffusion models", but "New papers by Yann LeCun".
  if (sub.mode === 'new') return composeNew(input, resolved, heading.replace(/^Digest: (papers by )?/, (_, by?: string) => (by ? 'New papers by ' : 'New on ')), footer);
  const filters = sub.filters ?? [];
  // With `+` filters, draw more candidates: some will not pass.
  const pool = tastePool(sub.count, input.taste) * (hasPaperFilters(filters) ? 5 : 1);
  let items: DigestItem[] = digestWithTaste(
    library.digest(resolved.query, pool, { exclude: input.posted }).filter((item) => passesFilters(item.paper, filters)),
    sub.count,
    input.taste,
    library,
  );
  let note: string | undefined;
  const exhausted = items.length === 0;
  if (exhausted) {
    items = library.digest(resolved.query, sub.count * (hasPaperFilters(filters) ? 5 : 1)).filter((item) => passesFilters(item.paper, filters)).slice(0, sub.count);
    note = items.length
      ? `You've seen every paper on ${resolved.label}. Here are the most relevant ones again; subscribe to another topic for new papers.`
      : `No papers match ${resolved.label} at the moment.`;
  } else if (items.length < sub.count) {
    note = `That's every paper on ${resolved.label} you haven't seen yet.`;
  }
  const reply = renderDigest({
    heading,
    ...(resolved.topic ? { description: resolved.topic.description } : {}),
    ...(note ? { note } : {}),
    items,
    footer,
  });
  return { reply, paperIds: items.map((i) => i.paper.id), label: resolved.label, exhausted };
}

/**
 * New-papers mode: what arrived since the last digest on the topic, most upvoted first, never a
 * paper the channel has seen. Nothing new is an empty digest, which is not posted: old papers
 * would pad a channel that asked only for news.
 */
function composeNew(input: ComposeInput, resolved: ResolvedTopic, heading: string, footer: string): ComposedDigest {
  const { library, subscription: sub } = input;
  const since = input.since ?? new Date(0);
  const filters = sub.filters ?? [];
  const limit = (sub.count + input.posted.size) * (hasPaperFilters(filters) ? 5 : 1);
  const fresh = library.latest(resolved.query, { since, limit }).hits.filter((hit) => !input.posted.has(hit.paper.id) && passesFilters(hit.paper, filters));
  const items = fresh.slice(0, sub.count).map((hit, i) => ({ paper: hit.paper, tldr: library.tldr(hit.paper), score: hit.score, why: whyNew(hit.paper.upvotes, i) }));
  // A channel that asked for it hears that nothing came, rather than wondering whether the bot is alive.
  const note = items.length === 0 && sub.emptyNote ? `Nothing new on ${resolved.label} since the last digest.` : undefined;
  const reply = renderDigest({ heading, ...(resolved.topic ? { description: resolved.topic.description } : {}), ...(note ? { note } : {}), items, footer });
  return { reply, paperIds: items.map((item) => item.paper.id), label: resolved.label, exhausted: false, empty: items.length === 0 && !note };
}

/** Why a paper is in a new-papers digest: it is new, and (listed most upvoted first) how popular. */
function whyNew(upvotes: number | undefined, rank: number): string {
  if (!upvotes) return 'new since the last digest';
  return rank === 0 ? `new since the last digest, the most upvoted of them (▲ ${upvotes})` : `new since the last digest (▲ ${upvotes})`;
}
