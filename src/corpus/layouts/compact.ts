import type { NumberedLine } from '../entry.js';
import { walkEntries } from './walk.js';

/** Title and abstract lines alternating with no blank lines; every line is a logical line. */
export function parseCompact(file: string, body: NumberedLine[], capturedOn?: string) {
  return walkEntries(
    file,
    body.filter((l) => l.text.trim() !== ''),
    capturedOn,
  );
}
