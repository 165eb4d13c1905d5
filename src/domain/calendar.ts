/**
 * The working-day calendar of Vietnamese state agencies, so that deadlines and nudges can count
 * "working days" the way offices do: Monday–Friday, minus public holidays and swapped days off,
 * plus Saturdays worked in exchange (holidays-vn.ts), with the admin's per-date overrides
 * (the `calendar_overrides` table: date → 'off' | 'work') winning over everything.
 *
 * Every function takes and returns local YYYY-MM-DD dates (Asia/Ho_Chi_Minh, see time.ts).
 */
import { vnCalendarDays, type CalendarDay, type DayMark } from './holidays-vn.js';
import { addDays, dayOfWeek, parseIsoDate } from './time.js';

export type CalendarOverrides = ReadonlyMap<string, DayMark>;

/** Why a day is or is not a working day; `estimate` flags days taken from the Labour Code estimate. */
export interface DayInfo {
  date: string;
  working: boolean;
  reason: 'weekday' | 'weekend' | 'holiday' | 'extra_working_day' | 'override';
  name: string | null;
  estimate: boolean;
}

export interface WorkCalendar {
  isWorkingDay(date: string): boolean;
  /** The first working day on or after `date`. */
  nextWorkingDay(date: string): string;
  /** The last working day on or before `date`. */
  previousWorkingDay(date: string): string;
  /**
   * Steps |n| working days forward (n > 0) or back (n < 0) from `date`, not counting `date`
   * itself; n = 0 returns `date` unchanged. workingDaysBetween(d, addWorkingDays(d, n)) === n for
   * n >= 0, and for n < 0 when d is a working day.
   */
  addWorkingDays(date: string, n: number): string;
  /** Working days in (a, b] when b >= a; minus the working days in (b, a] when b < a. */
  workingDaysBetween(a: string, b: string): number;
  /** Name of the holiday that makes `date` a day off; null on working days and plain weekends. */
  holidayName(date: string): string | null;
  describe(date: string): DayInfo;
}

/** Upper bound for searches, so an override table that marks years off fails loudly, not forever. */
const MAX_SEARCH_DAYS = 3660;

const yearIndexes = new Map<number, ReadonlyMap<string, CalendarDay>>();

function listedDay(date: string): CalendarDay | undefined {
  const [year] = parseIsoDate(date);
  let index = yearIndexes.get(year);
  if (!index) {
    index = new Map(vnCalendarDays(year).map((d) => [d.date, d]));
    yearIndexes.set(year, index);
  }
  return index.get(date);
}

export function createCalendar(overrides: CalendarOverrides = new Map()): WorkCalendar {
  function describe(date: string): DayInfo {
    const listed = listedDay(date);
    const estimate = listed?.basis === 'estimate';
    const offName = listed?.mark === 'off' ? listed.name : null;
    const override = overrides.get(date);
    if (override) {
      const working = override === 'work';
      return { date, working, reason: 'override', name: working ? null : offName, estimate: false };
    }
    if (listed && listed.basis !== 'unverified') {
      const working = listed.mark === 'work';
      return { date, working, reason: working ? 'extra_working_day' : 'holiday', name: offName, estimate };
    }
    const dow = dayOfWeek(date);
    if (dow === 0 || dow === 6) return { date, working: false, reason: 'weekend', name: null, estimate: false };
    return { date, working: true, reason: 'weekday', name: null, estimate: false };
  }

  const isWorkingDay = (date: string): boolean => describe(date).working;

  function seek(date: string, step: 1 | -1): string {
    let day = date;
    for (let i = 0; i < MAX_SEARCH_DAYS; i++) {
      if (isWorkingDay(day)) return day;
      day = addDays(day, step);
    }
    throw new Error(`no working day within ${MAX_SEARCH_DAYS} days of ${date}; check calendar_overrides`);
  }

  function addWorkingDays(date: string, n: number): string {
    if (!Number.isInteger(n)) throw new RangeError(`addWorkingDays needs an integer, got ${n}`);
    const step = n < 0 ? -1 : 1;
    let day = date;
    for (let left = Math.abs(n); left > 0; left--) day = seek(addDays(day, step), step);
    return day;
  }

  function workingDaysBetween(a: string, b: string): number {
    if (b < a) return -workingDaysBetween(b, a);
    let count = 0;
    for (let day = addDays(a, 1); day <= b; day = addDays(day, 1)) if (isWorkingDay(day)) count++;
    return count;
  }

  return {
    isWorkingDay,
    nextWorkingDay: (date) => seek(date, 1),
    previousWorkingDay: (date) => seek(date, -1),
    addWorkingDays,
    workingDaysBetween,
    holidayName: (date) => {
      const info = describe(date);
      return info.working ? null : info.name;
    },
    describe,
  };
}
