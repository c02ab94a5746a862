import { parseHeaderDate } from '../dates.js';
import type { NumberedLine } from '../entry.js';

const HEADER_LINES = [
  /^new$/i,
  /^get trending papers in your email inbox( once a day)?!?$/i,
  /^subscribe$/i,
  /^daily papers$/i,
  /^by\s*AK and the research community$/i,
];
// The compact exports lose the newline after the Subscribe button: "SubscribeIdentity Preserving ...".
const GLUED_SUBSCRIBE = /^subscribe(?=\S)/i;

export interface PageHeader {
  /** True when at least one Daily Papers header line was found. */
  isPage: boolean;
  headerDate?: string;
  /** Lines after the header, blank ones included; a glued first title is already split off. */
  body: NumberedLine[];
}

/** Consumes the Daily Papers page header at the top of a file, if any. */
export function readPageHeader(lines: NumberedLine[]): PageHeader {
  let isPage = false;
  let headerDate: string | undefined;
  let i = 0;
  for (; i < lines.length; i++) {
    const text = lines[i]!.text.trim();
    if (text === '') continue;
    if (HEADER_LINES.some((re) => re.test(text))) {
      isPage = true;
      continue;
    }
    if (isPage && headerDate === undefined && parseHeaderDate(text)) {
      headerDate = text;
      continue;
    }
    if (isPage && GLUED_SUBSCRIBE.test(text)) {
      const first = { text: text.replace(GLUED_SUBSCRIBE, ''), line: lines[i]!.line };
      return { isPage, headerDate, body: [first, ...lines.slice(i + 1)] };
    }
    break;
  }
  return { isPage, headerDate, body: lines.slice(i) };
}
