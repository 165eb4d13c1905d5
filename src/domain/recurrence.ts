/**
 * When a task falls due. A plan writes timing as a date ("trước ngày 30/11/2025"), a recurrence
 * ("hằng năm" on 10/12, "ngày 08 tháng cuối quý", monthly) or "thường xuyên" (ongoing, checked in
 * monthly); this module turns such a spec into the occurrences (kỳ) the scheduler creates, each
 * with a period key that names it uniquely within its task.
 *
 * A day past the end of a short month is clamped to the month's last day (31 → 30/4, 29/2 → 28/2
 * in common years), so every period has exactly one due date and it lies inside the period.
 */
import { isoDate, lastDayOfMonth, parseIsoDate } from './time.js';

export type TaskSchedule =
  | { kind: 'date'; due: string }
  | { kind: 'yearly'; month: number; day: number }
  /** "ngày 08 tháng cuối quý" = { monthOfQuarter: 3, day: 8 } */
  | { kind: 'quarterly'; monthOfQuarter: 1 | 2 | 3; day: number }
  /** day 31 → the last day of shorter months */
  | { kind: 'monthly'; day: number }
  /** "thường xuyên": a monthly check-in on this day of the month */
  | { kind: 'ongoing'; checkInDay: number };

export interface Occurrence {
  periodKey: string;
  dueDate: string;
}

export { parseScheduleSpec, parseScheduleSpecs, type DueSpec } from './recurrence-parse.js';

const isDay = (day: number): boolean => Number.isInteger(day) && day >= 1 && day <= 31;

/** Whether a schedule describes real dates (a yearly 30/2 or a day 0 does not). */
export function isValidSchedule(schedule: TaskSchedule): boolean {
  switch (schedule.kind) {
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(schedule.due) && isoDate(...parseIsoDate(schedule.due)) !== null;
    case 'yearly':
      // 2000 is a leap year, so 29/2 is accepted and clamped in common years.
      return isoDate(2000, schedule.month, schedule.day) !== null;
    case 'quarterly':
      return [1, 2, 3].includes(schedule.monthOfQuarter) && isDay(schedule.day);
    case 'monthly':
      return isDay(schedule.day);
    case 'ongoing':
      return isDay(schedule.checkInDay);
  }
}

function assertValid(schedule: TaskSchedule): void {
  if (!isValidSchedule(schedule)) throw new RangeError(`invalid task schedule: ${JSON.stringify(schedule)}`);
}

/** The period key of an occurrence: 'once', '2025', '2025-Q4' or '2025-12'. */
export function periodKey(schedule: TaskSchedule, dueDate: string): string {
  const [year, month] = parseIsoDate(dueDate);
  switch (schedule.kind) {
    case 'date':
      return 'once';
    case 'yearly':
      return String(year);
    case 'quarterly':
      return `${year}-Q${Math.ceil(month / 3)}`;
    case 'monthly':
    case 'ongoing':
      return `${year}-${String(month).padStart(2, '0')}`;
  }
}

/** A periodic schedule as: period length in months, due month offset inside the period, day. */
interface Cycle {
  months: 12 | 3 | 1;
  offset: number;
  day: number;
}

function cycleOf(schedule: Exclude<TaskSchedule, { kind: 'date' }>): Cycle {
  switch (schedule.kind) {
    case 'yearly':
      return { months: 12, offset: schedule.month - 1, day: schedule.day };
    case 'quarterly':
      return { months: 3, offset: schedule.monthOfQuarter - 1, day: schedule.day };
    case 'monthly':
      return { months: 1, offset: 0, day: schedule.day };
    case 'ongoing':
      return { months: 1, offset: 0, day: schedule.checkInDay };
  }
}

/** Index of the period containing a date, counting periods from year 0. */
function periodIndex(cycle: Cycle, date: string): number {
  const [year, month] = parseIsoDate(date);
  return Math.floor((year * 12 + month - 1) / cycle.months);
}

function dueInPeriod(cycle: Cycle, index: number): string {
  const absoluteMonth = index * cycle.months + cycle.offset;
  const year = Math.floor(absoluteMonth / 12);
  const month = (absoluteMonth % 12) + 1;
  const last = lastDayOfMonth(year, month);
  const day = Math.min(cycle.day, Number(last.slice(8)));
  return `${last.slice(0, 8)}${String(day).padStart(2, '0')}`;
}

/** Occurrences due between two dates, both inclusive, in date order. */
export function occurrencesBetween(schedule: TaskSchedule, fromDate: string, toDate: string): Occurrence[] {
  assertValid(schedule);
  if (schedule.kind === 'date') {
    const due = schedule.due;
    return due >= fromDate && due <= toDate ? [{ periodKey: 'once', dueDate: due }] : [];
  }
  const cycle = cycleOf(schedule);
  const result: Occurrence[] = [];
  for (let i = periodIndex(cycle, fromDate); i <= periodIndex(cycle, toDate); i++) {
    const dueDate = dueInPeriod(cycle, i);
    if (dueDate >= fromDate && dueDate <= toDate) result.push({ periodKey: periodKey(schedule, dueDate), dueDate });
  }
  return result;
}

/** The first `count` occurrences due strictly after `afterDate`; a one-off task has at most one. */
export function nextOccurrences(schedule: TaskSchedule, afterDate: string, count: number): Occurrence[] {
  assertValid(schedule);
  if (count <= 0) return [];
  if (schedule.kind === 'date') {
    return schedule.due > afterDate ? [{ periodKey: 'once', dueDate: schedule.due }] : [];
  }
  const cycle = cycleOf(schedule);
  const result: Occurrence[] = [];
  for (let i = periodIndex(cycle, afterDate); result.length < count; i++) {
    const dueDate = dueInPeriod(cycle, i);
    if (dueDate > afterDate) result.push({ periodKey: periodKey(schedule, dueDate), dueDate });
  }
  return result;
}
