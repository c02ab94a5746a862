/**
 * RIS, the tagged format every reference manager imports (Zotero, EndNote, Mendeley): one record
 * a paper, `TY` first and `ER` last, each tag on its own line as `XX  - value`.
 */
import type { Paper } from '../../corpus/paper.js';
import { arxivLinks } from '../arxiv-id.js';

const line = (tag: string, value: string): string => `${tag}  - ${value.replace(/\s+/g, ' ').trim()}`;

/** `Yann LeCun` → `LeCun, Yann`, the order RIS expects. */
function risName(name: string): string {
  const parts = name.trim().split(/\s+/);
  return parts.length < 2 ? name.trim() : `${parts.at(-1)}, ${parts.slice(0, -1).join(' ')}`;
}

function record(paper: Paper): string {
  const lines = [line('TY', 'GEN'), line('TI', paper.title)];
  for (const name of paper.authorNames ?? []) lines.push(line('AU', risName(name)));
  if (paper.published) lines.push(line('PY', paper.published.slice(0, 4)), line('DA', paper.published.replaceAll('-', '/')));
  if (paper.abstract) lines.push(line('AB', paper.abstract));
  if (paper.arxivId) {
    const urls = arxivLinks(paper.arxivId);
    lines.push(line('UR', urls.abs), line('L1', urls.pdf), line('N1', `arXiv:${paper.arxivId}`));
  } else if (paper.links[0]) {
    lines.push(line('UR', paper.links[0].url));
  }
  lines.push(line('ID', paper.id), 'ER  - ');
  return lines.join('\r\n');
}

export function toRis(papers: readonly Paper[]): string {
  return papers.length ? `${papers.map(record).join('\r\n\r\n')}\r\n` : '';
}
