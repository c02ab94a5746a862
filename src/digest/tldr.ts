/**
 * A one-line TL;DR from an abstract: the sentence that states the contribution ("we propose
 * ...", "this paper ..."), without its rhetorical opener ("To address these issues, we propose"
 * reads "We propose"), and never cut in mid-sentence: a long sentence is shortened at a clause
 * boundary and ends with a full stop.
 */
/** Length a shortened sentence aims for. */
export const TLDR_MAX = 200;
/** Longest TL;DR: a sentence up to this length is kept whole. */
export const TLDR_HARD_MAX = 280;

/** Abbreviations whose period does not end a sentence. */
const ABBREVIATIONS = /(?:\b(?:e\.g|i\.e|et al|etc|vs|cf|fig|eq|sec|approx|resp|no|dr|mr|ms|w\.r\.t)|\b[A-Z])\.$/i;

export function splitSentences(text: string): string[] {
  const parts = text.replace(/\s+/g, ' ').trim().split(/(?<=[.!?])\s+(?=[A-Z0-9"'(\[])/);
  const out: string[] = [];
  for (const part of parts) {
    const last = out[out.length - 1];
    if (last !== undefined && ABBREVIATIONS.test(last)) out[out.length - 1] = `${last} ${part}`;
    else out.push(part);
  }
  return out.filter((s) => s.length > 0);
}

/** Contribution cues, strongest first; a sentence scores by its best cue. */
const CUES: [RegExp, number][] = [
  [/\b(?:in this (?:paper|work|study)|this (?:paper|work|study)|here),? we (?:propose|introduce|present|develop|design|describe)\b/i, 6],
  // "we propose", also "we therefore propose", "we describe and analyze".
  [/\bwe (?:(?:\w+ly|therefore|thus|hence|also|further|then|first|here|now|instead) )?(?:propose|introduce|present|develop|design|devise|formulate|describe)\b/i, 5],
  [/\b(?:this|our) (?:paper|work|study|research|article) (?:proposes|introduces|presents|develops|describes)\b/i, 5],
  [/\b(?:a|an|the) (?:new|novel) \w+(?: \w+)?,? (?:called|named|dubbed|termed)\b/i, 4],
  [/\b(?:we|this paper|this work) (?:(?:\w+ ){0,4}and )?(?:address|tackle|study|investigate|explore|show|demonstrate|prove|establish|derive|lift|extend|generalize)\b/i, 3],
  [/\b(?:our|the proposed) (?:method|approach|model|framework|algorithm|system)\b/i, 2],
  [/\b(?:this|our) (?:paper|work)\b/i, 2],
];

function cueScore(sentence: string): number {
  return Math.max(0, ...CUES.map(([re, w]) => (re.test(sentence) ? w : 0)));
}

/**
 * Openers that carry no content of their own, each up to the comma that ends it (or up to "we").
 * Removed repeatedly: "Then, to address this, we ..." loses both.
 */
const OPENERS: RegExp[] = [
  /^\(?(?:\d{1,2}|[ivx]{1,4}|[a-h])\)\s+/i,
  /^(?:in|within) (?:this|the present|our) (?:paper|work|study|article|letter|report|thesis|note)\s*,?\s*/i,
  /^here(?:in)?\s*,?\s*(?=we\b)/i,
  /^to (?:address|tackle|overcome|solve|mitigate|alleviate|bridge|close|fill|resolve|remedy|circumvent|handle|fix|avoid|counter|combat|meet|answer|achieve) (?:this|these|that|those|such|the(?:se)? (?:above|aforementioned)|this and|both|all|the (?:limitations?|issues?|problems?|challenges?|gaps?|shortcomings?|drawbacks?))\b[^,]{0,80},\s*/i,
  /^(?:to|towards?) (?:this|that|the) (?:end|goal|aim)\s*,?\s*/i,
  /^(?:as a first step|as a step|as an? (?:first )?attempt)(?: towards?| in)? (?:this|that|the) (?:goal|end|direction)\s*,\s*/i,
  /^addressing (?:this|these|that|those|such|the above|the aforementioned)\b[^,]{0,60},\s*/i,
  // "To deal with this," "To verify this hypothesis," "To fix them,": the goal is the previous sentence's.
  /^to [a-z]+(?: (?:with|for|on|of|up))? (?:this|these|that|those|it|them|such)\b[^,]{0,80},\s*/i,
  /^(?:motivated|inspired|driven|guided|encouraged|informed) by (?:this|these|that|those|such|the above|our|the (?:above|aforementioned|success|observation|insight|finding|analysis))\b[^,]{0,100},\s*/i,
  /^(?:based|building|drawing|relying|capitalizing) (?:on|upon|from) (?:this|these|that|those|such|the above|our|the (?:above|aforementioned|observation|insight|finding|analysis))\b[^,]{0,80},\s*/i,
  /^in this (?:context|setting|light|spirit|direction|vein)\s*,\s*/i,
  /^in (?:light|view) of (?:this|these|that|those|such|the above)\b[^,]{0,60},\s*/i,
  /^(?:to do so|to that end|to achieve this|with this in mind|in doing so|for this purpose|towards this goal|toward this goal|in response)\s*,\s*/i,
  /^(?:then|finally|first(?:ly)?|second(?:ly)?|third(?:ly)?|next|specifically|concretely|moreover|furthermore|additionally|in addition|in particular|in contrast|by contrast|instead|however|therefore|thus|hence|consequently|as a result|accordingly|notably|importantly|crucially|overall|in summary|in short|in sum|to summarize|to sum up|in this regard|to this aim|as such|meanwhile|subsequently|ultimately|empirically|experimentally|theoretically|technically|practically|altogether|particularly|recently|currently|nowadays|today|to date)\s*,\s*/i,
  /^(?:then|finally|here|thus|hence|therefore|instead|first|next|specifically|empirically|experimentally|theoretically|ultimately|also)\s+(?=we\b)/i,
  /^[a-z]+ly\s*,\s*(?=we\b)/i,
];

/** The sentence without its rhetorical openers, starting with a capital letter. */
export function withoutOpeners(sentence: string): string {
  let s = sentence;
  for (let changed = true; changed; ) {
    changed = false;
    for (const opener of OPENERS) {
      const next = s.replace(opener, '');
      if (next !== s && next.length > 0) {
        s = next;
        changed = true;
      }
    }
  }
  return s === sentence ? s : s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * Where a sentence may be shortened, strongest first: the clause ends before these, and what
 * remains still says who does what ("We propose X, which ..." → "We propose X.").
 */
const CLAUSE_BREAKS: RegExp[] = [
  /;\s|\s[–—]\s|:\s/g,
  /,\s(?=(?:which|where|while|whereas|thereby|thus|so that|such that|and|but|yet|enabling|allowing|achieving|leading|resulting|making|yielding|outperforming|demonstrating|showing|improving|reducing|providing|offering|requiring|including|without|with|using|as|since|because|although|even|e\.g\.|i\.e\.|namely|particularly|especially)\b)/g,
  /\s(?=(?:by|through|via|using|based on|without|which|while|whereas|where|thereby|to (?:enable|improve|achieve|address|reduce|allow|make|ensure|obtain|produce|generate|learn|capture|facilitate))\b)/g,
];

/** Positions (0-based, before the break) of clause breaks outside brackets and quotes. */
function breaks(sentence: string, pattern: RegExp): number[] {
  const depthAt: number[] = [];
  let depth = 0;
  let quoted = false;
  for (const c of sentence) {
    depthAt.push(depth + (quoted ? 1 : 0));
    if (c === '(' || c === '[' || c === '{') depth++;
    else if ((c === ')' || c === ']' || c === '}') && depth > 0) depth--;
    else if (c === '"') quoted = !quoted;
  }
  return [...sentence.matchAll(pattern)].map((m) => m.index).filter((i) => depthAt[i] === 0);
}

/** Words a sentence cannot end on: cutting after them leaves it hanging ("a framework by."). */
const DANGLING = /\b(?:a|an|the|and|or|but|nor|of|to|by|for|with|from|in|on|at|as|via|into|onto|than|that|which|who|whose|where|when|while|whereas|its|their|our|this|these|those|is|are|was|were|be|been|can|could|may|might|will|would|should|not|both|either|such|very|more|most|less)$/i;
/** A clause that needs a main clause after it: a sentence cannot end inside one ("..., unlike other methods."). */
const DEPENDENT = /(?:^|,\s)(?:unlike|although|though|while|if|when|whereas|despite|because|since|as|even|given|once|unless|whether|to|instead of|rather than|compared to|in contrast to)\b[^,]*$/i;

/** True when `text` can stand as a sentence once a full stop ends it. */
function completes(text: string): boolean {
  const body = text.replace(/[\s,;:–—-]+$/, '');
  return !DANGLING.test(body) && !DEPENDENT.test(body.slice(body.indexOf(' ') + 1));
}

/** The sentence ended with a full stop (no trailing comma or colon before it). */
function endSentence(text: string): string {
  const trimmed = text.replace(/[\s,;:–—-]+$/, '');
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/**
 * `sentence` if it fits in `max`, else the sentence up to its last clause break that fits (and
 * keeps at least 40% of `max`), strongest breaks first; undefined when none does.
 */
export function shortenAtClause(sentence: string, max: number): string | undefined {
  if (sentence.length <= max) return sentence;
  for (const pattern of CLAUSE_BREAKS) {
    const fitting = breaks(sentence, pattern).filter((i) => i + 1 <= max && i >= max * 0.4 && completes(sentence.slice(0, i)));
    if (fitting.length) return endSentence(sentence.slice(0, fitting[fitting.length - 1]));
  }
  return undefined;
}

/** Sentences in the order they are worth trying: by contribution cue, then position. */
function candidates(abstract: string): string[] {
  const sentences = splitSentences(abstract);
  return sentences
    .map((s, i) => ({ s, i, score: cueScore(s) }))
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .map(({ s }) => withoutOpeners(s));
}

/**
 * The contribution sentence without its opener, else the first sentence: whole up to
 * TLDR_HARD_MAX, longer ones shortened at a clause boundary (to TLDR_MAX if one fits, else to
 * TLDR_HARD_MAX). When the best sentence fits neither way, the next best one is tried; never a
 * sentence cut in the middle.
 */
export function tldr(abstract: string): string {
  const sentences = candidates(abstract);
  for (const s of sentences) {
    // A whole sentence reads better than a shortened one: only a long one is cut, and harder.
    const short = s.length <= TLDR_HARD_MAX ? s : (shortenAtClause(s, TLDR_MAX) ?? shortenAtClause(s, TLDR_HARD_MAX));
    if (short) return short;
  }
  // Every sentence is long and unbreakable: the shortest, whole, rather than half of one.
  return sentences.reduce((best, s) => (s.length < best.length ? s : best), sentences[0] ?? '');
}

/** The source's own summary when it has one (written for this purpose), kept to a line the same way. */
export function tldrOf(paper: { abstract: string; summary?: string }): string {
  const summary = paper.summary?.replace(/\s+/g, ' ').trim();
  if (!summary) return tldr(paper.abstract);
  return shortenAtClause(summary, TLDR_HARD_MAX) ?? summary;
}
