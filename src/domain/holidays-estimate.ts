/**
 * An estimate of a year's days off for years without an announced schedule: the Labour Code
 * 2019 art. 112 holidays plus art. 111(3) compensatory days. The lunar dates (Tết, Giỗ Tổ) come
 * from `date-holidays`, which computes the Vietnamese lunar calendar at UTC+7 (the Chinese one
 * at UTC+8 differs in some years). Government swaps cannot be predicted, and the government may
 * pick other Tết days than eve + 4, so every day returned is marked `basis: 'estimate'`.
 */
import Holidays from 'date-holidays';
import { compensatoryName, VN_HOLIDAY_NAMES as N, type CalendarDay } from './holidays-types.js';
import { addDays, dayOfWeek } from './time.js';

let vn: Holidays | null = null;

/** Solar dates of lunar new year's day (mùng 1 Tết) and of 10/3 lunar (Giỗ Tổ) in a solar year. */
function lunarHolidays(year: number): { tet: string; hungKings: string } {
  vn ??= new Holidays('VN');
  const all = vn.getHolidays(year);
  // The rule strings are date-holidays' own: lunar month-leap-day in the Vietnamese calendar.
  const find = (rule: string): string => {
    const hit = all.find((h) => h.rule === rule);
    if (!hit) throw new Error(`date-holidays has no VN rule "${rule}" for ${year}; check the package version`);
    return hit.date.slice(0, 10);
  };
  return { tet: find('vietnamese 1-0-1'), hungKings: find('vietnamese 3-0-10') };
}

const isWeekend = (date: string): boolean => {
  const dow = dayOfWeek(date);
  return dow === 0 || dow === 6;
};

/**
 * The day taken beside 2/9 (art. 112(1)(e) leaves the choice to the Prime Minister). Practice
 * 2021–2026: the day after when 2/9 is a Monday (2024) or a Thursday (2021), else the day before
 * (2022 Fri, 2023 Sat, 2025 Tue, 2026 Wed).
 */
function nationalDayNeighbour(year: number): string {
  const dow = dayOfWeek(`${year}-09-02`);
  return dow === 1 || dow === 4 ? `${year}-09-03` : `${year}-09-01`;
}

/** Statutory holidays of a year, before compensatory days, in date order. */
function statutoryDays(year: number): { date: string; name: string }[] {
  const { tet, hungKings } = lunarHolidays(year);
  const days = [
    { date: `${year}-01-01`, name: N.newYear },
    ...[-1, 0, 1, 2, 3].map((n) => ({ date: addDays(tet, n), name: N.tet })),
    { date: hungKings, name: N.hungKings },
    { date: `${year}-04-30`, name: N.victory },
    { date: `${year}-05-01`, name: N.labour },
    { date: `${year}-09-02`, name: N.national },
    { date: nationalDayNeighbour(year), name: N.national },
  ];
  return days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * Estimated days off of one year: statutory holidays, then for each one on a Saturday or Sunday
 * a compensatory day on the next weekday that is not already off (art. 111(3)), in date order so
 * that two weekend Tết days give two weekdays after the Tết block.
 */
export function estimateVnYear(year: number): CalendarDay[] {
  const statutory = statutoryDays(year);
  const offDates = new Set(statutory.map((d) => d.date));
  const result: CalendarDay[] = statutory.map((d) => ({ ...d, mark: 'off', basis: 'estimate' }));
  for (const holiday of statutory) {
    if (!isWeekend(holiday.date)) continue;
    let day = addDays(holiday.date, 1);
    while (isWeekend(day) || offDates.has(day)) day = addDays(day, 1);
    offDates.add(day);
    result.push({ date: day, mark: 'off', name: compensatoryName(holiday.name), basis: 'estimate' });
  }
  return result.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
