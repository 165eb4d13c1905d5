/**
 * Finds calendar expressions in Vietnamese text the way offices write them — 30/11/2025,
 * 30-11-2025, "ngày 30 tháng 11 năm 2025", "tháng 12/2025", "quý II/2025", "năm 2025" — and
 * resolves each to the last day it allows (a month, quarter or year ends on its last day).
 * Works on folded text (see foldAligned) so missing diacritics do not matter.
 */
import { isoDate, lastDayOfMonth } from '../domain/time.js';

export type DatePrecision = 'day' | 'month' | 'quarter' | 'half' | 'year';

export interface DateHit {
  start: number;
  end: number;
  /** The resolved date, or null when the expression has no year and none was supplied. */
  date: string | null;
  precision: DatePrecision;
  /** True when the document wrote no year (e.g. "ngày 10/12"), as in yearly anchors. */
  yearless: boolean;
}

const ROMAN_QUARTER: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

function year4(raw: string): number {
  const n = Number(raw);
  return raw.length === 2 ? 2000 + n : n;
}

type Matcher = (m: RegExpExecArray, defaultYear: number | null) => Omit<DateHit, 'start' | 'end'> | null;

interface Pattern {
  re: RegExp;
  make: Matcher;
}

const SEP = String.raw`\s*[/\-.]\s*`;
const YEAR = String.raw`((?:19|20)\d{2})`;
const NAM = String.raw`(?:\s*,?\s*nam\s+|${SEP})`;

function dayDate(y: number, m: number, d: number): Omit<DateHit, 'start' | 'end'> | null {
  const date = isoDate(y, m, d);
  return date ? { date, precision: 'day', yearless: false } : null;
}

const PATTERNS: Pattern[] = [
  {
    // ngày 30 tháng 11 năm 2025 / ngày mùng 8 tháng 3 năm 2025 / ngày 30 tháng 11/2025
    re: new RegExp(String.raw`ngay\s+(?:mung\s+|mong\s+)?(\d{1,2})\s+thang\s+(\d{1,2})${NAM}${YEAR}`, 'g'),
    make: (m) => dayDate(Number(m[3]), Number(m[2]), Number(m[1])),
  },
  {
    // 30/11/2025, 30-11-2025, 30.11.2025, 30/11/25
    re: new RegExp(String.raw`(?<![\d/])(\d{1,2})${SEP}(\d{1,2})${SEP}((?:19|20)\d{2}|\d{2})(?![\d/])`, 'g'),
    make: (m) => dayDate(year4(m[3] ?? ''), Number(m[2]), Number(m[1])),
  },
  {
    // 6 tháng đầu năm 2025, 9 tháng đầu năm 2025, 6 tháng cuối năm 2025
    re: new RegExp(String.raw`(6|sau|9|chin)\s+thang\s+(dau|cuoi)\s+nam\s*${YEAR}`, 'g'),
    make: (m) => {
      const y = Number(m[3]);
      const months = m[2] === 'cuoi' ? 12 : m[1] === '9' || m[1] === 'chin' ? 9 : 6;
      return { date: lastDayOfMonth(y, months), precision: 'half', yearless: false };
    },
  },
  {
    // quý II/2025, quý 2 năm 2025, quý IV-2025
    re: new RegExp(String.raw`quy\s+(iv|iii|ii|i|[1-4])${NAM}${YEAR}`, 'g'),
    make: (m) => {
      const q = ROMAN_QUARTER[m[1] ?? ''];
      if (!q) return null;
      return { date: lastDayOfMonth(Number(m[2]), q * 3), precision: 'quarter', yearless: false };
    },
  },
  {
    // tháng 12/2025, tháng 12 năm 2025, tháng 12-2025
    re: new RegExp(String.raw`thang\s+(\d{1,2})${NAM}${YEAR}`, 'g'),
    make: (m) => {
      const month = Number(m[1]);
      if (month < 1 || month > 12) return null;
      return { date: lastDayOfMonth(Number(m[2]), month), precision: 'month', yearless: false };
    },
  },
  {
    // giai đoạn 2025-2030, năm 2025 - 2026: the end of the last year
    re: new RegExp(String.raw`(?:giai doan|nam)\s+${YEAR}\s*[-–—]\s*${YEAR}`, 'g'),
    make: (m) => ({ date: `${m[2]}-12-31`, precision: 'year', yearless: false }),
  },
  {
    // năm 2025
    re: new RegExp(String.raw`\bnam\s+${YEAR}(?![\d/])`, 'g'),
    make: (m) => ({ date: `${m[1]}-12-31`, precision: 'year', yearless: false }),
  },
  {
    // ngày 10/12, ngày 15 tháng 12 (no year)
    re: /ngay\s+(?:mung\s+|mong\s+)?(\d{1,2})(?:\s*[/\-.]\s*|\s+thang\s+)(\d{1,2})(?![\d/\-.]*\d)/g,
    make: (m, defaultYear) => yearless(Number(m[1]), Number(m[2]), defaultYear),
  },
  {
    // 10/12 (no year, no "ngày")
    re: /(?<![\d/.-])(\d{1,2})\/(\d{1,2})(?![\d/])/g,
    make: (m, defaultYear) => yearless(Number(m[1]), Number(m[2]), defaultYear),
  },
];

function yearless(day: number, month: number, defaultYear: number | null): Omit<DateHit, 'start' | 'end'> | null {
  if (!isoDate(2024, month, day)) return null;
  const date = defaultYear === null ? null : isoDate(defaultYear, month, day);
  return { date, precision: 'day', yearless: true };
}

/**
 * All date expressions in folded text, earliest first; where two overlap, the one found by the
 * more specific pattern (earlier in PATTERNS) wins.
 */
export function scanDates(folded: string, defaultYear: number | null = null): DateHit[] {
  const hits: DateHit[] = [];
  for (const { re, make } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(folded); m; m = re.exec(folded)) {
      const start = m.index;
      const end = start + m[0].length;
      if (hits.some((h) => start < h.end && end > h.start)) continue;
      const made = make(m, defaultYear);
      if (made) hits.push({ start, end, ...made });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** A bare year ("2025") or range of years ("2025 - 2026") standing alone as a whole time phrase. */
export function bareYear(folded: string): string | null {
  const m = /^\s*(?:(?:19|20)\d{2}\s*[-–—]\s*)?((?:19|20)\d{2})\s*$/.exec(folded);
  return m ? `${m[1]}-12-31` : null;
}
