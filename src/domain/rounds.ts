/**
 * Report rounds (kỳ báo cáo), as pure rules: which period a key names, when its report is due by
 * the organisation's policy or a plan's own anchors, when collection starts, and how a unit
 * head's answer reads ("giữ nguyên", or the result with "Sản phẩm:", "Khó khăn:", "Đề xuất:").
 */
import type { WorkCalendar } from './calendar.js';
import type { TaskSchedule } from './recurrence.js';
import { fold } from './text.js';
import { isoDate, lastDayOfMonth, parseIsoDate } from './time.js';

export interface Period {
  key: string;
  kind: 'quarter' | 'year' | 'range';
  from: string;
  to: string;
}

export interface ReportPolicy {
  /** Day of the quarter's last month a quarterly report is due (seed 002: "ngày mùng 08 tháng cuối quý"). */
  quarterDay: number;
  /** Day and month a yearly report is due (seed 002: "ngày 10/12 hằng năm"). */
  yearDay: number;
  yearMonth: number;
  /** Working days before the due date on which the heads are asked. */
  collectWorkingDays: number;
  /** Who is asked for a unit's results: its head, or each task's owners. */
  ask: 'unit_head' | 'owner';
  /** Open each quarter's and year's round by itself when its collection starts (else the office opens them). */
  autoOpen: boolean;
}

export const DEFAULT_REPORT_POLICY: Readonly<ReportPolicy> = Object.freeze({
  quarterDay: 8,
  yearDay: 10,
  yearMonth: 12,
  collectWorkingDays: 5,
  ask: 'unit_head',
  autoOpen: false,
});

/** "2026-Q4" or "2026" → the period; null for anything else. */
export function parsePeriod(value: string): Period | null {
  const quarter = /^(\d{4})-Q([1-4])$/i.exec(value.trim());
  if (quarter) {
    const year = Number(quarter[1]);
    const q = Number(quarter[2]);
    return { key: `${year}-Q${q}`, kind: 'quarter', from: isoDate(year, q * 3 - 2, 1)!, to: lastDayOfMonth(year, q * 3) };
  }
  const year = /^(\d{4})$/.exec(value.trim());
  if (year) return { key: year[1]!, kind: 'year', from: `${year[1]}-01-01`, to: `${year[1]}-12-31` };
  return null;
}

/** A period of explicit dates (`--from D --to D`). */
export function rangePeriod(from: string, to: string): Period {
  return { key: `${from}..${to}`, kind: 'range', from, to };
}

/** The period of a kind that contains a date. */
export function periodContaining(kind: 'quarter' | 'year', date: string): Period {
  const [year, month] = parseIsoDate(date);
  return parsePeriod(kind === 'year' ? String(year) : `${year}-Q${Math.ceil(month / 3)}`)!;
}

const clampDay = (year: number, month: number, day: number): string => isoDate(year, month, day) ?? lastDayOfMonth(year, month);

/**
 * The due date of a period's report: a plan's own anchor when it has one for this kind of period
 * (quarterly: day N of the quarter's month; yearly: day/month), else the policy's.
 */
export function defaultDue(period: Period, policy: ReportPolicy, anchors: readonly TaskSchedule[] = []): string {
  const [year] = parseIsoDate(period.to);
  if (period.kind === 'quarter') {
    const lastMonth = parseIsoDate(period.to)[1];
    const anchor = anchors.find((a) => a.kind === 'quarterly');
    if (anchor?.kind === 'quarterly') return clampDay(year, lastMonth - 3 + anchor.monthOfQuarter, anchor.day);
    return clampDay(year, lastMonth, policy.quarterDay);
  }
  if (period.kind === 'year') {
    const anchor = anchors.find((a) => a.kind === 'yearly');
    if (anchor?.kind === 'yearly') return clampDay(year, anchor.month, anchor.day);
    return clampDay(year, policy.yearMonth, policy.yearDay);
  }
  return period.to;
}

/** The working day `n` working days before the due date (the due date itself when n is 0). */
export function collectFrom(due: string, calendar: WorkCalendar, n: number): string {
  return calendar.addWorkingDays(calendar.previousWorkingDay(due), -n);
}

export type RoundAnswer = { kind: 'keep' } | { kind: 'result'; result: string; product: string | null; difficulties: string | null; proposals: string | null };

const KEEP = new Set(['giu nguyen', 'nhu cu', 'nhu ky truoc', 'keep', 'unchanged', 'same']);
const LABELS: { field: 'product' | 'difficulties' | 'proposals' | 'result'; words: string[] }[] = [
  { field: 'result', words: ['ket qua', 'da lam', 'result', 'done'] },
  { field: 'product', words: ['san pham', 'product'] },
  { field: 'difficulties', words: ['kho khan', 'vuong mac', 'ton tai', 'han che', 'difficulties', 'problems'] },
  { field: 'proposals', words: ['de xuat', 'kien nghi', 'proposals', 'proposal'] },
];

/** Reads a unit head's answer for one task; null when it is empty. */
export function parseRoundAnswer(text: string): RoundAnswer | null {
  const trimmed = text.normalize('NFC').trim();
  if (trimmed === '') return null;
  if (
    KEEP.has(
      fold(trimmed)
        .replace(/[.!]+$/u, '')
        .trim(),
    )
  )
    return { kind: 'keep' };
  const found: { field: (typeof LABELS)[number]['field']; at: number; end: number }[] = [];
  // Folded one character at a time, so positions in it are positions in the text.
  const foldedKeep = trimmed
    .split('')
    .map((c) => (fold(c) || ' ').slice(0, 1))
    .join('');
  for (const label of LABELS) {
    for (const word of label.words) {
      const m = new RegExp(`(^|[\\n;.,]\\s*|\\s)${word}\\s*:`, 'u').exec(foldedKeep);
      if (m) found.push({ field: label.field, at: m.index + m[1]!.length, end: m.index + m[0].length });
    }
  }
  found.sort((a, b) => a.at - b.at);
  const parts: Record<string, string> = {};
  const head = trimmed.slice(0, found[0]?.at ?? trimmed.length).trim();
  if (head) parts.result = head;
  for (const [i, f] of found.entries()) {
    const value = trimmed
      .slice(f.end, found[i + 1]?.at ?? trimmed.length)
      .trim()
      .replace(/[;,]$/, '')
      .trim();
    if (value) parts[f.field] = parts[f.field] ? `${parts[f.field]}; ${value}` : value;
  }
  return {
    kind: 'result',
    result: parts.result ?? '',
    product: parts.product ?? null,
    difficulties: parts.difficulties ?? null,
    proposals: parts.proposals ?? null,
  };
}
