/**
 * Reads the `due` object of a plan import (DESIGN.md §6: kind, date, rule and the phrase as
 * written) into a TaskSchedule, so a task imported from a Kế hoạch gets occurrences without
 * anyone retyping its timing. The phrase is matched after folding (no diacritics, lower case), so
 * "hằng năm", "hàng năm" and "hang nam" read alike.
 *
 * Defaults when the phrase names no day: yearly → 31/12, quarterly → the last day of the quarter,
 * monthly → the last day of the month; a quarterly day without "tháng đầu/giữa/cuối quý" is taken
 * in the last month of the quarter. "roadmap", "none" and a recurrence whose rule cannot be told
 * ("định kỳ theo quy định") give null: the office sets those by hand.
 */
import type { TaskSchedule } from './recurrence.js';
import { fold } from './text.js';
import { isoDate, parseIsoDate } from './time.js';
import type { DueKind, RecurrenceRule } from './types.js';

/** The `due` object of `plan import --json`. */
export interface DueSpec {
  kind: DueKind;
  date: string | null;
  rule: RecurrenceRule | null;
  text: string;
  /** Optional day of a recurrence (DESIGN §6): `{day, month}`, `{day, month_of_period}` or `{day}`. */
  anchor?: { day: number; month?: number; month_of_period?: 'first' | 'middle' | 'last' } | undefined;
}

const PERIOD_MONTH: Record<'first' | 'middle' | 'last', 1 | 2 | 3> = { first: 1, middle: 2, last: 3 };

/** The schedule an explicit anchor gives for a rule, when it fits that rule. */
function anchoredSchedule(rule: RecurrenceRule, anchor: NonNullable<DueSpec['anchor']>): TaskSchedule | null {
  const day = dayOfMonth(String(anchor.day));
  if (!day) return null;
  switch (rule) {
    case 'yearly':
      return anchor.month && isoDate(2000, anchor.month, day) ? { kind: 'yearly', month: anchor.month, day } : null;
    case 'quarterly':
      return { kind: 'quarterly', monthOfQuarter: PERIOD_MONTH[anchor.month_of_period ?? 'last'], day };
    case 'monthly':
      return { kind: 'monthly', day };
  }
}

const DAY = String.raw`(?:ngay\s+)?(?:mung\s+)?(\d{1,2})`;
/** "10/12", "10-12", "10.12", not part of a full date like 30/11/2025. */
const DAY_MONTH = new RegExp(String.raw`(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})(?!\d)(?!\s*[/.-]\s*\d)`);
/** "ngày 10 tháng 12" */
const DAY_MONTH_WORDS = new RegExp(String.raw`ngay\s+(?:mung\s+)?(\d{1,2})\s+thang\s+(\d{1,2})(?!\d)`);
const FULL_DATE = /(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?!\d)/;
const QUARTER_MONTH = new RegExp(
  String.raw`(?:${DAY}\s+)?(?:cua\s+)?thang\s+(dau|giua|cuoi|thu nhat|thu hai|thu ba|thu [123])\s+(?:cua\s+)?(?:moi\s+|hang\s+)?quy`,
);
/** "ngày 15" with no month after it. */
const BARE_DAY = /ngay\s+(?:mung\s+)?(\d{1,2})(?!\d)(?!\s*[/.-]\s*\d)(?!\s+thang\s+(?:\d|dau|giua|cuoi|thu))/;

const MARKERS: Record<RecurrenceRule, RegExp> = {
  yearly: /\b(?:hang|moi) nam\b/,
  quarterly: /\b(?:hang|moi) quy\b|thang (?:dau|giua|cuoi|thu \w+) (?:cua )?quy/,
  monthly: /\b(?:hang|moi) thang\b/,
};

const MONTH_OF_QUARTER: Record<string, 1 | 2 | 3> = {
  dau: 1,
  'thu nhat': 1,
  'thu 1': 1,
  giua: 2,
  'thu hai': 2,
  'thu 2': 2,
  cuoi: 3,
  'thu ba': 3,
  'thu 3': 3,
};

const dayOfMonth = (raw: string | undefined): number | null => {
  const day = Number(raw);
  return Number.isInteger(day) && day >= 1 && day <= 31 ? day : null;
};

function yearlyDay(text: string): { month: number; day: number } | null {
  const match = DAY_MONTH.exec(text) ?? DAY_MONTH_WORDS.exec(text);
  if (!match) return null;
  const day = Number(match[1]);
  const month = Number(match[2]);
  return isoDate(2000, month, day) ? { month, day } : null;
}

function quarterDay(text: string): { monthOfQuarter: 1 | 2 | 3; day: number | null } | null {
  const match = QUARTER_MONTH.exec(text);
  const monthOfQuarter = match?.[2] ? MONTH_OF_QUARTER[match[2]] : undefined;
  return monthOfQuarter ? { monthOfQuarter, day: dayOfMonth(match?.[1]) } : null;
}

const bareDay = (text: string): number | null => dayOfMonth(BARE_DAY.exec(text)?.[1]);

function inferRule(text: string): RecurrenceRule | null {
  for (const rule of ['quarterly', 'yearly', 'monthly'] as const) if (MARKERS[rule].test(text)) return rule;
  return null;
}

/** The schedule of one rule, read from folded text, with a known date as the next-best source. */
function scheduleFor(rule: RecurrenceRule, text: string, date: string | null): TaskSchedule {
  const known = date ? parseIsoDate(date) : null;
  switch (rule) {
    case 'yearly': {
      const found = yearlyDay(text) ?? (known ? { month: known[1], day: known[2] } : { month: 12, day: 31 });
      return { kind: 'yearly', ...found };
    }
    case 'quarterly': {
      const quarter = quarterDay(text);
      if (quarter) return { kind: 'quarterly', monthOfQuarter: quarter.monthOfQuarter, day: quarter.day ?? 31 };
      const day = bareDay(text);
      if (day) return { kind: 'quarterly', monthOfQuarter: 3, day };
      if (known) return { kind: 'quarterly', monthOfQuarter: (((known[1] - 1) % 3) + 1) as 1 | 2 | 3, day: known[2] };
      return { kind: 'quarterly', monthOfQuarter: 3, day: 31 };
    }
    case 'monthly':
      return { kind: 'monthly', day: bareDay(text) ?? known?.[2] ?? 31 };
  }
}

function validDate(date: string | null): string | null {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  return isoDate(...parseIsoDate(date));
}

/**
 * The schedule a `due` spec describes, or null when it names none (roadmap, none, an unknown
 * rule, a date kind without a date). `defaultCheckInDay` is the organisation's monthly check-in
 * day for ongoing ("thường xuyên") tasks, used unless the phrase names a day of the month.
 */
export function parseScheduleSpec(due: DueSpec, defaultCheckInDay: number): TaskSchedule | null {
  if (!dayOfMonth(String(defaultCheckInDay))) throw new RangeError(`check-in day must be 1..31, got ${defaultCheckInDay}`);
  const text = fold(due.text);
  const date = validDate(due.date);
  switch (due.kind) {
    case 'date': {
      if (date) return { kind: 'date', due: date };
      const match = FULL_DATE.exec(text);
      const written = match ? isoDate(Number(match[3]), Number(match[2]), Number(match[1])) : null;
      return written ? { kind: 'date', due: written } : null;
    }
    case 'recurring': {
      const rule = due.rule ?? inferRule(text);
      if (!rule) return null;
      return (due.anchor ? anchoredSchedule(rule, due.anchor) : null) ?? scheduleFor(rule, text, date);
    }
    case 'ongoing':
      return { kind: 'ongoing', checkInDay: (MARKERS.monthly.test(text) ? bareDay(text) : null) ?? defaultCheckInDay };
    case 'roadmap':
    case 'none':
      return null;
  }
}

/**
 * Every schedule a recurring phrase names: the one of its rule first, then those of other rules
 * the phrase states explicitly, e.g. "ngày mùng 08 tháng cuối quý và ngày 10/12 hằng năm" →
 * quarterly 8th of the last month, and yearly 10/12.
 */
export function parseScheduleSpecs(due: DueSpec, defaultCheckInDay: number): TaskSchedule[] {
  const primary = parseScheduleSpec(due, defaultCheckInDay);
  if (!primary) return [];
  const result = [primary];
  if (due.kind !== 'recurring') return result;
  const text = fold(due.text);
  const extra: [RecurrenceRule, boolean][] = [
    ['yearly', MARKERS.yearly.test(text) && yearlyDay(text) !== null],
    ['quarterly', quarterDay(text) !== null],
    ['monthly', MARKERS.monthly.test(text) && bareDay(text) !== null],
  ];
  for (const [rule, stated] of extra) {
    if (!stated || rule === primary.kind) continue;
    result.push(scheduleFor(rule, text, null));
  }
  return result;
}
