/**
 * The arXiv API's Atom 1.0 answer → SourcePaper.
 * @see https://info.arxiv.org/help/api/user-manual.html#_details_of_atom_results_returned
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { canonicalArxivId } from '../core/arxiv-id.js';
import { SourceError, bodySnippet } from './errors.js';
import { collapseWhitespace, definedOnly, isoDay, missingMessage } from './normalise.js';
import type { SourceBatch, SourcePaper, SourceWarning } from './types.js';
import { xmlEntityDecoder } from './xml-entities.js';

export interface ArxivFeed extends SourceBatch {
  /** `opensearch:totalResults`: matches of the whole query, not just this page. */
  totalResults?: number;
  /** Entries on this page, usable or not (papers + entry warnings). */
  entries: number;
}

// Elements that may repeat; forced to arrays so one entry, author or category reads like many.
const REPEATED = new Set(['feed.entry', 'feed.entry.author', 'feed.entry.category', 'feed.entry.link']);
const ERROR_ID = /^https?:\/\/arxiv\.org\/api\/errors/;

function parser(): XMLParser {
  // A fresh parser per feed: a parser that met broken XML can carry state into the next parse.
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    // Namespace prefixes are the server's choice (`arxiv:`, `opensearch:`); local names are not.
    removeNSPrefix: true,
    // Ids such as 2103.03230 and titles such as "1984" must stay strings.
    parseTagValue: false,
    entityDecoder: xmlEntityDecoder,
    isArray: (_name, path, _leaf, isAttribute) => !isAttribute && REPEATED.has(String(path)),
  });
}

/** Parses one page of results. Throws SourceError `malformed` for broken XML and arXiv's error feed. */
export function parseArxivFeed(xml: string): ArxivFeed {
  // fast-xml-parser parses broken XML leniently, so validity is checked first (its own validator).
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new SourceError('malformed', `invalid XML: ${bodySnippet(valid.err.msg)} (line ${valid.err.line})`);
  }
  const feed = record(record(parser().parse(xml) as unknown)?.feed);
  if (!feed) throw new SourceError('malformed', 'not an Atom feed');
  const entries = list(feed.entry).map(record);
  const error = entries.length === 1 ? entries[0] : undefined;
  if (error && ERROR_ID.test(text(error.id) ?? '')) {
    // The summary comes from the server: shortened like any body quoted in an error.
    throw new SourceError('malformed', `arXiv API error: ${bodySnippet(text(error.summary) ?? '') || 'unspecified'}`);
  }
  const batch: ArxivFeed = { papers: [], warnings: [], entries: entries.length };
  const total = text(feed.totalResults)?.trim();
  if (total !== undefined && /^\d+$/.test(total)) batch.totalResults = Number(total);
  entries.forEach((entry, index) => {
    const result = normaliseEntry(entry ?? {}, index);
    if ('paper' in result) batch.papers.push(result.paper);
    else batch.warnings.push(result.warning);
  });
  return batch;
}

type Node = Record<string, unknown>;

function normaliseEntry(entry: Node, index: number): { paper: SourcePaper } | { warning: SourceWarning } {
  const rawId = text(entry.id);
  const arxivId = rawId === undefined ? undefined : canonicalArxivId(rawId);
  const title = collapseWhitespace(text(entry.title));
  const abstract = collapseWhitespace(text(entry.summary));
  if (!arxivId || !title || !abstract) {
    const missing = [arxivId ? '' : 'arXiv id', title ? '' : 'title', abstract ? '' : 'abstract'].filter(Boolean);
    return { warning: { source: 'arxiv', item: arxivId ?? rawId ?? `#${index}`, message: missingMessage(missing) } };
  }
  const authors = list(entry.author).flatMap((author) => {
    const name = collapseWhitespace(text(record(author)?.name));
    return name ? [name] : [];
  });
  const primary = attribute(entry.primary_category, 'term');
  const categories = [...new Set([primary, ...list(entry.category).map((c) => attribute(c, 'term'))])].filter(
    (term): term is string => term !== undefined,
  );
  const paper: SourcePaper = { source: 'arxiv', arxivId, title, abstract, links: [] };
  const optional = definedOnly({
    authors: authors.length > 0 ? authors : undefined,
    published: isoDay(text(entry.published)),
    updated: isoDay(text(entry.updated)),
    categories: categories.length > 0 ? categories : undefined,
  });
  return { paper: { ...paper, ...optional } };
}

function record(value: unknown): Node | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Node) : undefined;
}

/** A repeatable element's occurrences: always an array thanks to `isArray`, absent means none. */
function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** An element's text: a plain string, or `#text` when the element also has attributes. */
function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  const node = record(value);
  return typeof node?.['#text'] === 'string' ? node['#text'] : undefined;
}

function attribute(value: unknown, name: string): string | undefined {
  const attr = record(value)?.[name];
  return typeof attr === 'string' && attr.trim() ? attr.trim() : undefined;
}
