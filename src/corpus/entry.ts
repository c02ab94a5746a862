import type { CorpusWarning } from './paper.js';

export type Layout = 'abstracts' | 'blocks' | 'compact';

/** One paper as read from one file, before merging with its copies elsewhere. */
export interface CorpusEntry {
  file: string;
  /** 1-based line of the entry's first line (title, or abstract when untitled). */
  line: number;
  /** Whitespace-normalised raw title, absent when the file has none for this entry. */
  title?: string;
  /** Normalised abstract text. */
  abstract: string;
  authors?: number;
  published?: string;
  upvotes?: number;
}

export interface ParsedFile {
  file: string;
  layout: Layout;
  entries: CorpusEntry[];
  warnings: CorpusWarning[];
  /** Month and day shown in the page header (e.g. `Nov 14`), when there is one. */
  headerDate?: string;
}

/** A non-blank line with its 1-based number, so warnings can point at the file. */
export interface NumberedLine {
  text: string;
  line: number;
}

export function numberedLines(text: string): NumberedLine[] {
  return text.split(/\r\n|\r|\n/).map((t, i) => ({ text: t, line: i + 1 }));
}
