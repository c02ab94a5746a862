import { mergeKey } from './normalise.js';

/**
 * Key under which two records of one paper meet when only their titles agree (a seed export
 * without an arXiv id, and the same paper from a source): letters and digits only, so case,
 * spacing, punctuation and accents do not matter.
 */
export function titleKey(title: string): string {
  return mergeKey(title);
}
