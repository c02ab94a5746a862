/**
 * The one way a digest reads, for the `digest` command and for scheduled posts alike: a heading,
 * the topic's description, an optional note, one card per paper with its TL;DR and why it is
 * there, and an optional footer.
 */
import { digestButtons, paperCard } from './cards.js';
import type { DigestItem } from './library.js';
import { reply, type Block, type Button, type Reply } from './reply.js';

export interface DigestView {
  heading: string;
  description?: string;
  note?: string;
  items: readonly DigestItem[];
  footer?: string;
  buttons?: Button[];
}

export function renderDigest(view: DigestView): Reply {
  const blocks: Block[] = [{ type: 'header', text: view.heading }];
  if (view.description) blocks.push({ type: 'context', text: view.description });
  if (view.note) blocks.push({ type: 'text', text: view.note });
  for (const item of view.items) {
    // In the card's summary, so that every platform shows it without knowing about it.
    const summary = item.why ? `TL;DR: ${item.tldr}\nWhy: ${item.why}` : `TL;DR: ${item.tldr}`;
    blocks.push({ type: 'paper', paper: paperCard(item.paper, summary), buttons: digestButtons(item.paper.id) });
  }
  if (view.footer) blocks.push({ type: 'context', text: view.footer });
  const lines = view.items.map((item, i) => `${i + 1}. ${item.paper.title} (${item.paper.id}): ${item.tldr}${item.why ? ` (why: ${item.why})` : ''}`);
  const text = [view.heading, ...(view.note ? [view.note] : []), ...lines].join('\n');
  return reply(text, blocks, view.buttons ?? []);
}

/** A digest ready to post: the reply, and the papers to add to the channel's history once posted. */
export interface ComposedDigest {
  reply: Reply;
  paperIds: string[];
  label: string;
  /** Every relevant paper had been posted already; these are repeats. */
  exhausted: boolean;
  /** A new-papers digest with nothing new: post nothing. */
  empty?: boolean;
}
