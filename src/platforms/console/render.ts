/**
 * Renders a neutral `Reply` as terminal text. Buttons are numbered so the console can press
 * them by number; the returned `actions` maps each number (index + 1) to its button.
 */
import type { Button, Reply } from '../../core/reply.js';

export interface ConsoleStyle {
  bold(text: string): string;
  dim(text: string): string;
}

export const plainStyle: ConsoleStyle = { bold: (t) => t, dim: (t) => t };

export const ansiStyle: ConsoleStyle = {
  bold: (t) => `\x1b[1m${t}\x1b[22m`,
  dim: (t) => `\x1b[2m${t}\x1b[22m`,
};

export interface RenderedConsole {
  text: string;
  buttons: Button[];
}

/** Strips control characters from corpus and user text so nothing can drive the terminal. */
function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/g, '');
}

export function renderConsole(reply: Reply, style: ConsoleStyle = plainStyle): RenderedConsole {
  const buttons: Button[] = [];
  const press = (list: Button[] | undefined): string =>
    (list ?? []).map((button) => `[${buttons.push(button)}] ${clean(button.label)}`).join('  ');
  const lines: string[] = [];
  let paperNumber = 0;
  for (const block of reply.blocks) {
    switch (block.type) {
      case 'header':
        lines.push(style.bold(`== ${clean(block.text)} ==`));
        break;
      case 'text':
        lines.push(clean(block.text));
        break;
      case 'context':
        lines.push(style.dim(clean(block.text)));
        break;
      case 'fields':
        for (const field of block.fields) lines.push(`${style.bold(clean(field.label))}: ${clean(field.value)}`);
        break;
      case 'paper': {
        const { paper } = block;
        paperNumber += 1;
        lines.push('');
        lines.push(style.bold(`${paper.rank ?? paperNumber}. ${clean(paper.title)}${paper.titleDerived ? ' (title derived)' : ''}`));
        lines.push(`   ${style.dim(clean(paper.meta))}`);
        // Continuation lines (a digest's "Why:" line) stay under the card.
        lines.push(`   ${clean(paper.summary).replace(/\n/g, '\n   ')}`);
        for (const link of paper.links) lines.push(`   ${clean(link.label)}: ${clean(link.url)}`);
        const row = press(block.buttons);
        if (row) lines.push(`   ${row}`);
        break;
      }
    }
  }
  if (reply.blocks.length === 0) lines.push(clean(reply.text));
  const row = press(reply.buttons);
  if (row) lines.push('', row);
  return { text: lines.join('\n'), buttons };
}
