import { describe, expect, it } from 'vitest';
import { shortenAtClause, tldr, TLDR_HARD_MAX, withoutOpeners } from '../../src/digest/tldr.js';
import { createLibrary } from '../../src/search/library.js';
import { mergeSourcePaper } from '../../src/sources/merge.js';
import { normaliseHfPaper } from '../../src/sources/hf-normalise.js';
import { hfPaper } from '../fakes/hf/fixtures.js';
import { realLibrary } from '../search/helpers.js';

/** Openers that say nothing on their own; a TL;DR must not start with one. */
const FILLER =
  /^(?:to (?:address|tackle|overcome|solve|mitigate|alleviate|bridge|resolve|remedy|fix|deal with|cope with) (?:this|these|that|those|them|it|such|the (?:above|aforementioned))\b|to (?:this|that|the) end\b|towards? this (?:end|goal)\b|in this (?:paper|work|study|article|context)\b|here,? we\b|(?:motivated|inspired|based|building) (?:by|on|upon) (?:this|these|that|those)\b|in light of (?:this|these)\b|addressing (?:this|these)\b|(?:then|finally|first|next|specifically|particularly|moreover|furthermore|additionally|however|therefore|thus|hence|consequently|notably|importantly|in addition|in particular|in contrast|as a result|recently),)/i;

describe('TL;DRs of the whole real corpus', () => {
  const { papers, library } = realLibrary();
  const all = papers.map((p) => ({ paper: p, tldr: library.tldr(p) }));

  it('none starts with a filler phrase', () => {
    expect(all.filter((x) => FILLER.test(x.tldr)).map((x) => x.tldr)).toEqual([]);
  });

  it('none ends in an ellipsis; each ends a sentence, within the length limit', () => {
    expect(all.filter((x) => /(?:…|\.\.\.)$/.test(x.tldr)).map((x) => x.tldr)).toEqual([]);
    expect(all.filter((x) => !/[.!?]["')\]]?$/.test(x.tldr)).map((x) => x.tldr)).toEqual([]);
    expect(all.filter((x) => x.tldr.length > TLDR_HARD_MAX || x.tldr.length < 20).map((x) => x.tldr)).toEqual([]);
  });

  it('each is a sentence of the abstract, or one cut where a clause ends', () => {
    const cutAtClause = /^(?:[.!?]|[,;:]|\s[–—]|\s(?:by|through|via|using|based on|without|which|while|whereas|where|thereby|to)\b)/;
    const broken = all.filter(({ paper, tldr: t }) => {
      const body = t.replace(/[.!?]$/, '');
      const abstract = paper.abstract.replace(/\s+/g, ' ');
      // Case of the first letter aside: a removed opener capitalises what follows it.
      const at = abstract.toLowerCase().indexOf(body.toLowerCase());
      return at < 0 || !cutAtClause.test(abstract.slice(at + body.length));
    });
    expect(broken.map((x) => x.tldr)).toEqual([]);
  });

  it('most are the contribution sentence', () => {
    const contribution = all.filter((x) => /^(?:we|this (?:paper|work|study)|our)\b/i.test(x.tldr));
    expect(contribution.length / all.length).toBeGreaterThan(0.85);
  });
});

describe('choosing and trimming the sentence', () => {
  it('drops rhetorical openers, however many', () => {
    expect(withoutOpeners('To address these issues, we propose FooNet.')).toBe('We propose FooNet.');
    expect(withoutOpeners('In this paper, we study bar.')).toBe('We study bar.');
    expect(withoutOpeners('Then, to this end, we introduce baz.')).toBe('We introduce baz.');
    expect(withoutOpeners('To deal with this, we design qux.')).toBe('We design qux.');
    expect(withoutOpeners('Motivated by these findings, we present a loss.')).toBe('We present a loss.');
    // A purpose with content of its own stays.
    expect(withoutOpeners('To achieve fast convergence, we present SNS.')).toBe('To achieve fast convergence, we present SNS.');
  });

  it('prefers the contribution sentence to background', () => {
    const abstract = 'Diffusion models are popular. However, they are slow. To address this issue, we propose a one-step sampler. It is fast.';
    expect(tldr(abstract)).toBe('We propose a one-step sampler.');
  });

  it('keeps a sentence up to the hard limit whole, and cuts a longer one where a clause ends', () => {
    const medium = `We propose a sampler ${'that is fast '.repeat(15)}and accurate.`;
    expect(medium.length).toBeGreaterThan(200);
    expect(tldr(medium)).toBe(medium);
    const long = `We propose a sampler for latent diffusion models of images and videos that runs in a single step; ${'it is fast and it is accurate, '.repeat(10)}as we show.`;
    expect(tldr(long)).toBe('We propose a sampler for latent diffusion models of images and videos that runs in a single step.');
  });

  it('never ends a shortened sentence on a dangling word or inside a dependent clause', () => {
    const s = `We demonstrate how our approach can halve the prediction time and, unlike other methods which can increase the training time by an order of magnitude, ${'we demonstrate a similar reduction in training times '.repeat(3)}.`;
    const short = shortenAtClause(s, 200);
    expect(short === undefined || !/unlike other methods which can increase the training time\.$/.test(short)).toBe(true);
    // Breaks before "by" and before "which": the later one would end the sentence on "by".
    expect(shortenAtClause('We present a new framework by which everything follows from a few simple rules about it.', 60)).toBe('We present a new framework.');
  });

  it('returns the shortest sentence whole when none can be shortened', () => {
    const unbreakable = 'Aaaa '.repeat(80).trim();
    expect(tldr(`${unbreakable}. ${unbreakable} bbbb.`)).toBe(`${unbreakable}.`);
  });
});

describe("a source's own summary", () => {
  it("is the TL;DR of a paper from Hugging Face (ai_summary), not a sentence of its abstract", () => {
    const raw = hfPaper({ id: '2501.01234', summary: 'We propose a method. It works.', aiSummary: 'A one-line summary written by the source.' });
    const source = normaliseHfPaper(raw).paper!;
    const { paper } = mergeSourcePaper(source, undefined, new Date('2025-01-15T00:00:00Z'));
    expect(paper.summary).toBe('A one-line summary written by the source.');
    const library = createLibrary([paper]);
    expect(library.tldr(paper)).toBe('A one-line summary written by the source.');
    expect(library.digest('method', 1)[0]?.tldr).toBe('A one-line summary written by the source.');
  });
});
