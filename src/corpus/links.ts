import type { PaperLink } from './paper.js';

// `{` is excluded because in these abstracts it only follows a URL as LaTeX residue
// ("https://x.github.io/logosticker{Project page}"); `}` is kept and trimmed below unless balanced.
const URL_PATTERN = /(?:https?:\/\/|www\.)[^\s<>"'\\{]+/gi;
const TRAILING_PUNCTUATION = /[.,;:!?*]$/;
const CLOSERS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
const CODE_HOSTS = ['github.com', 'gitlab.com', 'huggingface.co', 'hf.co', 'bitbucket.org', 'codeberg.org', 'gitee.com', 'sourceforge.net'];

function count(text: string, ch: string): number {
  return text.split(ch).length - 1;
}

/** Strips sentence punctuation and closing brackets that belong to the surrounding text, not the URL. */
export function trimUrl(raw: string): string {
  let url = raw;
  for (;;) {
    const last = url.slice(-1);
    const opener = CLOSERS[last];
    if (TRAILING_PUNCTUATION.test(url)) url = url.slice(0, -1);
    else if (opener !== undefined && count(url, last) > count(url, opener)) url = url.slice(0, -1);
    else return url;
  }
}

export function linkKind(url: string): PaperLink['kind'] {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return 'project';
  }
  return CODE_HOSTS.some((h) => host === h || host.endsWith(`.${h}`)) ? 'code' : 'project';
}

/** Every distinct http(s) link in the text, in order of appearance. Bare `www.` links get `https://`. */
export function extractLinks(text: string): PaperLink[] {
  const seen = new Set<string>();
  const links: PaperLink[] = [];
  for (const match of text.matchAll(URL_PATTERN)) {
    let url = trimUrl(match[0]);
    if (/^www\./i.test(url)) url = `https://${url}`;
    if (!/^https?:\/\/[^/]+\.[^/]+/i.test(url) || seen.has(url)) continue;
    seen.add(url);
    links.push({ url, kind: linkKind(url) });
  }
  return links;
}
