/** `paperbot corpus stats`: what was read from each file, and what was merged or derived. */
import type { Corpus } from '../corpus/paper.js';

export function corpusStatsJson(corpus: Corpus): object {
  const { stats } = corpus;
  return {
    entries: stats.entries,
    papers: stats.papers,
    duplicatesMerged: stats.duplicatesMerged,
    derivedTitles: stats.derivedTitles,
    files: stats.files,
    warnings: stats.warnings,
  };
}

export function corpusStatsText(corpus: Corpus): string {
  const { stats } = corpus;
  const width = Math.max(4, ...stats.files.map((f) => f.file.length));
  const lines = [
    `${'file'.padEnd(width)}  ${'layout'.padEnd(9)}  ${'entries'.padStart(7)}  captured`,
    ...stats.files.map(
      (f) => `${f.file.padEnd(width)}  ${f.layout.padEnd(9)}  ${String(f.entries).padStart(7)}  ${f.capturedOn ?? '-'}`,
    ),
    '',
    `entries read:       ${stats.entries}`,
    `duplicates merged:  ${stats.duplicatesMerged}`,
    `unique papers:      ${stats.papers}`,
    `derived titles:     ${stats.derivedTitles}`,
    `warnings:           ${stats.warnings.length}`,
    ...stats.warnings.map((w) => `  ${w.file}${w.line ? `:${w.line}` : ''}: ${w.message}`),
  ];
  return lines.join('\n');
}
