/** Turns papers into the neutral `PaperCard` shown by every platform. */
import type { Paper } from '../corpus/paper.js';
import type { Button, PaperCard } from './reply.js';
import { formatDate, plural } from './text.js';

export function paperMeta(paper: Paper): string {
  const parts: string[] = [`ID ${paper.id}`];
  if (paper.published) parts.push(formatDate(paper.published));
  if (paper.authors !== undefined) parts.push(plural(paper.authors, 'author'));
  if (paper.upvotes) parts.push(`▲ ${paper.upvotes}`);
  return parts.join(' · ');
}

export function paperLinks(paper: Paper): PaperCard['links'] {
  return paper.links.map((link) => ({ label: link.kind === 'code' ? 'Code' : 'Project page', url: link.url }));
}

export function paperCard(paper: Paper, summary: string): PaperCard {
  return {
    id: paper.id,
    title: paper.title,
    titleDerived: paper.titleDerived,
    meta: paperMeta(paper),
    summary,
    links: paperLinks(paper),
  };
}

export function detailsButton(paperId: string): Button {
  return { label: 'Details', action: { command: 'paper', args: { id: paperId } } };
}

export function similarButton(paperId: string): Button {
  return { label: 'More like this', action: { command: 'similar', args: { id: paperId } } };
}
