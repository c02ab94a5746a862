import { parseDateLine } from '../dates.js';
import type { CorpusEntry, NumberedLine } from '../entry.js';
import { normaliseText, normaliseTitle } from '../normalise.js';
import type { CorpusWarning } from '../paper.js';

type Meta =
  | { kind: 'authors'; count: number }
  | { kind: 'separator' }
  | { kind: 'date'; published?: string; upvotes?: number; yearless: boolean };

const AUTHORS = /^•\s*(\d+)\s+authors?$/i;
const SEPARATOR = /^[·•]$/;

/** Recognises the metadata lines that follow an abstract: `• 7 authors`, `·`, `Nov 25, 2024 2`. */
export function parseMeta(text: string, capturedOn?: string): Meta | undefined {
  const t = text.trim();
  const authors = AUTHORS.exec(t);
  if (authors) return { kind: 'authors', count: Number(authors[1]) };
  if (SEPARATOR.test(t)) return { kind: 'separator' };
  const date = parseDateLine(t, capturedOn);
  return date ? { kind: 'date', ...date } : undefined;
}

/**
 * Titles on these pages are at most ~130 characters and abstracts at least ~400; the heuristic only
 * needs to catch a missing title or abstract, positions decide the rest.
 */
export function looksLikeAbstract(text: string): boolean {
  const t = text.trim();
  if (t.length >= 250) return true;
  return t.length >= 150 && (t.match(/[.!?]\s+[A-Z]/g) ?? []).length >= 2;
}

function short(text: string): string {
  const t = normaliseTitle(text);
  return t.length > 60 ? `${t.slice(0, 57)}...` : t;
}

/**
 * Turns logical lines (title, abstract, optional metadata, repeated) into entries. Anything that does
 * not fit becomes a warning with its line number instead of being dropped silently.
 */
export function walkEntries(
  file: string,
  lines: NumberedLine[],
  capturedOn?: string,
): { entries: CorpusEntry[]; warnings: CorpusWarning[] } {
  const entries: CorpusEntry[] = [];
  const warnings: CorpusWarning[] = [];
  const warn = (line: number, message: string) => warnings.push({ file, line, message });
  const isMeta = (l: NumberedLine | undefined) => l !== undefined && parseMeta(l.text) !== undefined;
  let current: CorpusEntry | undefined;

  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const meta = parseMeta(l.text, capturedOn);
    if (meta) {
      if (!current) warn(l.line, `metadata line without a paper before it: "${short(l.text)}"`);
      else attachMeta(current, meta, l, warn);
      continue;
    }
    if (looksLikeAbstract(l.text)) {
      warn(l.line, 'abstract without a title; kept, its title will come from another copy or be derived');
      current = { file, line: l.line, abstract: normaliseText(l.text) };
      entries.push(current);
      continue;
    }
    const next = lines[i + 1];
    // A short line followed by an abstract is a title whose own abstract went missing.
    const nextIsTitle = next !== undefined && !looksLikeAbstract(next.text) && looksLikeAbstract(lines[i + 2]?.text ?? '');
    if (!next || isMeta(next) || nextIsTitle) {
      warn(l.line, `title without an abstract, skipped: "${short(l.text)}"`);
      current = undefined;
      continue;
    }
    current = { file, line: l.line, title: normaliseTitle(l.text), abstract: normaliseText(next.text) };
    entries.push(current);
    i++;
  }
  return { entries, warnings };
}

function attachMeta(entry: CorpusEntry, meta: Meta, l: NumberedLine, warn: (line: number, message: string) => void) {
  if (meta.kind === 'separator') return;
  if (meta.kind === 'authors') {
    if (entry.authors !== undefined) warn(l.line, 'second author count for the same paper, ignored');
    else entry.authors = meta.count;
    return;
  }
  if (entry.published !== undefined || entry.upvotes !== undefined) {
    warn(l.line, 'second date line for the same paper, ignored');
    return;
  }
  if (meta.published) entry.published = meta.published;
  else warn(l.line, `date "${l.text.trim()}" has no year and the file has no capture date; left out`);
  if (meta.upvotes !== undefined) entry.upvotes = meta.upvotes;
}
