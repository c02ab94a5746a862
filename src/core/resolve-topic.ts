/** Resolves what the user typed as a topic: a curated or discovered topic, else a free query. */
import type { PaperLibrary, Topic } from './library.js';

export interface ResolvedTopic {
  label: string;
  query: string;
  topic?: Topic;
}

export function resolveTopic(library: PaperLibrary, input: string): ResolvedTopic {
  const topic = library.findTopic(input);
  return topic ? { label: topic.label, query: topic.query, topic } : { label: input, query: input };
}
