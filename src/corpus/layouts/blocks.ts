import type { NumberedLine } from '../entry.js';
import { parseMeta, walkEntries } from './walk.js';

/**
 * Blank-line separated blocks: title, abstract, then optionally `• N authors`, `·`, date. A paragraph
 * holding several text lines is one wrapped title or abstract, so its lines are joined.
 */
export function parseBlocks(file: string, body: NumberedLine[], capturedOn?: string) {
  const logical: NumberedLine[] = [];
  let joinable = false;
  for (const l of body) {
    if (l.text.trim() === '') {
      joinable = false;
      continue;
    }
    const meta = parseMeta(l.text) !== undefined;
    const last = logical[logical.length - 1];
    if (joinable && !meta && last) last.text = `${last.text} ${l.text}`;
    else logical.push({ ...l });
    joinable = !meta;
  }
  return walkEntries(file, logical, capturedOn);
}
