import { detailsButton, paperCard } from '../src/core/cards.js';
import { defineCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { EXPORT_FORMATS, exportPapers, parseExportFormat, type ExportFormat } from '../src/core/export/index.js';
import type { Paper } from '../src/core/library.js';
import { reply, type Block, type Button } from '../src/core/reply.js';
import { listArgs, listName, listOwner, needUserData } from '../src/core/reading-list-view.js';
import { plural } from '../src/core/text.js';

const PAGE = 10;
const FORMAT_NAMES: Record<ExportFormat, string> = { bibtex: 'BibTeX', csv: 'CSV', ris: 'RIS' };

/** `channel`, `export bibtex`, `channel export csv`, `2`: the words after `saved`, in any order. */
function readWords(text: string): { list?: string; format?: string; page?: number } {
  const out: { list?: string; format?: string; page?: number } = {};
  const words = text.trim().split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!.toLowerCase();
    if (word === 'export') {
      const format = words[++i];
      if (!format) throw new UserError('Export to which format?', 'Choose `bibtex`, `csv` or `ris`, e.g. `saved export bibtex`.');
      out.format = format;
    } else if (/^\d+$/.test(word)) out.page = Number(word);
    else out.list = word;
  }
  return out;
}

export const saved = defineCommand({
  name: 'saved',
  description: "Your reading list (or the channel's), with remove buttons; export it as BibTeX, CSV or RIS",
  usage: 'saved export bibtex',
  personal: true,
  args: [
    { name: 'what', description: '`channel` for the channel\'s list, `export bibtex|csv|ris`, or a page number', type: 'string', maxLength: 60, text: 'rest' },
    { name: 'list', description: "mine (default) or channel", type: 'string', maxLength: 10, text: 'hidden' },
    { name: 'export', description: 'Export as a file: bibtex, csv or ris', type: 'string', maxLength: 10, text: 'hidden' },
    { name: 'page', description: 'Page of the list', type: 'integer', min: 1, max: 1000, text: 'hidden' },
  ],
  async execute(args, ctx) {
    const { readingLists } = needUserData(ctx);
    const words = readWords(args.what ?? '');
    const owner = listOwner(ctx, args.list ?? words.list);
    const entries = await readingLists.list(owner);
    const rows = entries.map((entry) => ({ entry, paper: ctx.library.get(entry.paperId) }));
    const which = listArgs(owner);
    const name = listName(owner);
    const title = name[0]!.toUpperCase() + name.slice(1);

    const formatText = args.export ?? words.format;
    if (formatText !== undefined) {
      const format = parseExportFormat(formatText);
      const known = rows.filter((row): row is { entry: typeof row.entry; paper: Paper } => row.paper !== undefined);
      if (known.length === 0) throw new UserError(`${title} is empty, so there is nothing to export.`, 'Press Save on any paper, or `save <paper id>`.');
      const { extension, contentType } = EXPORT_FORMATS[format];
      const content = exportPapers(format, known.map((row) => ({ paper: row.paper, savedAt: row.entry.savedAt })));
      const file = { name: `paperbot-${owner.kind === 'user' ? 'reading-list' : 'channel-list'}.${extension}`, contentType, content };
      const text = `${title} as ${FORMAT_NAMES[format]}: ${plural(known.length, 'paper')}.`;
      return { ...reply(text, [{ type: 'text', text }], [], true), files: [file] };
    }

    if (rows.length === 0) {
      const text = `${title} is empty.`;
      return reply(text, [{ type: 'text', text }, { type: 'context', text: 'Press Save on any paper, or `save <paper id>`; only you see your own list.' }], [], true);
    }
    const pages = Math.ceil(rows.length / PAGE);
    const page = Math.min(args.page ?? words.page ?? 1, pages);
    const shown = rows.slice((page - 1) * PAGE, page * PAGE);
    const blocks: Block[] = [
      { type: 'header', text: `${title} (${plural(rows.length, 'paper')})` },
      { type: 'context', text: owner.kind === 'user' ? 'Only you can see this list.' : 'Shared with this channel.' },
    ];
    shown.forEach(({ entry, paper }, i) => {
      const remove: Button = { label: 'Remove', action: { command: 'unsave', args: { id: entry.paperId, ...which } } };
      if (!paper) {
        blocks.push({ type: 'text', text: `${(page - 1) * PAGE + i + 1}. \`${entry.paperId}\` is no longer in the collection.` });
        return;
      }
      const card = { ...paperCard(paper, ctx.library.tldr(paper)), rank: (page - 1) * PAGE + i + 1 };
      blocks.push({ type: 'paper', paper: card, buttons: [detailsButton(paper.id), remove] });
    });
    const buttons: Button[] = [];
    if (page > 1) buttons.push({ label: '◀ Previous', action: { command: 'saved', args: { ...which, page: page - 1 } } });
    if (page < pages) buttons.push({ label: 'Next ▶', action: { command: 'saved', args: { ...which, page: page + 1 } } });
    for (const format of ['bibtex', 'csv', 'ris'] as const) {
      buttons.push({ label: `Export ${FORMAT_NAMES[format]}`, action: { command: 'saved', args: { ...which, export: format } } });
    }
    const lines = shown.map(({ entry, paper }) => `- ${paper ? `${paper.title} (${paper.id})` : entry.paperId}`);
    return reply([`${title}:`, ...lines].join('\n'), blocks, buttons, true);
  },
});
