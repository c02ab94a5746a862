import { parseHeaderDate } from './dates.js';
import { numberedLines, type ParsedFile } from './entry.js';
import { parseAbstracts } from './layouts/abstracts.js';
import { parseBlocks } from './layouts/blocks.js';
import { parseCompact } from './layouts/compact.js';
import { detectLayout } from './layouts/detect.js';

/**
 * Parses one corpus file. The layout is detected from the content; an unknown layout throws a
 * CorpusFormatError naming the file and line. `capturedOn` (`YYYY-MM-DD`) dates yearless entries.
 */
export function parseCorpusFile(name: string, text: string, capturedOn?: string): ParsedFile {
  const lines = numberedLines(text.replace(/^\uFEFF/, ''));
  const { layout, header } = detectLayout(name, lines);
  if (layout === 'abstracts') return { file: name, layout, ...parseAbstracts(name, lines) };

  const body = header!.body;
  const parsed = layout === 'blocks' ? parseBlocks(name, body, capturedOn) : parseCompact(name, body, capturedOn);
  const result: ParsedFile = { file: name, layout, ...parsed };
  if (header!.headerDate !== undefined) {
    result.headerDate = header!.headerDate;
    checkHeaderDate(result, header!.headerDate, capturedOn);
  }
  if (result.entries.length === 0) result.warnings.push({ file: name, message: `no papers found in a ${layout} page` });
  return result;
}

// A page header that disagrees with sources.json most likely means the wrong capture date was recorded.
function checkHeaderDate(result: ParsedFile, headerDate: string, capturedOn?: string) {
  const shown = parseHeaderDate(headerDate);
  if (!shown || !capturedOn) return;
  const [, month, day] = capturedOn.split('-').map(Number);
  if (shown.month !== month || shown.day !== day) {
    result.warnings.push({ file: result.file, message: `page header says "${headerDate}" but capturedOn is ${capturedOn}` });
  }
}
