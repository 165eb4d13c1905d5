import { describe, expect, it } from 'vitest';
import { isValidSchedule, nextOccurrences, occurrencesBetween, periodKey, type TaskSchedule } from '../../src/domain/recurrence.js';

const dues = (s: TaskSchedule, from: string, to: string) => occurrencesBetween(s, from, to).map((o) => o.dueDate);

describe('one-off tasks', () => {
  const once: TaskSchedule = { kind: 'date', due: '2025-11-30' };

  it('has a single occurrence keyed "once", inside an inclusive range', () => {
    expect(occurrencesBetween(once, '2025-11-30', '2025-11-30')).toEqual([{ periodKey: 'once', dueDate: '2025-11-30' }]);
    expect(occurrencesBetween(once, '2025-12-01', '2026-12-31')).toEqual([]);
    expect(periodKey(once, '2025-11-30')).toBe('once');
  });

  it('is next only while its due date lies strictly ahead', () => {
    expect(nextOccurrences(once, '2025-11-29', 3)).toEqual([{ periodKey: 'once', dueDate: '2025-11-30' }]);
    expect(nextOccurrences(once, '2025-11-30', 3)).toEqual([]);
  });
});

describe('yearly tasks', () => {
  it('falls due on 10/12 each year, keyed by the year', () => {
    const s: TaskSchedule = { kind: 'yearly', month: 12, day: 10 };
    expect(occurrencesBetween(s, '2025-01-01', '2027-12-31')).toEqual([
      { periodKey: '2025', dueDate: '2025-12-10' },
      { periodKey: '2026', dueDate: '2026-12-10' },
      { periodKey: '2027', dueDate: '2027-12-10' },
    ]);
    expect(nextOccurrences(s, '2025-12-10', 1)).toEqual([{ periodKey: '2026', dueDate: '2026-12-10' }]);
    expect(nextOccurrences(s, '2025-12-09', 1)).toEqual([{ periodKey: '2025', dueDate: '2025-12-10' }]);
  });

  it('moves 29/2 to 28/2 in common years', () => {
    const s: TaskSchedule = { kind: 'yearly', month: 2, day: 29 };
    expect(dues(s, '2027-01-01', '2028-12-31')).toEqual(['2027-02-28', '2028-02-29']);
  });
});

describe('quarterly tasks', () => {
  it('falls due on the 8th of the last month of each quarter ("ngày 08 tháng cuối quý")', () => {
    const s: TaskSchedule = { kind: 'quarterly', monthOfQuarter: 3, day: 8 };
    expect(occurrencesBetween(s, '2025-01-01', '2025-12-31')).toEqual([
      { periodKey: '2025-Q1', dueDate: '2025-03-08' },
      { periodKey: '2025-Q2', dueDate: '2025-06-08' },
      { periodKey: '2025-Q3', dueDate: '2025-09-08' },
      { periodKey: '2025-Q4', dueDate: '2025-12-08' },
    ]);
  });

  it('clamps the last day of the quarter to each quarter-end month', () => {
    const s: TaskSchedule = { kind: 'quarterly', monthOfQuarter: 3, day: 31 };
    expect(dues(s, '2025-01-01', '2025-12-31')).toEqual(['2025-03-31', '2025-06-30', '2025-09-30', '2025-12-31']);
  });

  it('uses the first or middle month of the quarter when asked', () => {
    expect(dues({ kind: 'quarterly', monthOfQuarter: 1, day: 15 }, '2025-01-01', '2025-12-31')).toEqual([
      '2025-01-15',
      '2025-04-15',
      '2025-07-15',
      '2025-10-15',
    ]);
    expect(dues({ kind: 'quarterly', monthOfQuarter: 2, day: 30 }, '2028-01-01', '2028-06-30')).toEqual(['2028-02-29', '2028-05-30']);
  });

  it('crosses into the next year for the next occurrences', () => {
    const s: TaskSchedule = { kind: 'quarterly', monthOfQuarter: 3, day: 8 };
    expect(nextOccurrences(s, '2025-12-08', 2)).toEqual([
      { periodKey: '2026-Q1', dueDate: '2026-03-08' },
      { periodKey: '2026-Q2', dueDate: '2026-06-08' },
    ]);
  });
});

describe('monthly and ongoing tasks', () => {
  it('moves day 31 to the last day of short months, leap years included', () => {
    const s: TaskSchedule = { kind: 'monthly', day: 31 };
    expect(dues(s, '2028-01-01', '2028-04-30')).toEqual(['2028-01-31', '2028-02-29', '2028-03-31', '2028-04-30']);
    expect(dues(s, '2025-02-01', '2025-02-28')).toEqual(['2025-02-28']);
    expect(periodKey(s, '2028-02-29')).toBe('2028-02');
  });

  it('checks in on an ongoing task every month on its check-in day', () => {
    const s: TaskSchedule = { kind: 'ongoing', checkInDay: 25 };
    expect(nextOccurrences(s, '2025-11-25', 3)).toEqual([
      { periodKey: '2025-12', dueDate: '2025-12-25' },
      { periodKey: '2026-01', dueDate: '2026-01-25' },
      { periodKey: '2026-02', dueDate: '2026-02-25' },
    ]);
  });

  it('returns nothing for an empty range or a zero count', () => {
    expect(dues({ kind: 'monthly', day: 5 }, '2025-12-31', '2025-01-01')).toEqual([]);
    expect(nextOccurrences({ kind: 'monthly', day: 5 }, '2025-12-31', 0)).toEqual([]);
  });
});

describe('invalid schedules', () => {
  it('rejects dates that cannot exist', () => {
    const bad: TaskSchedule[] = [
      { kind: 'yearly', month: 2, day: 30 },
      { kind: 'yearly', month: 13, day: 1 },
      { kind: 'monthly', day: 0 },
      { kind: 'ongoing', checkInDay: 32 },
      { kind: 'quarterly', monthOfQuarter: 4 as 3, day: 8 },
      { kind: 'date', due: '2025-02-30' },
    ];
    for (const s of bad) {
      expect(isValidSchedule(s)).toBe(false);
      expect(() => nextOccurrences(s, '2025-01-01', 1)).toThrow(RangeError);
    }
    expect(isValidSchedule({ kind: 'yearly', month: 2, day: 29 })).toBe(true);
  });
});
