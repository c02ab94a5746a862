/** Reading-list exports: BibTeX parsed back with a real BibTeX parser, RIS and CSV by their rules. */
import { parse } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import { toBibtex } from '../../src/core/export/bibtex.js';
import { csvCell, toCsv } from '../../src/core/export/csv.js';
import { parseExportFormat } from '../../src/core/export/index.js';
import { toRis } from '../../src/core/export/ris.js';
import type { Paper } from '../../src/corpus/paper.js';

const paper = (id: string, extra: Partial<Paper> = {}): Paper => ({
  id,
  title: `Paper ${id}`,
  titleDerived: false,
  abstract: 'An abstract.',
  links: [],
  sources: ['hf'],
  ...extra,
});

const lecun = paper('p1', {
  title: 'Deep Learning & Control: 100% of $x_1$ {braces} ~ #1 ^ \\ back',
  authorNames: ['Yann LeCun', 'Geoffrey Hinton', 'Yoshua Bengio'],
  published: '2015-05-27',
  arxivId: '1505.00001',
  categories: ['cs.LG', 'stat.ML'],
  abstract: 'We review 50% of {it}.',
});
const twin = paper('p2', { title: 'Deep nets', authorNames: ['Yann LeCun'], published: '2015-01-01' });
const accents = paper('p3', { title: 'Équivariance', authorNames: ['Zoë Çelik', 'Jürgen Schmidhuber'], published: '2021-02-03' });
const bare = paper('p4', { title: 'Untitled work', links: [{ url: 'https://github.com/a/b', kind: 'code' }] });

describe('BibTeX', () => {
  const text = toBibtex([lecun, twin, accents, bare]);
  const parsed = parse(text, { sentenceCase: false });

  it('parses back without an error, one entry a paper, with unique keys', () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries.map((e) => e.type)).toEqual(['misc', 'misc', 'misc', 'misc']);
    expect(parsed.entries.map((e) => e.key)).toEqual(['lecun2015deep', 'lecun2015deepa', 'celik2021equivariance', 'paperuntitled']);
  });

  it('keeps titles, authors, years and arXiv fields exactly, special characters included', () => {
    const [first, , third, fourth] = parsed.entries;
    expect(first!.fields.title).toBe('Deep Learning & Control: 100% of $x_1$ {braces} ~ #1 ^ \\ back');
    expect(first!.fields.author!.map((a) => `${a.firstName} ${a.lastName}`)).toEqual(['Yann LeCun', 'Geoffrey Hinton', 'Yoshua Bengio']);
    expect(first!.fields).toMatchObject({ year: '2015', eprint: '1505.00001', archiveprefix: 'arXiv', primaryclass: 'cs.LG', url: 'https://arxiv.org/abs/1505.00001' });
    expect(first!.fields.abstract).toBe('We review 50% of {it}.');
    expect(third!.fields.author!.map((a) => a.lastName)).toEqual(['Çelik', 'Schmidhuber']);
    expect(fourth!.fields.url).toBe('https://github.com/a/b');
    expect(fourth!.fields.year).toBeUndefined();
  });

  it('is empty for an empty list', () => {
    expect(toBibtex([])).toBe('');
  });
});

describe('RIS', () => {
  const records = toRis([lecun, bare]).split('\r\n\r\n');

  it('writes one record a paper, TY first and ER last, each tag as "XX  - value"', () => {
    expect(records).toHaveLength(2);
    const lines = records[0]!.split('\r\n');
    expect(lines[0]).toBe('TY  - GEN');
    expect(lines.at(-1)).toBe('ER  - ');
    for (const line of lines) expect(line).toMatch(/^[A-Z][A-Z0-9]  - /);
    expect(lines).toEqual(expect.arrayContaining(['AU  - LeCun, Yann', 'AU  - Bengio, Yoshua', 'PY  - 2015', 'DA  - 2015/05/27', 'UR  - https://arxiv.org/abs/1505.00001', 'L1  - https://arxiv.org/pdf/1505.00001', 'N1  - arXiv:1505.00001']));
    expect(records[1]!.split('\r\n')).toContain('UR  - https://github.com/a/b');
  });
});

describe('CSV', () => {
  /** RFC 4180 reader, for checking the writer from the outside. */
  function readCsv(text: string): string[][] {
    const rows: string[][] = [];
    let row: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (quoted) {
        if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
        else if (c === '"') quoted = false;
        else cell += c;
      } else if (c === '"') quoted = true;
      else if (c === ',') row.push(cell), (cell = '');
      else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
      else cell += c;
    }
    return rows;
  }

  it('quotes commas, quotes and newlines, and reads back to the same values', () => {
    const tricky = paper('p5', { title: 'A "quoted", multi\nline title', authorNames: ['A B', 'C D'], upvotes: 12 });
    const rows = readCsv(toCsv([{ paper: tricky, savedAt: new Date('2026-12-01T10:00:00Z') }]));
    expect(rows[0]).toEqual(['paperbot_id', 'arxiv_id', 'title', 'authors', 'published', 'upvotes', 'url', 'pdf', 'saved_at']);
    expect(rows[1]).toEqual(['p5', '', 'A "quoted", multi\nline title', 'A B; C D', '', '12', '', '', '2026-12-01T10:00:00.000Z']);
  });

  it('never lets a spreadsheet run a cell as a formula', () => {
    for (const evil of ['=HYPERLINK("http://x")', '+1', '-2', '@SUM(A1)', '\tx']) expect(csvCell(evil).replace(/^"/, '').startsWith("'")).toBe(true);
    expect(csvCell('plain')).toBe('plain');
  });
});

describe('formats', () => {
  it('reads bibtex, bib, csv and ris in any case, and explains anything else', () => {
    expect(['BibTeX', 'bib', 'csv', 'RIS'].map(parseExportFormat)).toEqual(['bibtex', 'bibtex', 'csv', 'ris']);
    expect(() => parseExportFormat('pdf')).toThrow('I can\'t export to “pdf”.');
  });
});
