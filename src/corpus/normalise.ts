/** Collapses every run of whitespace (including NBSP and line breaks) to one space and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** Abstract text as stored: NFKC folds ligatures and full-width forms that page exports sometimes carry. */
export function normaliseText(text: string): string {
  return collapseWhitespace(text.normalize('NFKC'));
}

/** Display title: keeps the raw wording, only canonical composition and whitespace are normalised. */
export function normaliseTitle(text: string): string {
  return collapseWhitespace(text.normalize('NFC'));
}

/**
 * Key that identifies the same abstract across exports. Only letters and digits survive, so copies
 * that differ in spacing, punctuation, case or accents still match.
 */
export function mergeKey(abstract: string): string {
  return abstract
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}
