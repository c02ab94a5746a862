/**
 * arXiv API answers as Atom 1.0 XML, in the layout export.arxiv.org sends: namespaces on the
 * feed, opensearch counts, entries with wrapped titles and summaries, authors, primary category
 * first among categories, abs and pdf links.
 * @see https://info.arxiv.org/help/api/user-manual.html#_details_of_atom_results_returned
 */

export interface ArxivEntryInput {
  /** Versionless id: 2103.03230 or hep-th/9901001. */
  id: string;
  /** Default 1. */
  version?: number;
  title?: string;
  summary?: string;
  authors?: string[];
  /** ISO date-time of version 1 (the submission date the API sorts by). */
  published: string;
  /** ISO date-time of this version. Default: `published`. */
  updated?: string;
  /** Default cs.LG */
  primaryCategory?: string;
  /** Cross-lists besides the primary category. */
  crossLists?: string[];
  comment?: string;
  journalRef?: string;
  doi?: string;
  /** Leave these elements out, as a broken entry would. */
  omit?: ('title' | 'summary')[];
}

export interface FeedOptions {
  /** opensearch:totalResults. Default: the number of entries. */
  total?: number;
  /** opensearch:startIndex. Default 0. */
  start?: number;
  /** opensearch:itemsPerPage. Default: the number of entries. */
  itemsPerPage?: number;
  /** The query echoed in the feed title. */
  query?: string;
}

const ATOM = 'http://www.w3.org/2005/Atom';
const OPENSEARCH = 'http://a9.com/-/spec/opensearch/1.1/';
const ARXIV = 'http://arxiv.org/schemas/atom';

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Wraps long text at spaces the way arXiv's feed does (newline plus two spaces). */
function wrap(text: string, width = 70): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  lines.push(line);
  return lines.join('\n  ');
}

export function atomEntry(entry: ArxivEntryInput): string {
  const omit = new Set(entry.omit ?? []);
  const versioned = `${entry.id}v${entry.version ?? 1}`;
  const primary = entry.primaryCategory ?? 'cs.LG';
  const categories = [primary, ...(entry.crossLists ?? [])];
  const title = entry.title ?? `A study of ${entry.id} with a title long enough to wrap onto a second line`;
  const summary = entry.summary ?? `We present ${entry.id}. It improves on prior work in several ways, which we measure carefully on standard benchmarks.`;
  const lines = [
    '  <entry>',
    `    <id>http://arxiv.org/abs/${versioned}</id>`,
    `    <updated>${entry.updated ?? entry.published}</updated>`,
    `    <published>${entry.published}</published>`,
    ...(omit.has('title') ? [] : [`    <title>${escapeXml(wrap(title))}</title>`]),
    ...(omit.has('summary') ? [] : [`    <summary>  ${escapeXml(wrap(summary))}\n</summary>`]),
    ...(entry.authors ?? ['Ada Lovelace']).map((name) => `    <author>\n      <name>${escapeXml(name)}</name>\n    </author>`),
    ...(entry.doi ? [`    <arxiv:doi>${escapeXml(entry.doi)}</arxiv:doi>`] : []),
    ...(entry.doi ? [`    <link title="doi" href="http://dx.doi.org/${escapeXml(entry.doi)}" rel="related"/>`] : []),
    ...(entry.comment ? [`    <arxiv:comment>${escapeXml(entry.comment)}</arxiv:comment>`] : []),
    ...(entry.journalRef ? [`    <arxiv:journal_ref>${escapeXml(entry.journalRef)}</arxiv:journal_ref>`] : []),
    `    <link href="http://arxiv.org/abs/${versioned}" rel="alternate" type="text/html"/>`,
    `    <link title="pdf" href="http://arxiv.org/pdf/${versioned}" rel="related" type="application/pdf"/>`,
    `    <arxiv:primary_category term="${escapeXml(primary)}" scheme="${ARXIV}"/>`,
    ...categories.map((term) => `    <category term="${escapeXml(term)}" scheme="${ARXIV}"/>`),
    '  </entry>',
  ];
  return lines.join('\n');
}

function feedHead(query: string, options: Required<Omit<FeedOptions, 'query'>>): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<feed xmlns="${ATOM}" xmlns:opensearch="${OPENSEARCH}" xmlns:arxiv="${ARXIV}">`,
    `  <id>https://arxiv.org/api/${Buffer.from(query).toString('base64url').slice(0, 27)}</id>`,
    `  <title>arXiv Query: ${escapeXml(query)}</title>`,
    '  <updated>2025-01-15T00:00:00Z</updated>',
    `  <link href="https://arxiv.org/api/query?${escapeXml(query)}" type="application/atom+xml"/>`,
    `  <opensearch:itemsPerPage>${options.itemsPerPage}</opensearch:itemsPerPage>`,
    `  <opensearch:totalResults>${options.total}</opensearch:totalResults>`,
    `  <opensearch:startIndex>${options.start}</opensearch:startIndex>`,
  ].join('\n');
}

export function atomFeed(entries: ArxivEntryInput[], options: FeedOptions = {}): string {
  const head = feedHead(options.query ?? '', {
    total: options.total ?? entries.length,
    start: options.start ?? 0,
    itemsPerPage: options.itemsPerPage ?? entries.length,
  });
  return [head, ...entries.map(atomEntry), '</feed>', ''].join('\n');
}

/** arXiv's answer to a bad query: a feed with one entry whose id is under /api/errors. */
export function arxivErrorFeed(message: string): string {
  const anchor = message.replace(/\W+/g, '_');
  return [
    feedHead('', { total: 1, start: 0, itemsPerPage: 1 }),
    '  <entry>',
    `    <id>http://arxiv.org/api/errors#${anchor}</id>`,
    '    <title>Error</title>',
    `    <summary>${escapeXml(message)}</summary>`,
    '    <updated>2025-01-15T00:00:00Z</updated>',
    `    <link href="http://arxiv.org/api/errors#${anchor}" rel="alternate" type="text/html"/>`,
    '    <author>\n      <name>arXiv api core</name>\n    </author>',
    '  </entry>',
    '</feed>',
    '',
  ].join('\n');
}

/**
 * A category's listing: `perDay` submissions on each day going back from `newestDay`, newest first,
 * ids 2501.00001 upwards in submission order.
 */
export function arxivListing(category: string, newestDay: string, days: number, perDay: number): ArxivEntryInput[] {
  const newest = Date.parse(`${newestDay}T00:00:00Z`);
  const entries: ArxivEntryInput[] = [];
  for (let d = 0; d < days; d++) {
    for (let i = 0; i < perDay; i++) {
      const at = new Date(newest - d * 86_400_000 + (perDay - i) * 60_000).toISOString().replace('.000Z', 'Z');
      const n = (days - d) * perDay - i;
      entries.push({ id: `2501.${String(n).padStart(5, '0')}`, published: at, primaryCategory: category });
    }
  }
  return entries;
}
