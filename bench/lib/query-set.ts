/**
 * The measured query set: 240 distinct queries of every kind people type, each asked once per
 * round. The hand-written ones (bench/queries.ts) are kept; the rest are drawn from the real
 * corpus with a seeded PRNG, so the set is the same on every run and at every size (the
 * synthetic corpora reuse the real papers' text, so their words occur there too):
 *
 * - word: a real word of five letters or more, from rare to common;
 * - words: two adjacent content words of a real title;
 * - typo: a real word of seven letters or more with one letter dropped, doubled or swapped;
 * - prefix: the first 4–6 letters of a real word;
 * - phrase: two adjacent words of a real abstract, quoted;
 * - descriptive: 8–14 consecutive words of a real abstract sentence;
 * - nomatch: letters that spell no word of any corpus;
 * - filter: the hand-written filter queries only (dates, sorts, exclusions).
 *
 * The words of "words", "phrase" and "descriptive" queries come from the real corpus, so at 20k
 * and beyond they also match synthetic papers, which recombine the real sentences.
 */
import type { Paper } from '../../src/corpus/paper.js';
import { QUERIES, type BenchQuery } from '../queries.js';
import { prng } from './synthetic.js';

export type QueryKind = BenchQuery['kind'] | 'nomatch';
export interface MeasuredQuery {
  kind: QueryKind;
  q: string;
}

/** How many queries of each kind, hand-written ones included. */
export const KIND_COUNTS: Record<QueryKind, number> = {
  word: 40,
  words: 40,
  typo: 30,
  prefix: 30,
  phrase: 30,
  descriptive: 30,
  nomatch: 20,
  filter: 7,
};

const STOP = new Set('about above after again against also among an and any are as at be because been before being between both but by can could did do does doing during each few for from further had has have having here how if in into is it its itself just more most no nor not now of off on once only or other our out over own same should so some such than that the their them then there these they this those through to too under until up very was we were what when where which while who why will with would you your using based via show shows propose proposed method methods paper approach results'.split(' '));

export function measuredQueries(real: readonly Paper[], seed = 20240607): MeasuredQuery[] {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const words = (text: string) => text.toLowerCase().match(/[a-z]+(?:-[a-z]+)*/g) ?? [];
  const vocabulary = [...new Set(real.flatMap((p) => words(`${p.title} ${p.abstract}`)))].filter((w) => !STOP.has(w) && !w.includes('-')).sort();
  const known = new Set(vocabulary);
  const content = (w: string) => w.length >= 4 && !STOP.has(w);
  const sentences = real.flatMap((p) => p.abstract.split(/(?<=[.!?])\s+/)).filter((s) => words(s).length >= 16);

  const out: MeasuredQuery[] = QUERIES.map((x) => ({ kind: x.kind, q: x.q }));
  const seen = new Set(out.map((x) => x.q.toLowerCase()));
  const add = (kind: QueryKind, make: () => string | undefined) => {
    for (let tries = 0; out.filter((x) => x.kind === kind).length < KIND_COUNTS[kind]; tries++) {
      if (tries > 10_000) throw new Error(`measuredQueries: could not draw enough ${kind} queries`);
      const q = make();
      if (!q || seen.has(q.toLowerCase())) continue;
      seen.add(q.toLowerCase());
      out.push({ kind, q });
    }
  };
  add('word', () => pick(vocabulary.filter((w) => w.length >= 5)));
  add('words', () => {
    const ws = words(pick(real).title).filter(content);
    if (ws.length < 2) return undefined;
    const i = Math.floor(random() * (ws.length - 1));
    return `${ws[i]} ${ws[i + 1]}`;
  });
  add('typo', () => {
    const w = pick(vocabulary.filter((x) => x.length >= 7));
    const i = 1 + Math.floor(random() * (w.length - 2));
    const edit = Math.floor(random() * 3);
    const typo = edit === 0 ? w.slice(0, i) + w.slice(i + 1) : edit === 1 ? w.slice(0, i) + w[i] + w.slice(i) : w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
    return known.has(typo) || typo === w ? undefined : typo;
  });
  add('prefix', () => {
    const w = pick(vocabulary.filter((x) => x.length >= 8));
    return w.slice(0, 4 + Math.floor(random() * 3));
  });
  add('phrase', () => {
    const ws = words(pick(sentences)).filter((w) => !w.includes('-'));
    const i = Math.floor(random() * (ws.length - 1));
    return content(ws[i]!) && content(ws[i + 1]!) ? `"${ws[i]} ${ws[i + 1]}"` : undefined;
  });
  add('descriptive', () => {
    const ws = words(pick(sentences));
    const length = 8 + Math.floor(random() * 7);
    const i = Math.floor(random() * (ws.length - length));
    return ws.slice(i, i + length).join(' ');
  });
  add('nomatch', () => {
    const letters = 'bcdfghjklmnpqrstvwxz';
    const w = Array.from({ length: 7 + Math.floor(random() * 4) }, () => pick([...letters])).join('');
    return random() < 0.5 ? w : `${w} ${Array.from({ length: 6 }, () => pick([...letters])).join('')}`;
  });
  return out;
}
