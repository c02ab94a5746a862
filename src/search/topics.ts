/**
 * Topics: curated ones from config/topics.json, plus themes discovered from the corpus
 * (themes.ts), and lookup by name.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Topic } from '../core/library.js';
import type { Paper } from '../corpus/paper.js';
import type { Matcher } from './matching.js';
import { parseQuery } from './query.js';
import { stems } from './text.js';
import { discoverThemes } from './themes.js';

export interface TopicConfig {
  /** Slug used in commands, e.g. `diffusion`. */
  name: string;
  label: string;
  /** A search query in the full query syntax. */
  query: string;
  description: string;
}

const TopicsFile = z.object({
  topics: z.array(
    z.object({
      name: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug like "video-generation"'),
      label: z.string().min(1),
      query: z.string().min(1),
      description: z.string().min(1),
    }),
  ),
});

/** Reads and validates a topics file; throws listing every problem found. */
export function loadTopicsConfig(file: string): TopicConfig[] {
  const parsed = TopicsFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid topics file ${file}:\n  ${problems.join('\n  ')}`);
  }
  const names = parsed.data.topics.map((t) => t.name);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) throw new Error(`Invalid topics file ${file}: topic "${dup}" is defined twice`);
  return parsed.data.topics;
}

function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** A topic by slug or label, ignoring case (and spaces versus dashes). */
export function findTopic(topics: readonly Topic[], name: string): Topic | undefined {
  const wanted = name.trim().toLowerCase();
  const slug = slugify(name);
  return topics.find((t) => t.name === wanted || t.label.toLowerCase() === wanted || (slug !== '' && t.name === slug));
}

/** The curated topics with their paper counts, then up to `themes` discovered ones that none of them covers. */
export function listTopics(papers: readonly Paper[], matcher: Matcher, options: { curated?: readonly TopicConfig[]; themes?: number }): Topic[] {
  const configured = options.curated ?? [];
  // Each match read before the next: the matcher reuses its arrays.
  const matches = configured.map((t) => {
    const found = matcher.match(parseQuery(t.query));
    return { count: found.length, docs: new Set(found.docs.subarray(0, found.length)) };
  });
  const curated = configured.map((t, i): Topic => ({ ...t, kind: 'curated', count: matches[i]!.count }));
  const covered = configured.map((t, i) => ({
    // Operators (`year:2024`) are not words of the topic.
    stems: stems(t.query.replace(/\w+:\S+/g, '')),
    docs: matches[i]!.docs,
  }));
  const taken = new Set(curated.map((t) => t.name));
  const discovered = discoverThemes(papers, { curated: covered, max: options.themes ?? 12 })
    .map((theme): Topic => {
      // Quoted: the words apart are often far broader ("generative" + "modeling").
      const query = `"${theme.phrase}"`;
      const count = matcher.match(parseQuery(query)).length;
      return {
        name: slugify(theme.phrase),
        label: theme.phrase.charAt(0).toUpperCase() + theme.phrase.slice(1),
        query,
        description: `Discovered in the corpus: ${count} papers mention "${theme.phrase}".`,
        kind: 'discovered',
        count,
      };
    })
    .filter((t) => !taken.has(t.name) && t.count > 0);
  return [...curated, ...discovered];
}
