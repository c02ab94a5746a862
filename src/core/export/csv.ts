/**
 * CSV (RFC 4180) for spreadsheets. A cell that a spreadsheet would run as a formula (starting
 * with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`, so a title or an
 * abstract can never execute anything when the file is opened.
 */
import type { Paper } from '../../corpus/paper.js';
import { arxivLinks } from '../arxiv-id.js';

const HEADER = ['paperbot_id', 'arxiv_id', 'title', 'authors', 'published', 'upvotes', 'url', 'pdf', 'saved_at'];

export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv(rows: readonly { paper: Paper; savedAt?: Date }[]): string {
  const lines = [HEADER.join(',')];
  for (const { paper, savedAt } of rows) {
    const urls = paper.arxivId ? arxivLinks(paper.arxivId) : undefined;
    const cells = [
      paper.id,
      paper.arxivId ?? '',
      paper.title,
      (paper.authorNames ?? []).join('; '),
      paper.published ?? '',
      paper.upvotes ? String(paper.upvotes) : '',
      urls?.abs ?? paper.links[0]?.url ?? '',
      urls?.pdf ?? '',
      savedAt?.toISOString() ?? '',
    ];
    lines.push(cells.map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
