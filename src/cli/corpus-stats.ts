/**
 * `paperbot corpus stats`: what was read from each seed file, what was merged or derived, and
 * what the paper store adds (papers from sources, seed papers among them enriched in place).
 */
import type { Corpus } from '../corpus/paper.js';

export interface StoreCounts {
  /** Papers in the store. */
  stored: number;
  /** Papers the bot serves: the seed corpus with the store laid over it. */
  served: number;
}

export function corpusStatsJson(corpus: Corpus, store: StoreCounts = { stored: 0, served: corpus.stats.papers }): object {
  const { stats } = corpus;
  return {
    stored: store.stored,
    served: store.served,
    entries: stats.entries,
    papers: stats.papers,
    duplicatesMerged: stats.duplicatesMerged,
    derivedTitles: stats.derivedTitles,
    files: stats.files,
    warnings: stats.warnings,
  };
}

export function corpusStatsText(corpus: Corpus, store: StoreCounts = { stored: 0, served: corpus.stats.papers }): string {
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
    `papers in store:    ${store.stored}`,
    `papers served:      ${store.served}`,
    ...stats.warnings.map((w) => `  ${w.file}${w.line ? `:${w.line}` : ''}: ${w.message}`),
  ];
  return lines.join('\n');
}
