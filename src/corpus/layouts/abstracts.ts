import type { CorpusEntry, NumberedLine } from '../entry.js';
import { normaliseText } from '../normalise.js';
import type { CorpusWarning } from '../paper.js';
import { looksLikeAbstract } from './walk.js';

export const ABSTRACT_PREFIX = /^\s*abstract:\s*/i;

/** `Abstract:<text>` lines, one untitled paper each. */
export function parseAbstracts(file: string, lines: NumberedLine[]) {
  const entries: CorpusEntry[] = [];
  const warnings: CorpusWarning[] = [];
  for (const l of lines) {
    if (l.text.trim() === '') continue;
    const prefixed = ABSTRACT_PREFIX.test(l.text);
    const abstract = normaliseText(l.text.replace(ABSTRACT_PREFIX, ''));
    if (abstract === '') {
      warnings.push({ file, line: l.line, message: 'empty "Abstract:" line, skipped' });
    } else if (prefixed) {
      entries.push({ file, line: l.line, abstract });
    } else if (looksLikeAbstract(abstract)) {
      warnings.push({ file, line: l.line, message: 'line without "Abstract:" prefix read as an abstract' });
      entries.push({ file, line: l.line, abstract });
    } else {
      warnings.push({ file, line: l.line, message: `unexpected line in an abstracts file, skipped: "${abstract.slice(0, 60)}"` });
    }
  }
  return { entries, warnings };
}
