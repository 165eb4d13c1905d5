import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../src/domain/calendar.js';
import { addDays } from '../../src/domain/time.js';

const calendar = createCalendar();

describe('working days', () => {
  it('treats Monday–Friday as working and the weekend as off, without a holiday name', () => {
    expect(calendar.isWorkingDay('2025-12-05')).toBe(true); // Friday
    expect(calendar.isWorkingDay('2025-12-06')).toBe(false); // Saturday
    expect(calendar.isWorkingDay('2025-12-07')).toBe(false);
    expect(calendar.holidayName('2025-12-06')).toBeNull();
    expect(calendar.describe('2025-12-06').reason).toBe('weekend');
  });

  it('lets admin overrides win in both directions', () => {
    const overridden = createCalendar(
      new Map([
        ['2025-12-05', 'off'],
        ['2025-12-06', 'work'],
        ['2026-02-18', 'work'],
      ]),
    );
    expect(overridden.isWorkingDay('2025-12-05')).toBe(false);
    expect(overridden.isWorkingDay('2025-12-06')).toBe(true);
    expect(overridden.isWorkingDay('2026-02-18')).toBe(true);
    expect(overridden.holidayName('2026-02-18')).toBeNull();
    expect(overridden.describe('2025-12-05')).toMatchObject({ working: false, reason: 'override', name: null });
  });

  it('finds the next and previous working day across Tết 2026, staying put on a working day', () => {
    expect(calendar.nextWorkingDay('2026-02-14')).toBe('2026-02-23');
    expect(calendar.nextWorkingDay('2026-02-13')).toBe('2026-02-13');
    expect(calendar.previousWorkingDay('2026-02-22')).toBe('2026-02-13');
    expect(calendar.previousWorkingDay('2026-02-23')).toBe('2026-02-23');
  });

  it('counts working Saturdays as working days', () => {
    expect(calendar.nextWorkingDay('2026-08-22')).toBe('2026-08-22');
    expect(calendar.addWorkingDays('2026-08-21', 1)).toBe('2026-08-22');
    expect(calendar.addWorkingDays('2026-08-28', 1)).toBe('2026-09-03');
  });

  it('fails loudly instead of looping when overrides leave no working day', () => {
    const allOff = new Map<string, 'off'>();
    for (let d = '2030-01-01'; d < '2041-01-01'; d = addDays(d, 1)) allOff.set(d, 'off');
    expect(() => createCalendar(allOff).nextWorkingDay('2030-01-01')).toThrow(/calendar_overrides/);
  });
});

describe('adding and counting working days', () => {
  it('steps over Tết in both directions and leaves the date alone for n = 0', () => {
    expect(calendar.addWorkingDays('2026-02-12', 1)).toBe('2026-02-13');
    expect(calendar.addWorkingDays('2026-02-12', 2)).toBe('2026-02-23');
    expect(calendar.addWorkingDays('2026-02-23', -1)).toBe('2026-02-13');
    expect(calendar.addWorkingDays('2026-02-14', 1)).toBe('2026-02-23');
    expect(calendar.addWorkingDays('2026-02-14', -1)).toBe('2026-02-13');
    expect(calendar.addWorkingDays('2026-02-14', 0)).toBe('2026-02-14');
    expect(() => calendar.addWorkingDays('2026-02-14', 1.5)).toThrow(RangeError);
  });

  it('counts working days in (a, b], negative when b is earlier', () => {
    expect(calendar.workingDaysBetween('2026-02-13', '2026-02-23')).toBe(1);
    expect(calendar.workingDaysBetween('2026-02-23', '2026-02-13')).toBe(-1);
    expect(calendar.workingDaysBetween('2026-02-13', '2026-02-13')).toBe(0);
    expect(calendar.workingDaysBetween('2025-12-01', '2025-12-31')).toBe(22);
    expect(calendar.workingDaysBetween('2025-12-31', '2026-01-05')).toBe(1);
  });

  it('agrees with addWorkingDays over 2025–2027', () => {
    for (let d = '2025-01-01'; d <= '2027-12-31'; d = addDays(d, 3)) {
      for (const n of [-10, -3, -1, 0, 1, 3, 10]) {
        if (n < 0 && !calendar.isWorkingDay(d)) continue;
        expect(calendar.workingDaysBetween(d, calendar.addWorkingDays(d, n))).toBe(n);
      }
    }
  });
});
