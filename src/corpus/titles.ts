const MAX_LENGTH = 85;

// "we propose a novel approach called Diffusion Bridge Network (DBN)", "We present the Groupwise
// Diffusion Model (GDM)", "we propose UDPReg, an unsupervised ...": the object of the verb is the name.
const LEAD = String.raw`\b[Ww]e\s+(?:propose|present|introduce)\s+(?:(?:a|an|the)\s+)?(?:(?:novel|new|simple|general|unified|effective|efficient|generic)\s+)*(?:(?:approach|method|framework|model|technique|algorithm|architecture|network|loss|system)\s*,?\s+)?(?:(?:called|named|dubbed|termed)\s+)?(?:the\s+)?`;
const NAMED_WITH_ACRONYM = new RegExp(`${LEAD}((?:[A-Z][\\w-]*\\s+){0,6}[A-Z][\\w-]*)\\s*\\(([A-Z][\\w-]*(?:\\s[A-Z][\\w-]*)?)\\)`);
const NAMED_TOKEN = new RegExp(`${LEAD}([A-Z][A-Za-z0-9-]*[A-Z0-9][A-Za-z0-9-]*),`);

// Leading phrases that set context; the subject of the sentence comes after the comma.
const SUBORDINATE_START = /^(?:with|despite|although|though|while|since|as|because|given|in|recently|due|owing|unlike|following|inspired|motivated|to|by|for)\b/i;
const WEAK_ENDINGS = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'to', 'in', 'on', 'for', 'with', 'by', 'from', 'as', 'at', 'that', 'which', 'is', 'are', 'its', 'their', 'has', 'have', 'been', 'be', 'was', 'were']);

/** First sentence, not fooled by "e.g.", "i.e." or "et al.". */
export function firstSentence(text: string): string {
  const end = /(?<!\b(?:e\.g|i\.e|et al|etc|vs|cf|Fig|Eq))[.!?](?=\s+[A-Z(\d]|$)/.exec(text);
  return (end ? text.slice(0, end.index) : text).trim();
}

/** Cuts at a word boundary at most `max` characters long, dropping dangling function words. */
export function trimAtWord(text: string, max = MAX_LENGTH): string {
  if (text.length <= max) return text;
  const words = text.slice(0, max + 1).split(' ');
  words.pop(); // possibly cut in the middle
  while (words.length > 1 && WEAK_ENDINGS.has(words[words.length - 1]!.toLowerCase().replace(/[,;:]$/, ''))) words.pop();
  return `${words.join(' ').replace(/[,;:]$/, '')}…`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The method name the abstract introduces, e.g. `GDM: Groupwise Diffusion Model`. */
export function namedMethod(abstract: string): string | undefined {
  const acronym = NAMED_WITH_ACRONYM.exec(abstract);
  if (acronym) return `${acronym[2]}: ${acronym[1]!.trim()}`;
  const token = NAMED_TOKEN.exec(abstract);
  return token ? token[1] : undefined;
}

/** A readable, never empty title for a paper whose copies all lack one. */
export function deriveTitle(abstract: string): string {
  const named = namedMethod(abstract);
  if (named) return named;
  // A non-restrictive "X, which ..., has" clause delays the verb past the length limit.
  let sentence = firstSentence(abstract).replace(/, (?:which|who|where) [^,]{1,120}, /, ' ');
  const comma = sentence.indexOf(', ');
  if (SUBORDINATE_START.test(sentence) && comma > 0 && sentence.length - comma > 30) {
    sentence = capitalise(sentence.slice(comma + 2));
  }
  const title = trimAtWord(sentence);
  return /[\p{L}\p{N}]/u.test(title) ? title : 'Untitled paper';
}
