/**
 * The days that differ from the plain Monday–Friday week for Vietnamese state employees
 * (công chức, viên chức): public holidays, compensatory days, swapped days off and the
 * Saturdays worked in exchange. Weekends themselves are not listed (QĐ 188/1999/QĐ-TTg art. 1).
 *
 * The government fixes each year's Tết days, the day beside 2/9 and any swaps by notice, so the
 * years it has announced are kept here as data, each block with its source. Other years are
 * estimated from the Labour Code rules (holidays-estimate.ts) and marked `basis: 'estimate'`;
 * an admin corrects any date through the calendar overrides (see calendar.ts).
 */
import { estimateVnYear } from './holidays-estimate.js';
import { compensatoryName, VN_HOLIDAY_NAMES, type CalendarDay, type DayBasis } from './holidays-types.js';
import { addDays } from './time.js';

export { compensatoryName, VN_HOLIDAY_NAMES, type CalendarDay, type DayBasis, type DayMark } from './holidays-types.js';

/** Name of a working day moved to a Saturday (hoán đổi ngày làm việc). */
const swappedOffName = (holiday: string): string => `${holiday} (nghỉ hoán đổi)`;
/** Name of the Saturday worked in exchange (làm bù). */
const madeUpName = (holiday: string): string => `Làm bù ${holiday}`;

const N = VN_HOLIDAY_NAMES;

function off(from: string, to: string, name: string, basis: DayBasis = 'announced'): CalendarDay[] {
  const days: CalendarDay[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push({ date: d, mark: 'off', name, basis });
  return days;
}

function work(date: string, name: string): CalendarDay {
  return { date, mark: 'work', name, basis: 'announced' };
}

/**
 * 24/11 "Ngày Văn hóa Việt Nam": Politburo Resolution 80-NQ/TW (01/2026) makes it a paid day off
 * in principle and Government Resolution 30/NQ-CP (02/2026) orders amending Labour Code art. 112(1),
 * but whether that amendment is in force is UNVERIFIED (PLATFORMS.md §7). Decision: keep it as a
 * working day by default (a nudge on a day off is a nuisance the admin can fix with one override;
 * a silently skipped working day would move every deadline count), but list it so that an 'off'
 * override gets its name.
 */
function cultureDay(year: number): CalendarDay[] {
  return year >= 2026 ? off(`${year}-11-24`, `${year}-11-24`, N.culture, 'unverified') : [];
}

const Y2025: CalendarDay[] = [
  // Wed 1/1/2025, one day: Labour Code 2019 art. 112(1)(a).
  ...off('2025-01-01', '2025-01-01', N.newYear),
  // Tết Ất Tỵ: Sat 25/1–Sun 2/2/2025 (26 tháng Chạp–mùng 5 tháng Giêng), no swap. PM approval
  // conveyed by Government Office letter 8726/VPCP-KGVX of 26/11/2024.
  ...off('2025-01-25', '2025-02-02', N.tet),
  // Giỗ Tổ Hùng Vương (10/3 Ất Tỵ) Mon 7/4/2025: art. 112(1)(c).
  ...off('2025-04-07', '2025-04-07', N.hungKings),
  // 30/4 Wed, 1/5 Thu: art. 112(1)(d, đ). Fri 2/5 swapped for working Sat 26/4/2025, so off
  // Wed 30/4–Sun 4/5 (PM approval, April 2025; vietnamplus.vn/...-post1033115.vnp).
  ...off('2025-04-30', '2025-04-30', N.victory),
  ...off('2025-05-01', '2025-05-01', N.labour),
  ...off('2025-05-02', '2025-05-02', swappedOffName(N.labour)),
  work('2025-04-26', madeUpName(N.labour)),
  // Quốc khánh: Sat 30/8–Tue 2/9/2025 with Mon 1/9 as the neighbour day: art. 112(1)(e) and
  // letter 8726/VPCP-KGVX of 26/11/2024.
  ...off('2025-08-30', '2025-09-02', N.national),
];

const Y2026: CalendarDay[] = [
  // Thu 1/1–Sun 4/1/2026, Fri 2/1 swapped for working Sat 10/1/2026: Government Office letter
  // 12729/VPCP-KGVX of 25/12/2025 (Deputy PM Phạm Thị Thanh Trà approving the MOHA proposal).
  ...off('2026-01-01', '2026-01-01', N.newYear),
  ...off('2026-01-02', '2026-01-02', swappedOffName(N.newYear)),
  work('2026-01-10', madeUpName(N.newYear)),
  // Tết Bính Ngọ: Sat 14/2–Sun 22/2/2026 (27 tháng Chạp–mùng 6), no swap. PM approval, 10/2025:
  // en.baochinhphu.vn/prime-minister-approves-9-day-lunar-new-year-holiday-in-2026-111251014090102864.htm
  ...off('2026-02-14', '2026-02-22', N.tet),
  // Giỗ Tổ Hùng Vương (10/3 Bính Ngọ) falls on Sun 26/4/2026, so Mon 27/4 is the compensatory
  // day: art. 112(1)(c) and art. 111(3).
  ...off('2026-04-26', '2026-04-26', N.hungKings),
  ...off('2026-04-27', '2026-04-27', compensatoryName(N.hungKings)),
  // 30/4 Thu, 1/5 Fri: art. 112(1)(d, đ); no swap announced.
  ...off('2026-04-30', '2026-04-30', N.victory),
  ...off('2026-05-01', '2026-05-01', N.labour),
  // Quốc khánh: Sat 29/8–Wed 2/9/2026, Tue 1/9 the neighbour day, Mon 31/8 swapped for working
  // Sat 22/8/2026 (same PM approval, 10/2025;
  // vietnamnews.vn/society/1727239/prime-minister-approves-nine-day-lunar-new-year-holiday-plan.html).
  ...off('2026-08-29', '2026-08-30', N.national),
  ...off('2026-08-31', '2026-08-31', swappedOffName(N.national)),
  ...off('2026-09-01', '2026-09-02', N.national),
  work('2026-08-22', madeUpName(N.national)),
  ...cultureDay(2026),
];

/**
 * 2027: no notice was found as of 2026-11-23, so these are the Labour Code days with art. 111(3)
 * compensatory days, exactly what estimateVnYear(2027) computes (a test keeps them equal). Replace
 * them with the announced days once the notice is out.
 */
const Y2027: CalendarDay[] = [
  ...off('2027-01-01', '2027-01-01', N.newYear, 'estimate'),
  // Tết Đinh Mùi: mùng 1 = Sat 6/2/2027; eve + 4 days = Fri 5/2–Tue 9/2; Sat 6/2 and Sun 7/2
  // give compensatory days Wed 10/2 and Thu 11/2.
  ...off('2027-02-05', '2027-02-09', N.tet, 'estimate'),
  ...off('2027-02-10', '2027-02-11', compensatoryName(N.tet), 'estimate'),
  // Giỗ Tổ (10/3 Đinh Mùi) Fri 16/4/2027.
  ...off('2027-04-16', '2027-04-16', N.hungKings, 'estimate'),
  // 30/4 Fri; 1/5 Sat gives compensatory Mon 3/5.
  ...off('2027-04-30', '2027-04-30', N.victory, 'estimate'),
  ...off('2027-05-01', '2027-05-01', N.labour, 'estimate'),
  ...off('2027-05-03', '2027-05-03', compensatoryName(N.labour), 'estimate'),
  // 2/9 Thu; the neighbour day is taken as Fri 3/9 as in 2021, the last year 2/9 was a Thursday.
  ...off('2027-09-02', '2027-09-03', N.national, 'estimate'),
  ...cultureDay(2027),
];

const TABLE: ReadonlyMap<number, readonly CalendarDay[]> = new Map([
  [2025, Y2025],
  [2026, Y2026],
  [2027, Y2027],
]);

/** Years whose days are kept as data in this file; other years are estimated. */
export const VN_TABLE_YEARS: readonly number[] = [...TABLE.keys()];

const estimates = new Map<number, readonly CalendarDay[]>();

/** Every listed day of one year: the table when the year has one, else the cached estimate. */
export function vnCalendarDays(year: number): readonly CalendarDay[] {
  const listed = TABLE.get(year);
  if (listed) return listed;
  let estimated = estimates.get(year);
  if (!estimated) {
    estimated = [...estimateVnYear(year), ...cultureDay(year)];
    estimates.set(year, estimated);
  }
  return estimated;
}
