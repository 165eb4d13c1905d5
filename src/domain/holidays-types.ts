/** Shapes and names shared by the holiday table (holidays-vn.ts) and its estimator. */

/** 'off': no work that day; 'work': a working day (also a worked Saturday). */
export type DayMark = 'off' | 'work';

/**
 * announced: from the government's notice for that year;
 * estimate: computed from the Labour Code (art. 111, 112) because no notice is recorded;
 * unverified: named in policy but without confirmed legal force — listed for its name only and
 * NOT applied; an admin turns it on with an 'off' override.
 */
export type DayBasis = 'announced' | 'estimate' | 'unverified';

export interface CalendarDay {
  date: string;
  mark: DayMark;
  name: string;
  basis: DayBasis;
}

/** Holiday names as data (Vietnamese, as the notices write them). */
export const VN_HOLIDAY_NAMES = {
  newYear: 'Tết Dương lịch',
  tet: 'Tết Nguyên Đán',
  hungKings: 'Giỗ Tổ Hùng Vương',
  victory: 'Ngày Chiến thắng',
  labour: 'Ngày Quốc tế Lao động',
  national: 'Quốc khánh',
  culture: 'Ngày Văn hóa Việt Nam',
} as const;

/** Name of a compensatory day off for a holiday that fell on a weekend (nghỉ bù). */
export const compensatoryName = (holiday: string): string => `Nghỉ bù ${holiday}`;
