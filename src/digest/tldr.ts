/**
 * A one-line TL;DR: the abstract's sentence that states the contribution
 * ("we propose ...", "this paper ...", "our method ..."), trimmed at a word boundary.
 */
export const TLDR_MAX = 200;

/** Abbreviations whose period does not end a sentence. */
const ABBREVIATIONS = /(?:\b(?:e\.g|i\.e|et al|etc|vs|cf|fig|eq|sec|approx|resp|no|dr|mr|ms)|\b[A-Z])\.$/i;

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
  [/\bwe (?:propose|introduce|present|develop|design|devise|formulate)\b/i, 5],
  [/\b(?:this|our) (?:paper|work|study|research|article) (?:proposes|introduces|presents|develops|describes)\b/i, 5],
  [/\b(?:we|this paper|this work) (?:address|tackle|study|investigate|explore|show|demonstrate|prove)\b/i, 3],
  [/\b(?:our|the proposed) (?:method|approach|model|framework|algorithm|system)\b/i, 2],
  [/\b(?:this|our) (?:paper|work)\b/i, 2],
];

function cueScore(sentence: string): number {
  return Math.max(0, ...CUES.map(([re, w]) => (re.test(sentence) ? w : 0)));
}

/** The contribution sentence, else the first sentence; never longer than TLDR_MAX. */
export function tldr(abstract: string): string {
  const sentences = splitSentences(abstract);
  let best = sentences[0] ?? '';
  let bestScore = 0;
  for (const s of sentences) {
    const score = cueScore(s);
    if (score > bestScore) [best, bestScore] = [s, score];
  }
  return trimAtWord(best, TLDR_MAX);
}

/** Cuts at the last word boundary that fits, adding an ellipsis (counted in `max`). */
export function trimAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}
