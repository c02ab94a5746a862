/** Turns papers into the neutral `PaperCard` shown by every platform. */
import type { Paper } from '../corpus/paper.js';
import { arxivLinks } from './arxiv-id.js';
import type { Button, PaperCard } from './reply.js';
import { formatDate, plural } from './text.js';

/** `Yann LeCun` → `Y. LeCun`: short enough for three names on one line. */
function shortName(name: string): string {
  const parts = name.trim().split(/\s+/);
  if (parts.length < 2) return name.trim();
  const initials = parts.slice(0, -1).map((part) => `${Array.from(part)[0]}.`);
  return [...initials, parts.at(-1)].join(' ');
}

/** `A. Author, B. Author, C. Author et al.`, or the count when only a count is known. */
export function authorLine(paper: Paper, shown = 3): string | undefined {
  const names = paper.authorNames ?? [];
  if (names.length === 0) return paper.authors !== undefined ? plural(paper.authors, 'author') : undefined;
  const first = names.slice(0, shown).map(shortName).join(', ');
  return names.length > shown ? `${first} et al.` : first;
}

export function paperMeta(paper: Paper): string {
  const parts: string[] = [`ID ${paper.id}`];
  if (paper.arxivId) parts.push(`arXiv ${paper.arxivId}`);
  if (paper.published) parts.push(formatDate(paper.published));
  const authors = authorLine(paper);
  if (authors) parts.push(authors);
  // Zero upvotes from a page export means "not shown there", not "nobody liked it".
  if (paper.upvotes) parts.push(`▲ ${paper.upvotes}`);
  return parts.join(' · ');
}

/** arXiv abstract first (it titles the Discord embed), then PDF, Hugging Face, code and project page. */
export function paperLinks(paper: Paper): PaperCard['links'] {
  const links: PaperCard['links'] = [];
  if (paper.arxivId) {
    const urls = arxivLinks(paper.arxivId);
    links.push({ label: 'arXiv', url: urls.abs }, { label: 'PDF', url: urls.pdf }, { label: 'Hugging Face', url: urls.hf });
  }
  for (const link of paper.links) links.push({ label: link.kind === 'code' ? 'Code' : 'Project page', url: link.url });
  return links;
}

export function paperCard(paper: Paper, summary: string): PaperCard {
  return {
    id: paper.id,
    title: paper.title,
    titleDerived: paper.titleDerived,
    meta: paperMeta(paper),
    summary,
    links: paperLinks(paper),
    ...(paper.published ? { published: paper.published } : {}),
  };
}

export function detailsButton(paperId: string): Button {
  return { label: 'Details', pick: 'Details of…', action: { command: 'paper', args: { id: paperId } } };
}

export function similarButton(paperId: string): Button {
  return { label: 'More like this', pick: 'More like…', action: { command: 'similar', args: { id: paperId } } };
}

export function saveButton(paperId: string): Button {
  return { label: 'Save', pick: 'Save to my reading list…', action: { command: 'save', args: { id: paperId } } };
}

/** Adds the paper to the channel's shared reading list. */
export function saveForChannelButton(paperId: string): Button {
  return { label: 'Save for channel', action: { command: 'save', args: { id: paperId, list: 'channel' } } };
}

/** 👍 and 👎 share one menu where a platform gathers per-paper buttons ("Rate…"). */
export function rateButtons(paperId: string): Button[] {
  return [
    { label: '👍', pick: 'Rate for this channel…', action: { command: 'rate', args: { id: paperId, vote: 'up' } } },
    { label: '👎', pick: 'Rate for this channel…', action: { command: 'rate', args: { id: paperId, vote: 'down' } } },
  ];
}

/** A paper in a digest: details, save, and the votes that teach the channel's taste. */
export function digestButtons(paperId: string): Button[] {
  return [detailsButton(paperId), saveButton(paperId), ...rateButtons(paperId)];
}

/** A paper in a list of results: the same, with more like it. */
export function resultButtons(paperId: string): Button[] {
  return [detailsButton(paperId), similarButton(paperId), saveButton(paperId), ...rateButtons(paperId)];
}
