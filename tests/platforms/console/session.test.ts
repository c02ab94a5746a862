import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { renderConsole } from '../../../src/platforms/console/render.js';
import { startConsole } from '../../../src/platforms/console/session.js';
import { errorReply, reply } from '../../../src/core/reply.js';
import { botWith } from '../../commands/helpers.js';

async function converse(lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const session = startConsole(botWith(() => 0), { input, output });
  input.end(lines.map((l) => `${l}\n`).join(''));
  await session.closed;
  return text;
}

describe('console session', () => {
  it('runs slash commands and presses buttons by number', async () => {
    const out = await converse(['/search diffusion', '26', 'quit']);
    expect(out).toContain('== Papers matching “diffusion” ==');
    expect(out).toContain('Results 1–5 of');
    expect(out).toContain('[26] Next ▶');
    expect(out).toContain('Results 6–10 of');
    expect(out).toMatch(/\n6\. \S/); // the second page numbers its papers 6-10
    expect(out).not.toMatch(/Results 6–10[\s\S]*\n1\. \S/);
    expect(out).toContain('[26] ◀ Previous  [27] Next ▶');
  });

  it('explains bad button numbers and unknown commands', async () => {
    const out = await converse(['7', '/random', '9', 'fly away']);
    expect(out).toContain('There are no buttons to press yet.');
    expect(out).toContain('Press a number from 1 to 3.');
    expect(out).toContain("I don't know the command `fly`.");
  });
});

describe('renderConsole', () => {
  it('numbers per-paper and reply buttons in reading order', () => {
    const rendered = renderConsole(
      reply(
        'fallback',
        [
          { type: 'header', text: 'Head' },
          {
            type: 'paper',
            paper: { id: 'p1', title: 'T', titleDerived: true, meta: 'ID p1', summary: 'S', links: [{ label: 'Code', url: 'https://x.org' }] },
            buttons: [{ label: 'Details', action: { command: 'paper', args: { id: 'p1' } } }],
          },
        ],
        [{ label: 'Next', action: { command: 'search', args: { query: 'q', page: 2 } } }],
      ),
    );
    expect(rendered.text).toBe(['== Head ==', '', '1. T (title derived)', '   ID p1', '   S', '   Code: https://x.org', '   [1] Details', '', '[2] Next'].join('\n'));
    expect(rendered.buttons.map((b) => b.label)).toEqual(['Details', 'Next']);
  });

  it('strips terminal control sequences from text', () => {
    const rendered = renderConsole(errorReply('bad \x1b[31mred\x1b[0m input'));
    expect(rendered.text).toBe('bad [31mred[0m input');
  });
});
