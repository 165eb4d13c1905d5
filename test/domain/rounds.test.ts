import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../src/domain/calendar.js';
import { collectFrom, DEFAULT_REPORT_POLICY, defaultDue, parsePeriod, parseRoundAnswer } from '../../src/domain/rounds.js';

describe('report periods and their due dates', () => {
  it('reads a quarter and a year, and refuses anything else', () => {
    expect(parsePeriod('2026-Q4')).toEqual({ key: '2026-Q4', kind: 'quarter', from: '2026-10-01', to: '2026-12-31' });
    expect(parsePeriod('2026-q1')).toMatchObject({ from: '2026-01-01', to: '2026-03-31' });
    expect(parsePeriod('2026')).toEqual({ key: '2026', kind: 'year', from: '2026-01-01', to: '2026-12-31' });
    for (const bad of ['2026-Q5', 'Q4', '26', '2026-12']) expect(parsePeriod(bad)).toBeNull();
  });

  it('is due on day 8 of the quarter’s last month and on 10/12 by default (seed 002)', () => {
    expect(defaultDue(parsePeriod('2026-Q4')!, DEFAULT_REPORT_POLICY)).toBe('2026-12-08');
    expect(defaultDue(parsePeriod('2026-Q1')!, DEFAULT_REPORT_POLICY)).toBe('2026-03-08');
    expect(defaultDue(parsePeriod('2026')!, DEFAULT_REPORT_POLICY)).toBe('2026-12-10');
  });

  it('follows a plan’s own anchors over the policy', () => {
    const anchors = [
      { kind: 'quarterly' as const, monthOfQuarter: 3 as const, day: 15 },
      { kind: 'yearly' as const, month: 11, day: 30 },
    ];
    expect(defaultDue(parsePeriod('2026-Q4')!, DEFAULT_REPORT_POLICY, anchors)).toBe('2026-12-15');
    expect(defaultDue(parsePeriod('2026')!, DEFAULT_REPORT_POLICY, anchors)).toBe('2026-11-30');
  });

  it('asks five working days before the due date, skipping the weekend', () => {
    // Tuesday 08/12/2026 → Monday 07, Friday 04, Thursday 03, Wednesday 02, Tuesday 01.
    expect(collectFrom('2026-12-08', createCalendar(), 5)).toBe('2026-12-01');
  });
});

describe('a unit head’s answer for a round', () => {
  it('reads "giữ nguyên" with or without diacritics', () => {
    for (const text of ['giữ nguyên', 'Giu nguyen.', 'GIỮ NGUYÊN', 'keep']) expect(parseRoundAnswer(text)).toEqual({ kind: 'keep' });
  });

  it('splits the result, product, difficulties and proposals', () => {
    expect(parseRoundAnswer('Đã ban hành quyết định. Sản phẩm: Quyết định 12/QĐ-STP; Khó khăn: thiếu nhân lực. Đề xuất: bổ sung biên chế')).toEqual({
      kind: 'result',
      result: 'Đã ban hành quyết định.',
      product: 'Quyết định 12/QĐ-STP',
      difficulties: 'thiếu nhân lực.',
      proposals: 'bổ sung biên chế',
    });
    expect(parseRoundAnswer('san pham: bao cao so 5')).toMatchObject({ result: '', product: 'bao cao so 5' });
  });

  it('keeps a plain answer whole, and reads nothing from an empty one', () => {
    expect(parseRoundAnswer('Đang hoàn thiện dự thảo, giữ nguyên tiến độ')).toMatchObject({
      kind: 'result',
      result: 'Đang hoàn thiện dự thảo, giữ nguyên tiến độ',
    });
    expect(parseRoundAnswer('   ')).toBeNull();
  });
});
