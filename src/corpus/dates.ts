const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

// "Mar 16, 2024", "Nov 25, 2024 2" (upvotes), "Jul 2", "Jul 18 5" (yearless + upvotes).
const DATE_LINE = /^([A-Za-z]{3})\s+(\d{1,2})(?:,\s*(\d{4}))?(?:\s+(\d+))?$/;
const HEADER_DATE = /^([A-Za-z]{3})\s+(\d{1,2})$/;

export interface DateLine {
  /** `YYYY-MM-DD`, absent when the line has no year and no capture date is known. */
  published?: string;
  upvotes?: number;
  yearless: boolean;
}

function monthIndex(name: string): number {
  return MONTHS.indexOf(name.toLowerCase());
}

function iso(year: number, month: number, day: number): string {
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function validDay(month: number, day: number): boolean {
  return month >= 0 && day >= 1 && day <= 31;
}

/** Parses a Daily Papers date line; `capturedOn` (`YYYY-MM-DD`) supplies the year of yearless dates. */
export function parseDateLine(text: string, capturedOn?: string): DateLine | undefined {
  const m = DATE_LINE.exec(text.trim());
  if (!m) return undefined;
  const month = monthIndex(m[1]!);
  const day = Number(m[2]);
  if (!validDay(month, day)) return undefined;
  const upvotes = m[4] === undefined ? undefined : Number(m[4]);
  const result: DateLine = { yearless: m[3] === undefined };
  if (upvotes !== undefined) result.upvotes = upvotes;
  if (m[3] !== undefined) {
    result.published = iso(Number(m[3]), month, day);
  } else if (capturedOn) {
    const [cy, cm, cd] = capturedOn.split('-').map(Number) as [number, number, number];
    // A page cannot list papers from its future, so a later month/day means the previous year.
    const later = month + 1 > cm || (month + 1 === cm && day > cd);
    result.published = iso(later ? cy - 1 : cy, month, day);
  }
  return result;
}

/** Recognises a header date such as `Nov 14` and returns it as written. */
export function parseHeaderDate(text: string): { month: number; day: number } | undefined {
  const m = HEADER_DATE.exec(text.trim());
  if (!m) return undefined;
  const month = monthIndex(m[1]!);
  const day = Number(m[2]);
  return validDay(month, day) ? { month: month + 1, day } : undefined;
}

export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));
}
