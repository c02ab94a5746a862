import type { Layout, NumberedLine } from '../entry.js';
import { CorpusFormatError } from '../errors.js';
import { ABSTRACT_PREFIX } from './abstracts.js';
import { readPageHeader, type PageHeader } from './header.js';
import { parseMeta } from './walk.js';

export interface Detected {
  layout: Layout;
  header?: PageHeader;
}

/** Decides a file's layout from its content alone; throws CorpusFormatError when nothing fits. */
export function detectLayout(file: string, lines: NumberedLine[]): Detected {
  const first = lines.find((l) => l.text.trim() !== '');
  if (!first) throw new CorpusFormatError(file, undefined, 'empty file');
  if (ABSTRACT_PREFIX.test(first.text)) return { layout: 'abstracts' };

  const header = readPageHeader(lines);
  if (!header.isPage) {
    throw new CorpusFormatError(file, first.line, `unknown layout: no Daily Papers header or "Abstract:" line at "${first.text.trim().slice(0, 60)}"`);
  }
  // Blocks put a blank line between title and abstract; compact exports never do. Metadata lines
  // are adjacent in both, so they do not vote.
  let adjacent = 0;
  let separated = 0;
  let previousBlank = true;
  let seenText = false;
  for (const l of header.body) {
    const blank = l.text.trim() === '';
    if (!blank && seenText && !parseMeta(l.text)) {
      if (previousBlank) separated++;
      else adjacent++;
    }
    if (!blank) seenText = true;
    previousBlank = blank;
  }
  if (!seenText) throw new CorpusFormatError(file, first.line, 'page header without any papers');
  return { layout: adjacent > separated ? 'compact' : 'blocks', header };
}
