/**
 * BibTeX for a reading list: one `@misc` entry a paper, with arXiv's `eprint`, `archivePrefix`
 * and `primaryClass` when the arXiv id is known (what arXiv's own export gives, and what both
 * BibTeX and biblatex read). Keys follow the familiar `lecun2015deep` shape and never repeat.
 */
import type { Paper } from '../../corpus/paper.js';
import { arxivLinks } from '../arxiv-id.js';

const LATEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** Escapes text for a braced BibTeX value: special characters quoted, braces always balanced. */
export function latexEscape(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/[\\{}&%$#_~^]/g, (c) => LATEX_SPECIALS[c]!);
}

const STOP_WORDS = new Set(['a', 'an', 'the', 'on', 'of', 'for', 'in', 'to', 'and', 'with', 'via', 'towards', 'toward', 'is', 'are', 'at', 'by', 'from']);

/** ASCII letters and digits only: accents folded, everything else dropped. */
function keyPart(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');
}

function citationKey(paper: Paper): string {
  const family = keyPart(paper.authorNames?.[0]?.trim().split(/\s+/).at(-1) ?? '');
  const year = paper.published?.slice(0, 4) ?? '';
  const word = paper.title.split(/[\s\-:]+/).map(keyPart).find((w) => w.length > 0 && !STOP_WORDS.has(w)) ?? '';
  return `${family || 'paper'}${year}${word}` || paper.id;
}

function entry(paper: Paper, key: string): string {
  const fields: [string, string][] = [['title', `{${latexEscape(paper.title)}}`]];
  if (paper.authorNames?.length) fields.push(['author', paper.authorNames.map(latexEscape).join(' and ')]);
  if (paper.published) fields.push(['year', paper.published.slice(0, 4)]);
  if (paper.arxivId) {
    fields.push(['eprint', paper.arxivId], ['archivePrefix', 'arXiv']);
    if (paper.categories?.[0]) fields.push(['primaryClass', latexEscape(paper.categories[0])]);
    fields.push(['url', arxivLinks(paper.arxivId).abs]);
  } else if (paper.links[0]) {
    fields.push(['url', paper.links[0].url.replace(/[{}\\\s]/g, encodeURIComponent)]);
  }
  if (paper.abstract) fields.push(['abstract', latexEscape(paper.abstract)]);
  fields.push(['note', `paperbot ${paper.id}`]);
  const width = Math.max(...fields.map(([name]) => name.length));
  const body = fields.map(([name, value]) => `  ${name.padEnd(width)} = {${value}}`).join(',\n');
  return `@misc{${key},\n${body}\n}`;
}

export function toBibtex(papers: readonly Paper[]): string {
  const used = new Map<string, number>();
  const entries = papers.map((paper) => {
    const base = citationKey(paper);
    const n = used.get(base) ?? 0;
    used.set(base, n + 1);
    // lecun2015deep, lecun2015deepa, lecun2015deepb …
    return entry(paper, n === 0 ? base : `${base}${String.fromCharCode(96 + Math.min(n, 26))}${n > 26 ? n : ''}`);
  });
  return entries.length ? `${entries.join('\n\n')}\n` : '';
}
