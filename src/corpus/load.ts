import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isIsoDate } from './dates.js';
import type { CorpusEntry } from './entry.js';
import { CorpusFormatError } from './errors.js';
import { mergeEntries } from './merge.js';
import type { Corpus, CorpusFileStats, CorpusWarning } from './paper.js';
import { parseCorpusFile } from './parse.js';

const SOURCES_FILE = 'sources.json';

/** Capture dates from `sources.json`; a broken file is a warning, not a failure. */
export function readCaptureDates(dir: string, files: string[], warnings: CorpusWarning[]): Map<string, string> {
  const dates = new Map<string, string>();
  let raw: string;
  try {
    raw = readFileSync(join(dir, SOURCES_FILE), 'utf8');
  } catch {
    return dates; // optional
  }
  let list: unknown;
  try {
    list = JSON.parse(raw);
  } catch (err) {
    warnings.push({ file: SOURCES_FILE, message: `not valid JSON, capture dates ignored: ${(err as Error).message}` });
    return dates;
  }
  if (!Array.isArray(list)) {
    warnings.push({ file: SOURCES_FILE, message: 'expected an array, capture dates ignored' });
    return dates;
  }
  list.forEach((item: unknown, i) => {
    const { file, capturedOn } = (item ?? {}) as { file?: unknown; capturedOn?: unknown };
    if (typeof file !== 'string') {
      warnings.push({ file: SOURCES_FILE, message: `entry ${i} has no "file" name` });
    } else if (!files.includes(file)) {
      warnings.push({ file: SOURCES_FILE, message: `entry ${i} names "${file}", which is not in the corpus folder` });
    } else if (capturedOn !== null && capturedOn !== undefined && !isIsoDate(capturedOn)) {
      warnings.push({ file: SOURCES_FILE, message: `entry ${i} ("${file}") has capturedOn ${JSON.stringify(capturedOn)}, expected YYYY-MM-DD or null` });
    } else if (typeof capturedOn === 'string') {
      dates.set(file, capturedOn);
    }
  });
  return dates;
}

export interface CorpusText {
  name: string;
  text: string;
  capturedOn?: string;
}

/** Reads every `*.txt` in `dir` (sorted by name), merges copies of the same paper and reports what it saw. */
export function loadCorpus(dir: string): Corpus {
  const names = readdirSync(dir)
    .filter((n) => n.endsWith('.txt'))
    .sort();
  const warnings: CorpusWarning[] = [];
  const capturedOn = readCaptureDates(dir, names, warnings);
  const texts: CorpusText[] = [];
  for (const name of names) {
    try {
      texts.push({ name, text: readFileSync(join(dir, name), 'utf8'), capturedOn: capturedOn.get(name) });
    } catch (err) {
      warnings.push({ file: name, message: `cannot read: ${(err as Error).message}` });
    }
  }
  const corpus = corpusFromTexts(texts);
  corpus.stats.warnings.unshift(...warnings);
  return corpus;
}

/** Builds a corpus from file contents already in memory, in the order given. */
export function corpusFromTexts(texts: CorpusText[]): Corpus {
  const warnings: CorpusWarning[] = [];
  const entries: CorpusEntry[] = [];
  const files: CorpusFileStats[] = [];
  for (const { name, text, capturedOn } of texts) {
    const stats: CorpusFileStats = { file: name, layout: 'unknown', entries: 0 };
    if (capturedOn !== undefined) stats.capturedOn = capturedOn;
    files.push(stats);
    try {
      const parsed = parseCorpusFile(name, text, capturedOn);
      stats.layout = parsed.layout;
      stats.entries = parsed.entries.length;
      entries.push(...parsed.entries);
      warnings.push(...parsed.warnings);
    } catch (err) {
      // One unreadable file must not keep the others from loading.
      if (err instanceof CorpusFormatError && err.line !== undefined) warnings.push({ file: name, line: err.line, message: err.reason });
      else warnings.push({ file: name, message: err instanceof CorpusFormatError ? err.reason : `cannot parse: ${String(err)}` });
    }
  }
  const merged = mergeEntries(entries);
  warnings.push(...merged.warnings);
  return {
    papers: merged.papers,
    stats: {
      entries: entries.length,
      papers: merged.papers.length,
      duplicatesMerged: entries.length - merged.papers.length,
      derivedTitles: merged.papers.filter((p) => p.titleDerived).length,
      files,
      warnings,
    },
  };
}
