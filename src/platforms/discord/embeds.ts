/**
 * Reply blocks → Discord embeds. A single paper gets its own embed (title linked to its first
 * link, summary, metadata in the footer). A list of papers (a search page, a digest) is one embed:
 * the header as its title, what precedes the papers as its description, one field a paper, and a
 * trailing context line as its footer. Headers, text, fields and context elsewhere gather into
 * section embeds. Every piece is clipped to its limit, then the 6000-character budget is shared
 * out (longest texts shrink first).
 * @see https://discord.com/developers/docs/resources/message#embed-object-embed-limits
 */
import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { Block, PaperCard } from '../../core/reply.js';
import { formatDate } from '../../core/text.js';
import { LIMITS } from './limits.js';
import { clip, oneLine, safeUrl, toMarkdown, toPlain } from './markdown.js';

export const COLORS = { normal: 0x4f7cff, error: 0xed4245 } as const;

/** Fields with values this short sit side by side. */
const INLINE_FIELD = 40;
/** Discord rejects empty field names and values. */
const BLANK = '\u200b';

interface Draft {
  title?: string;
  url?: string;
  description?: string;
  fields: APIEmbedField[];
  footer?: string;
  /** A context block became the footer: later blocks would show above it, so start a new embed. */
  closed?: boolean;
  paper?: boolean;
}

function paperLinks(paper: PaperCard): { url?: string; extra: string } {
  const links = paper.links
    .map((link) => ({ label: link.label, url: safeUrl(link.url, LIMITS.embedUrl) }))
    .filter((link): link is { label: string; url: string } => link.url !== undefined);
  const extra = links.map((link) => `[${toMarkdown(oneLine(link.label))}](${link.url})`).join(' · ');
  return { url: links[0]?.url, extra };
}

function paperTitle(paper: PaperCard, number: number | undefined): string {
  // Said wherever a title was made up from the abstract, so no one quotes it as the paper's own.
  const title = toMarkdown(oneLine(paper.title)) + (paper.titleDerived ? ' (title derived)' : '');
  return number === undefined ? title : `${number}. ${title}`;
}

/**
 * Noon UTC on the publication date: Discord shows an instant in each reader's own timezone, and
 * noon keeps the calendar date the same from UTC−11 to UTC+11 (midnight would show the day before
 * in the Americas).
 */
function noonUtc(date: string | undefined): Date | undefined {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const noon = new Date(`${date}T12:00:00Z`);
  return Number.isNaN(noon.getTime()) ? undefined : noon;
}

/** The metadata line with its date as a Discord timestamp (`<t:…:D>`), which each reader sees in their locale. */
function metaMarkdown(paper: PaperCard): string {
  const meta = toMarkdown(toPlain(paper.meta));
  const noon = noonUtc(paper.published);
  if (!noon) return meta;
  const written = formatDate(paper.published!);
  return meta.includes(written) ? meta.replace(written, `<t:${noon.getTime() / 1000}:D>`) : meta;
}

function paperDraft(paper: PaperCard, number: number | undefined): Draft {
  const { url, extra } = paperLinks(paper);
  const summary = clip(toMarkdown(paper.summary.trim()), LIMITS.embedDescription - extra.length - 2);
  return {
    title: paperTitle(paper, number),
    url,
    description: extra ? `${summary}\n${extra}` : summary,
    fields: [],
    footer: toPlain(paper.meta),
    paper: true,
  };
}

function paperField(paper: PaperCard, number: number | undefined): APIEmbedField {
  const { extra } = paperLinks(paper);
  const tail = [metaMarkdown(paper), extra].filter(Boolean).join('\n');
  const summary = clip(toMarkdown(oneLine(paper.summary)), LIMITS.fieldValue - tail.length - 1);
  return { name: paperTitle(paper, number), value: `${summary}\n${tail}`, inline: false };
}

function field(label: string, value: string): APIEmbedField {
  const rendered = toMarkdown(value.trim());
  return { name: toMarkdown(oneLine(label)) || BLANK, value: rendered || BLANK, inline: rendered.length <= INLINE_FIELD };
}

/** Lays blocks out as drafts; `compact` turns papers into fields of one list embed. */
function layout(blocks: readonly Block[], compact: boolean): Draft[] {
  const drafts: Draft[] = [];
  const numbered = blocks.filter((block) => block.type === 'paper').length > 1;
  let number = 0;
  const current = (): Draft | undefined => drafts[drafts.length - 1];
  const open = (draft: Draft): Draft => (drafts.push(draft), draft);
  const addFields = (fields: APIEmbedField[]): void => {
    let cur = current();
    for (const item of fields) {
      if (!cur || cur.closed || cur.fields.length >= LIMITS.embedFields) cur = open({ fields: [] });
      cur.fields.push(item);
    }
  };
  for (const block of blocks) {
    const cur = current();
    switch (block.type) {
      case 'header':
        open({ title: toMarkdown(oneLine(block.text)), fields: [] });
        break;
      case 'text':
        if (cur && !cur.paper && !cur.closed && cur.fields.length === 0) {
          cur.description = [cur.description, toMarkdown(block.text.trim())].filter(Boolean).join('\n\n');
        } else {
          open({ description: toMarkdown(block.text.trim()), fields: [] });
        }
        break;
      case 'paper':
        number += 1;
        const shown = numbered ? (block.paper.rank ?? number) : undefined;
        if (compact) addFields([paperField(block.paper, shown)]);
        else open(paperDraft(block.paper, shown));
        break;
      case 'fields':
        addFields(block.fields.map((f) => field(f.label, f.value)));
        break;
      case 'context':
        if (!block.text.trim()) break;
        if (compact && cur && !cur.paper && !cur.closed && cur.fields.length === 0) {
          // A list's preamble ("Results 6–10 of 40") reads under its title, and the papers follow in the same embed.
          cur.description = [cur.description, `*${toMarkdown(oneLine(block.text))}*`].filter(Boolean).join('\n');
        } else if (cur && !cur.footer && !cur.closed) {
          cur.footer = toPlain(block.text.trim());
          cur.closed = true;
        } else {
          open({ description: `*${toMarkdown(oneLine(block.text))}*`, fields: [], closed: true });
        }
        break;
    }
  }
  return drafts;
}

function toEmbed(draft: Draft, color: number): APIEmbed {
  const embed: APIEmbed = { color };
  if (draft.title) embed.title = clip(draft.title, LIMITS.embedTitle);
  if (draft.url) embed.url = draft.url;
  if (draft.description) embed.description = clip(draft.description, LIMITS.embedDescription);
  if (draft.fields.length) {
    embed.fields = draft.fields.map((f) => ({
      name: clip(f.name, LIMITS.fieldName),
      value: clip(f.value, LIMITS.fieldValue),
      inline: f.inline ?? false,
    }));
  }
  if (draft.footer) embed.footer = { text: clip(draft.footer, LIMITS.footer) };
  return embed;
}

/** The characters Discord counts towards the 6000 total. */
export function embedLength(embed: APIEmbed): number {
  let total = (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0);
  total += embed.author?.name.length ?? 0;
  for (const f of embed.fields ?? []) total += f.name.length + f.value.length;
  return total;
}

/**
 * Shrinks the texts so that all embeds together fit `budget`: finds the largest cap such that
 * every text clipped to it fits ("water filling"), so short titles stay whole while long
 * descriptions give way.
 */
function fitTotal(embeds: APIEmbed[], budget: number): void {
  const total = embeds.reduce((sum, embed) => sum + embedLength(embed), 0);
  if (total <= budget) return;
  const lengths: number[] = [];
  for (const embed of embeds) {
    for (const text of [embed.title, embed.description, embed.footer?.text]) if (text) lengths.push(text.length);
    for (const f of embed.fields ?? []) lengths.push(f.name.length, f.value.length);
  }
  let low = 1;
  let high = Math.max(...lengths);
  while (low < high) {
    const cap = Math.ceil((low + high) / 2);
    const size = lengths.reduce((sum, n) => sum + Math.min(n, cap), 0);
    if (size <= budget) low = cap;
    else high = cap - 1;
  }
  const cap = low;
  for (const embed of embeds) {
    if (embed.title) embed.title = clip(embed.title, cap);
    if (embed.description) embed.description = clip(embed.description, cap);
    if (embed.footer) embed.footer.text = clip(embed.footer.text, cap);
    for (const f of embed.fields ?? []) {
      f.name = clip(f.name, cap);
      f.value = clip(f.value, cap);
    }
  }
}

export function renderEmbeds(blocks: readonly Block[], error = false): APIEmbed[] {
  const list = blocks.filter((block) => block.type === 'paper').length > 1;
  let drafts = layout(blocks, list);
  if (!list && drafts.length > LIMITS.embeds) drafts = layout(blocks, true);
  const color = error ? COLORS.error : COLORS.normal;
  const embeds = drafts
    .map((draft) => toEmbed(draft, color))
    .filter((embed) => embedLength(embed) > 0)
    .slice(0, LIMITS.embeds);
  fitTotal(embeds, LIMITS.embedsTotal);
  return embeds;
}
