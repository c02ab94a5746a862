/**
 * Hugging Face Daily Papers JSON → SourcePaper. Lenient by design: the API is undocumented in
 * detail and changes, so unknown fields are ignored and optional fields of the wrong type are
 * dropped; only a missing id, title or abstract makes an item unusable (a warning, not a throw).
 */
import { z } from 'zod';
import { canonicalArxivId } from '../core/arxiv-id.js';
import { collapseWhitespace, definedOnly, httpUrl, isoDay, missingMessage } from './normalise.js';
import type { SourceLink, SourcePaper, SourceWarning } from './types.js';

/** An optional field: absent, or present with a wrong type, both read as undefined. */
function lenient<T extends z.ZodType>(schema: T) {
  return schema.optional().catch(undefined);
}

const count = lenient(z.number().int().nonnegative());

const paperSchema = z.object({
  id: lenient(z.string()),
  title: lenient(z.string()),
  summary: lenient(z.string()),
  authors: lenient(z.array(z.unknown())),
  publishedAt: lenient(z.string()),
  upvotes: count,
  ai_summary: lenient(z.string()),
  ai_keywords: lenient(z.array(z.unknown())),
  githubRepo: lenient(z.string()),
  projectPage: lenient(z.string()),
});

const itemSchema = z.object({
  paper: paperSchema,
  title: lenient(z.string()),
  summary: lenient(z.string()),
  numComments: count,
});

const authorSchema = z.object({ name: z.string() });

type HfPaperFields = z.infer<typeof paperSchema>;
type HfItemFields = z.infer<typeof itemSchema>;

export interface HfNormalised {
  paper?: SourcePaper;
  warning?: SourceWarning;
}

/** One element of `/api/daily_papers`; `index` names it in warnings when it has no id. */
export function normaliseHfItem(raw: unknown, index: number): HfNormalised {
  const item = itemSchema.safeParse(raw);
  if (!item.success) return warn(`#${index}`, 'not a daily papers item (no paper object)');
  return build(item.data.paper, item.data, index);
}

/** The answer of `/api/papers/{id}`: a paper object on its own. */
export function normaliseHfPaper(raw: unknown, index = 0): HfNormalised {
  const paper = paperSchema.safeParse(raw);
  if (!paper.success) return warn(`#${index}`, 'not a paper object');
  return build(paper.data, undefined, index);
}

function build(fields: HfPaperFields, item: HfItemFields | undefined, index: number): HfNormalised {
  const id = collapseWhitespace(fields.id);
  // The item repeats the paper's title and abstract; either copy will do.
  const title = collapseWhitespace(fields.title) ?? collapseWhitespace(item?.title);
  const abstract = collapseWhitespace(fields.summary) ?? collapseWhitespace(item?.summary);
  if (!id || !title || !abstract) {
    const missing = [id ? '' : 'id', title ? '' : 'title', abstract ? '' : 'abstract'].filter(Boolean);
    return warn(id ?? `#${index}`, missingMessage(missing));
  }

  const paper: SourcePaper = { source: 'hf', hfId: id, title, abstract, links: links(fields) };
  const optional = definedOnly({
    arxivId: canonicalArxivId(id),
    authors: nonEmpty(names(fields.authors)),
    published: isoDay(fields.publishedAt),
    upvotes: fields.upvotes,
    comments: item?.numComments,
    summary: collapseWhitespace(fields.ai_summary),
    keywords: nonEmpty(strings(fields.ai_keywords)),
  });
  return { paper: { ...paper, ...optional } };
}

function links(fields: HfPaperFields): SourceLink[] {
  const code = httpUrl(fields.githubRepo);
  const project = httpUrl(fields.projectPage);
  return [
    ...(code ? [{ url: code, kind: 'code' as const }] : []),
    ...(project ? [{ url: project, kind: 'project' as const }] : []),
  ];
}

/** Author names in order; entries that are not `{ name: string }` are skipped. */
function names(authors: unknown[] | undefined): string[] {
  return (authors ?? []).flatMap((author) => {
    const parsed = authorSchema.safeParse(author);
    const name = parsed.success ? collapseWhitespace(parsed.data.name) : undefined;
    return name ? [name] : [];
  });
}

function strings(values: unknown[] | undefined): string[] {
  return (values ?? []).flatMap((value) => {
    const text = typeof value === 'string' ? collapseWhitespace(value) : undefined;
    return text ? [text] : [];
  });
}

function nonEmpty(values: string[]): string[] | undefined {
  return values.length > 0 ? values : undefined;
}

function warn(item: string, message: string): HfNormalised {
  return { warning: { source: 'hf', item, message } };
}
