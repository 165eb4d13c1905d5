import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../src/domain/calendar.js';
import { estimateVnYear } from '../../src/domain/holidays-estimate.js';
import { VN_HOLIDAY_NAMES, VN_TABLE_YEARS, vnCalendarDays } from '../../src/domain/holidays-vn.js';
import { addDays, dayOfWeek } from '../../src/domain/time.js';

const calendar = createCalendar();
const offDays = (from: string, to: string): string[] => {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
};

describe('the holiday table', () => {
  it('lists each date once, inside its own year, and adds working days only on weekends', () => {
    for (const year of VN_TABLE_YEARS) {
      const days = vnCalendarDays(year);
      expect(new Set(days.map((d) => d.date)).size).toBe(days.length);
      for (const day of days) {
        expect(day.date.startsWith(`${year}-`)).toBe(true);
        if (day.mark === 'work') expect([0, 6]).toContain(dayOfWeek(day.date));
      }
    }
  });

  it('keeps 2027 equal to the Labour Code estimate until the notice is recorded', () => {
    const table = vnCalendarDays(2027).filter((d) => d.basis !== 'unverified');
    const strip = (d: { date: string; mark: string; name: string }) => ({ date: d.date, mark: d.mark, name: d.name });
    expect(table.map(strip)).toEqual(estimateVnYear(2027).map(strip));
  });
});

describe('2026 for state employees', () => {
  it('closes offices for Tết from Saturday 14/2 to Sunday 22/2', () => {
    for (const day of offDays('2026-02-14', '2026-02-22')) expect(calendar.isWorkingDay(day)).toBe(false);
    expect(calendar.isWorkingDay('2026-02-13')).toBe(true);
    expect(calendar.isWorkingDay('2026-02-23')).toBe(true);
    expect(calendar.holidayName('2026-02-18')).toBe(VN_HOLIDAY_NAMES.tet);
  });

  it('gives 1–4 January off and makes Saturday 10 January a working day', () => {
    expect(calendar.isWorkingDay('2026-01-01')).toBe(false);
    expect(calendar.isWorkingDay('2026-01-02')).toBe(false);
    expect(calendar.isWorkingDay('2026-01-05')).toBe(true);
    expect(calendar.isWorkingDay('2026-01-10')).toBe(true);
    expect(calendar.describe('2026-01-10').reason).toBe('extra_working_day');
  });

  it('gives Monday 27/4 for Giỗ Tổ on a Sunday, and 30/4–1/5 off, with 28–29/4 worked', () => {
    expect(calendar.isWorkingDay('2026-04-27')).toBe(false);
    expect(calendar.holidayName('2026-04-27')).toBe('Nghỉ bù Giỗ Tổ Hùng Vương');
    expect(calendar.isWorkingDay('2026-04-28')).toBe(true);
    expect(calendar.isWorkingDay('2026-04-29')).toBe(true);
    expect(calendar.isWorkingDay('2026-04-30')).toBe(false);
    expect(calendar.isWorkingDay('2026-05-01')).toBe(false);
  });

  it('closes 29/8–2/9 for National Day and works Saturday 22/8 instead of Monday 31/8', () => {
    expect(calendar.isWorkingDay('2026-08-22')).toBe(true);
    expect(calendar.holidayName('2026-08-22')).toBeNull();
    for (const day of offDays('2026-08-29', '2026-09-02')) expect(calendar.isWorkingDay(day)).toBe(false);
    expect(calendar.isWorkingDay('2026-09-03')).toBe(true);
    expect(calendar.isWorkingDay('2026-08-23')).toBe(false);
  });

  it('keeps 24/11 a working day unless the admin marks it off, then names it', () => {
    expect(calendar.isWorkingDay('2026-11-24')).toBe(true);
    expect(calendar.holidayName('2026-11-24')).toBeNull();
    const overridden = createCalendar(new Map([['2026-11-24', 'off']]));
    expect(overridden.isWorkingDay('2026-11-24')).toBe(false);
    expect(overridden.holidayName('2026-11-24')).toBe(VN_HOLIDAY_NAMES.culture);
  });
});

describe('2025 for state employees', () => {
  it('closes offices for Tết from 25/1 to 2/2 and for Giỗ Tổ on Monday 7/4', () => {
    for (const day of offDays('2025-01-25', '2025-02-02')) expect(calendar.isWorkingDay(day)).toBe(false);
    expect(calendar.isWorkingDay('2025-01-24')).toBe(true);
    expect(calendar.isWorkingDay('2025-02-03')).toBe(true);
    expect(calendar.isWorkingDay('2025-04-07')).toBe(false);
  });

  it('works Saturday 26/4 and rests 30/4–4/5', () => {
    expect(calendar.isWorkingDay('2025-04-26')).toBe(true);
    for (const day of offDays('2025-04-30', '2025-05-04')) expect(calendar.isWorkingDay(day)).toBe(false);
    expect(calendar.isWorkingDay('2025-05-05')).toBe(true);
  });

  it('rests 30/8–2/9 with Monday 1/9 as the day beside National Day', () => {
    for (const day of offDays('2025-08-30', '2025-09-02')) expect(calendar.isWorkingDay(day)).toBe(false);
    expect(calendar.isWorkingDay('2025-09-03')).toBe(true);
  });
});

describe('years without a table', () => {
  it('estimates Tết 2028 as eve + 4 days with a compensatory Monday for the Saturday', () => {
    for (const day of offDays('2028-01-25', '2028-01-29')) expect(calendar.holidayName(day)).toBe(VN_HOLIDAY_NAMES.tet);
    expect(calendar.isWorkingDay('2028-01-31')).toBe(false);
    expect(calendar.isWorkingDay('2028-02-01')).toBe(true);
    expect(calendar.describe('2028-01-31').estimate).toBe(true);
  });

  it('gives a compensatory weekday for a holiday on a weekend, after any holiday that follows', () => {
    // 1/1/2028 is a Saturday; 30/4/2028 a Sunday followed by 1/5 on Monday.
    expect(calendar.isWorkingDay('2028-01-03')).toBe(false);
    expect(calendar.isWorkingDay('2028-05-01')).toBe(false);
    expect(calendar.isWorkingDay('2028-05-02')).toBe(false);
    expect(calendar.isWorkingDay('2028-05-03')).toBe(true);
  });

  it('takes the day beside 2/9 as the government did in 2021–2024', () => {
    const off = (year: number) =>
      estimateVnYear(year)
        .filter((d) => d.date >= `${year}-08-28` && d.date <= `${year}-09-08`)
        .map((d) => d.date);
    expect(off(2021)).toEqual(['2021-09-02', '2021-09-03']);
    expect(off(2022)).toEqual(['2022-09-01', '2022-09-02']);
    expect(off(2023)).toEqual(['2023-09-01', '2023-09-02', '2023-09-04']);
    expect(off(2024)).toEqual(['2024-09-02', '2024-09-03']);
  });

  it('uses the Vietnamese lunar calendar (UTC+7), not the Chinese one', () => {
    const tet = (year: number) =>
      estimateVnYear(year)
        .filter((d) => d.name === VN_HOLIDAY_NAMES.tet)
        .map((d) => d.date);
    expect(tet(2007)[1]).toBe('2007-02-17');
    expect(tet(1985)[1]).toBe('1985-01-21');
  });
});
