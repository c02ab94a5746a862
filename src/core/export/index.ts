/** Reading-list exports: the formats `saved export` offers, with their file names and types. */
import type { Paper } from '../../corpus/paper.js';
import { UserError } from '../errors.js';
import { toBibtex } from './bibtex.js';
import { toCsv } from './csv.js';
import { toRis } from './ris.js';

export type ExportFormat = 'bibtex' | 'csv' | 'ris';

export const EXPORT_FORMATS: Record<ExportFormat, { extension: string; contentType: string }> = {
  bibtex: { extension: 'bib', contentType: 'application/x-bibtex' },
  csv: { extension: 'csv', contentType: 'text/csv' },
  ris: { extension: 'ris', contentType: 'application/x-research-info-systems' },
};

export function parseExportFormat(text: string): ExportFormat {
  const format = text.trim().toLowerCase().replace(/^bib$/, 'bibtex');
  if (format === 'bibtex' || format === 'csv' || format === 'ris') return format;
  throw new UserError(`I can't export to “${text}”.`, 'Choose `bibtex`, `csv` or `ris`, e.g. `saved export bibtex`.');
}

export function exportPapers(format: ExportFormat, rows: readonly { paper: Paper; savedAt?: Date }[]): string {
  const papers = rows.map((row) => row.paper);
  if (format === 'bibtex') return toBibtex(papers);
  if (format === 'ris') return toRis(papers);
  return toCsv(rows);
}
