/** arXiv identifiers: recognising them in the forms people paste, and the links they lead to. */

// New style (April 2007 on): YYMM.NNNN until 2014, YYMM.NNNNN since 2015.
const NEW_ID = String.raw`(\d{4}\.\d{4,5})`;
// Old style (1991 to March 2007): archive, optional subject class, then YYMMNNN.
const OLD_ID = String.raw`([a-z]+(?:-[a-z]+)?)(?:\.[a-z-]+)?\/(\d{7})`;
const ID = String.raw`(?:${NEW_ID}|${OLD_ID})(?:v\d+)?`;
const HOSTS = String.raw`(?:(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf)|(?:huggingface\.co|hf\.co)\/papers)`;
const BARE = new RegExp(String.raw`^(?:arxiv:)?${ID}$`, 'i');
const URL_FORM = new RegExp(String.raw`^(?:https?:\/\/)?${HOSTS}\/${ID}(?:\.pdf)?\/?(?:[?#].*)?$`, 'i');

/**
 * The versionless arXiv id in `text` (a bare id, `arXiv:` id, or arxiv.org / huggingface.co/papers
 * URL), else undefined. Old-style ids drop the subject class (`math.GT/0309136` → `math/0309136`):
 * arXiv and Hugging Face name those papers without it, so both sources agree on one key.
 */
export function canonicalArxivId(text: string): string | undefined {
  const trimmed = text.trim();
  const match = BARE.exec(trimmed) ?? URL_FORM.exec(trimmed);
  if (!match) return undefined;
  const [, newId, archive, number] = match;
  if (archive !== undefined && number !== undefined) return `${archive.toLowerCase()}/${number}`;
  if (newId === undefined) return undefined;
  const yymm = Number(newId.slice(0, 4));
  const month = yymm % 100;
  const digits = newId.length - 5;
  return month >= 1 && month <= 12 && digits === (yymm >= 1501 ? 5 : 4) ? newId : undefined;
}

export interface ArxivLinks {
  abs: string;
  pdf: string;
  hf: string;
}

/** Abstract, PDF and Hugging Face paper page of an arXiv id (any form `canonicalArxivId` accepts). */
export function arxivLinks(id: string): ArxivLinks {
  const canonical = canonicalArxivId(id);
  if (canonical === undefined) throw new RangeError(`not an arXiv id: ${JSON.stringify(id.slice(0, 60))}`);
  return {
    abs: `https://arxiv.org/abs/${canonical}`,
    pdf: `https://arxiv.org/pdf/${canonical}`,
    hf: `https://huggingface.co/papers/${canonical}`,
  };
}
