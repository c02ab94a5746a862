/**
 * Topics: curated ones from config/topics.json, plus themes discovered from the corpus.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Topic } from '../core/library.js';

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

export function slugify(text: string): string {
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
