/**
 * Word positions (word-positions.ts) find the papers with a run of words exactly as the token
 * streams do paper by paper (token-streams.ts `hasRun`), with and without the whitespace-only
 * rule between words: for runs cut from the corpus's own streams, and for runs that cross from a
 * title into its abstract or from one paper into the next, which no paper has.
 */
import { describe, expect, it } from 'vitest';
import { prng } from '../../bench/lib/synthetic.js';
import { loadCorpus } from '../../src/corpus/index.js';
import { appendToIndex } from '../../src/search/append-index.js';
import { buildIndex } from '../../src/search/postings.js';
import { hasRun, wordAt } from '../../src/search/token-streams.js';
import { builtPositions, memberOf, papersWithRun, PositionsBuilder, positionsBuilder } from '../../src/search/word-positions.js';

const { papers } = loadCorpus('data');
const index = buildIndex(papers);
const { streams } = index;
const builder = new PositionsBuilder(streams, index.surfaceWords.length);
for (const step of builder.steps()) step();
const positions = builder.result!;

/** Runs of 1–4 tokens from random places, and runs across each kind of boundary. */
function runs(): number[][] {
  const random = prng(11);
  const out: number[][] = [];
  const tokens = streams.low.length;
  for (let i = 0; i < 400; i++) {
    const start = Math.floor(random() * tokens);
    const length = 1 + Math.floor(random() * 4);
    out.push(Array.from({ length: Math.min(length, tokens - start) }, (_, k) => wordAt(streams, start + k)));
  }
  // The last word of a field and the first of the next (a title's abstract, the next paper's title).
  for (let f = 1; f < 300; f++) {
    const at = streams.starts[f]!;
    if (at > 0 && at < tokens && streams.starts[f - 1]! < at) out.push([wordAt(streams, at - 1), wordAt(streams, at)]);
  }
  return out;
}

describe('word positions', () => {
  it('hold every token of the streams once, under its word, in order', () => {
    expect(positions.positions.length).toBe(streams.low.length);
    for (let w = 0; w < 200; w++) {
      for (let i = positions.offsets[w]!; i < positions.offsets[w + 1]!; i++) {
        expect(wordAt(streams, positions.positions[i]!)).toBe(w);
        if (i > positions.offsets[w]!) expect(positions.positions[i]!).toBeGreaterThan(positions.positions[i - 1]!);
      }
    }
  });

  it.each([true, false])('find the papers with a run as the streams do, paper by paper (joined: %s)', (joined) => {
    const mismatches: string[] = [];
    let found = 0;
    for (const run of runs()) {
      const expected: number[] = [];
      for (let doc = 0; doc < papers.length; doc++) if (hasRun(streams, doc, run, joined)) expected.push(doc);
      const got = [...papersWithRun(positions, streams, run, joined)];
      if (JSON.stringify(got) !== JSON.stringify(expected)) mismatches.push(`${run.map((w) => index.surfaceWords[w]).join(' ')}: ${got.length} papers, should be ${expected.length}`);
      found += expected.length;
    }
    expect(mismatches).toEqual([]);
    expect(found).toBeGreaterThan(400);
  });

  it('are built in steps that each do part of the work', () => {
    const stepwise = new PositionsBuilder(streams, index.surfaceWords.length);
    expect(stepwise.step()).toBe(false);
    expect(stepwise.result).toBeUndefined();
    while (!stepwise.step());
    expect(stepwise.result!.positions).toEqual(positions.positions);
  });

  it('answer membership asked in any order', () => {
    const docs = Int32Array.from([2, 5, 9, 40, 41]);
    const has = memberOf(docs);
    const asked = [0, 2, 3, 5, 41, 40, 9, 1, 2, 50, 41];
    expect(asked.map(has)).toEqual([false, true, false, true, true, true, true, false, true, false, true]);
  });

  it('of an index with papers appended start from the positions before, and equal a build from scratch', () => {
    const before = buildIndex(papers.slice(0, 300));
    const first = positionsBuilder(before.streams, before.surfaceWords.length);
    for (const step of first.steps()) step();
    const after = appendToIndex(before, papers.slice(300));
    const appended = positionsBuilder(after.streams, after.surfaceWords.length);
    expect(appended.extends).toBe(true);
    for (const step of appended.steps()) step();
    const scratch = new PositionsBuilder(after.streams, after.surfaceWords.length);
    for (const step of scratch.steps()) step();
    expect(appended.extends).toBe(true);
    expect(builtPositions(after.streams)!.offsets).toEqual(scratch.result!.offsets);
    expect(builtPositions(after.streams)!.positions).toEqual(scratch.result!.positions);
    // The appended papers bring words the first 300 lack.
    expect(after.surfaceWords.length).toBeGreaterThan(before.surfaceWords.length);
  });

  it('of an index appended to before its positions were built are built from scratch', () => {
    const before = buildIndex(papers.slice(0, 200));
    const after = appendToIndex(before, papers.slice(200, 260));
    const builder = positionsBuilder(after.streams, after.surfaceWords.length);
    expect(builder.extends).toBe(false);
    for (const step of builder.steps()) step();
    expect(builder.result!.positions.length).toBe(after.streams.low.length);
  });
});
