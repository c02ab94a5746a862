/**
 * Scheduled digests: 10,000 subscriptions due in the same minute, each composed as the
 * scheduler does (src/scheduler/compose.ts), each channel with its own history of posted papers.
 */
import type { Paper } from '../src/corpus/paper.js';
import { createLibrary, type TopicConfig } from '../src/search/library.js';
import type { IndexData } from '../src/search/postings.js';
import { composeDigest } from '../src/scheduler/compose.js';
import type { SizeName } from './lib/corpora.js';
import { prng } from './lib/synthetic.js';
import { log, time } from './lib/stats.js';

export const SUBSCRIPTIONS = 10_000;

export interface DigestRow {
  size: SizeName;
  subscriptions: number;
  /** First use: topics (curated counts, discovered themes) and TF-IDF vectors. */
  warmupMs: number;
  cpuMs: number;
  wallMs: number;
  perDigestUs: number;
}

/** On a fresh library over the same index, so the warm-up (first topics, TF-IDF) is its own. */
export function benchDigest(size: SizeName, papers: Paper[], index: IndexData, topicConfig: TopicConfig[]): DigestRow {
  const library = createLibrary(papers, { topics: topicConfig, index });
  const warmup = time(() => {
    library.topics();
    library.digest('diffusion', 1);
  });
  const random = prng(7);
  const topics = library.topics();
  // Histories: each channel has seen some of its topic's best papers (earlier digests).
  const seen = new Map(topics.map((t) => [t.name, library.search(t.query, { limit: 60 }).hits.map((h) => h.paper.id)]));
  const subs = Array.from({ length: SUBSCRIPTIONS }, (_, i) => {
    const topic = topics[i % topics.length]!;
    const history = (seen.get(topic.name) ?? []).filter(() => random() < 0.3);
    return {
      subscription: { id: i + 1, kind: i % 10 === 0 ? ('daily' as const) : ('topic' as const), topic: topic.name, count: [3, 5, 8][i % 3]!, platform: 'discord' as const, channelId: `c${i}` },
      posted: new Set(history),
    };
  });
  const cpu = process.cpuUsage();
  const wall = time(() => {
    for (const { subscription, posted } of subs) composeDigest({ library, subscription, posted, localDate: '2025-06-02', themes: [] });
  });
  const used = process.cpuUsage(cpu);
  const row = {
    size,
    subscriptions: SUBSCRIPTIONS,
    warmupMs: warmup.ms,
    cpuMs: (used.user + used.system) / 1000,
    wallMs: wall.ms,
    perDigestUs: (wall.ms * 1000) / SUBSCRIPTIONS,
  };
  log(`digest ${size}: ${SUBSCRIPTIONS} digests in ${row.cpuMs.toFixed(0)} ms CPU (warm-up ${row.warmupMs.toFixed(0)} ms)`);
  return row;
}
