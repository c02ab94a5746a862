/**
 * Query planning: the words a query searches for and the stems each of them accepts.
 *
 * Hyphenated, spaced and joined spellings plan alike. "self-supervised", "self supervised" and
 * "selfsupervised" all become the words "self" and "supervised", and each of them also accepts
 * the joined compound "selfsupervis", which the index holds wherever a paper writes the word
 * hyphenated or joined. So a paper with any of the three spellings has both words, and the
 * three queries find the same papers with the same scores. The same goes for "text-to-3D",
 * "text to 3d" and "textto3d" (stop words inside a compound count for the joined form).
 *
 * A joined query word is split only when the corpus has it as a hyphenated compound: splitting
 * "transformer" into "trans" + "former" because both are words would be wrong.
 */
import { MAX_COMPOUND_PARTS, normalize, processNormalized, STOP_WORDS, tokenize } from './text.js';

export interface PlanVocabulary {
  /** Papers containing a stem in title or abstract. */
  df(stem: string): number;
  /** True for stems that occur as joined hyphenated compounds. */
  isCompound(stem: string): boolean;
  /** True for surface words of the corpus. */
  hasWord(word: string): boolean;
}

export interface PlannedWord {
  /** The word, lowercased: as typed, or a part of a joined word that was split. */
  token: string;
  stem: string;
  /** Stems of joined forms this word is part of: a paper with one of them has the word. */
  joined: string[];
  /** Part of a joined word the planner split: its spelling is known, so never loosened. */
  fromSplit: boolean;
}

export interface WordPair {
  first: string;
  second: string;
  /** Stem of the two words written as one (stop words between them included), when the corpus has it. */
  joined?: string;
}

export interface QueryPlan {
  /** Distinct words (by stem), in query order. */
  words: PlannedWord[];
  /** Adjacent words in query order: a paper that has them side by side (or joined) is closer to the query. */
  pairs: WordPair[];
}

interface Unit {
  token: string;
  stem: string | null;
  fromSplit: boolean;
  joined: Set<string>;
}

/** Plans `texts` (each its own run of words: joined forms never span two texts). */
export function planQuery(texts: readonly string[], vocab: PlanVocabulary): QueryPlan {
  const byStem = new Map<string, PlannedWord>();
  const pairs: WordPair[] = [];
  let previous: { stem: string; text: number; at: number } | undefined;
  texts.forEach((text, t) => {
    const units = splitJoined(tokenize(normalize(text)), vocab);
    const joinedRuns = markJoinedRuns(units, vocab);
    units.forEach((unit, at) => {
      if (!unit.stem) return;
      const word = byStem.get(unit.stem);
      if (word) {
        for (const j of unit.joined) if (!word.joined.includes(j)) word.joined.push(j);
        word.fromSplit ||= unit.fromSplit;
      } else {
        byStem.set(unit.stem, { token: unit.token, stem: unit.stem, joined: [...unit.joined], fromSplit: unit.fromSplit });
      }
      if (previous) {
        const joined = previous.text === t ? joinedRuns.get(`${previous.at} ${at}`) : undefined;
        pairs.push({ first: previous.stem, second: unit.stem, ...(joined ? { joined } : {}) });
      }
      previous = { stem: unit.stem, text: t, at };
    });
  });
  return { words: [...byStem.values()], pairs };
}

/** The parts of `token` (lowercased) when the corpus has it as a joined hyphenated compound. */
export function compoundParts(token: string, vocab: PlanVocabulary): string[] | undefined {
  const stem = processNormalized(token);
  return stem && vocab.isCompound(stem) ? segment(token, vocab) : undefined;
}

/** Tokens, with each joined compound the corpus knows split into its parts. */
function splitJoined(tokens: string[], vocab: PlanVocabulary): Unit[] {
  return tokens.flatMap((token): Unit[] => {
    const stem = processNormalized(token);
    const parts = compoundParts(token, vocab);
    if (!parts) return [{ token, stem, fromSplit: false, joined: new Set() }];
    return parts.map((part) => ({ token: part, stem: processNormalized(part), fromSplit: true, joined: new Set() }));
  });
}

/**
 * Adds to each word the joined forms of the runs of 2 to MAX_COMPOUND_PARTS tokens it is in,
 * when the corpus has them; returns the joined stem of each run by its first and last position.
 */
function markJoinedRuns(units: Unit[], vocab: PlanVocabulary): Map<string, string> {
  const runs = new Map<string, string>();
  for (let i = 0; i < units.length; i++) {
    for (let end = i + 1; end < Math.min(units.length, i + MAX_COMPOUND_PARTS); end++) {
      const joined = processNormalized(units.slice(i, end + 1).map((u) => u.token).join(''));
      if (!joined || vocab.df(joined) === 0) continue;
      runs.set(`${i} ${end}`, joined);
      for (let k = i; k <= end; k++) if (units[k]!.stem && units[k]!.stem !== joined) units[k]!.joined.add(joined);
    }
  }
  return runs;
}

/** A part of a joined word: a corpus word, a stop word, a number or a single character. */
function isPart(part: string, vocab: PlanVocabulary): boolean {
  return part.length === 1 || STOP_WORDS.has(part) || /^\d+$/.test(part) || vocab.hasWord(part);
}

/**
 * `token` as the fewest parts (2 to MAX_COMPOUND_PARTS), the first as long as possible, then the
 * second, and so on; undefined when it has no such split.
 */
export function segment(token: string, vocab: PlanVocabulary): string[] | undefined {
  const n = token.length;
  // fewest[i]: fewest parts covering token[i..]; next[i]: where the first of them ends (the latest such).
  const fewest = new Array<number>(n + 1).fill(Infinity);
  const next = new Array<number>(n + 1).fill(-1);
  fewest[n] = 0;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = n; j > i; j--) {
      if (i === 0 && j === n) continue;
      if (fewest[j]! + 1 < fewest[i]! && isPart(token.slice(i, j), vocab)) {
        fewest[i] = fewest[j]! + 1;
        next[i] = j;
      }
    }
  }
  if (fewest[0]! > MAX_COMPOUND_PARTS) return undefined;
  const parts: string[] = [];
  for (let i = 0; i < n; i = next[i]!) parts.push(token.slice(i, next[i]));
  return parts;
}
