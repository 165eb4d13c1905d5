import { describe, expect, it } from 'vitest';
import { parseScheduleSpec, parseScheduleSpecs, type DueSpec } from '../../src/domain/recurrence.js';

const recurring = (rule: DueSpec['rule'], text: string, date: string | null = null): DueSpec => ({ kind: 'recurring', date, rule, text });
const parse = (due: DueSpec) => parseScheduleSpec(due, 25);

describe('reading an imported due spec', () => {
  it('reads a yearly day from "ngày 10/12 hằng năm", with or without diacritics', () => {
    expect(parse(recurring('yearly', 'ngày 10/12 hằng năm'))).toEqual({ kind: 'yearly', month: 12, day: 10 });
    expect(parse(recurring('yearly', 'ngay 10/12 hang nam'))).toEqual({ kind: 'yearly', month: 12, day: 10 });
    expect(parse(recurring('yearly', 'trước ngày 15 tháng 01 hàng năm'))).toEqual({ kind: 'yearly', month: 1, day: 15 });
  });

  it('defaults a yearly task without a day to 31/12, or to the date the importer found', () => {
    expect(parse(recurring('yearly', 'Hằng năm'))).toEqual({ kind: 'yearly', month: 12, day: 31 });
    expect(parse(recurring('yearly', 'Hằng năm', '2025-06-30'))).toEqual({ kind: 'yearly', month: 6, day: 30 });
  });

  it('reads "ngày mùng 08 tháng cuối quý" as the 8th of the last month of the quarter', () => {
    const text = 'vào ngày mùng 08 tháng cuối quý và ngày 10/12 hằng năm';
    expect(parse(recurring('quarterly', text))).toEqual({ kind: 'quarterly', monthOfQuarter: 3, day: 8 });
    expect(parse(recurring('yearly', text))).toEqual({ kind: 'yearly', month: 12, day: 10 });
    expect(parseScheduleSpecs(recurring('quarterly', text), 25)).toEqual([
      { kind: 'quarterly', monthOfQuarter: 3, day: 8 },
      { kind: 'yearly', month: 12, day: 10 },
    ]);
  });

  it("takes the day from the importer's anchor when it has one, and keeps older specs without it", () => {
    const withAnchor = (rule: DueSpec['rule'], text: string, anchor: DueSpec['anchor']): DueSpec => ({ ...recurring(rule, text), anchor });
    expect(parse(withAnchor('quarterly', 'Định kỳ hằng quý', { day: 8, month_of_period: 'first' }))).toEqual({ kind: 'quarterly', monthOfQuarter: 1, day: 8 });
    expect(parse(withAnchor('quarterly', 'Định kỳ hằng quý', { day: 8 }))).toEqual({ kind: 'quarterly', monthOfQuarter: 3, day: 8 });
    expect(parse(withAnchor('yearly', 'báo cáo hằng năm', { day: 10, month: 12 }))).toEqual({ kind: 'yearly', month: 12, day: 10 });
    expect(parse(withAnchor('monthly', 'hằng tháng', { day: 20 }))).toEqual({ kind: 'monthly', day: 20 });
    // An anchor that does not fit the rule or the calendar is ignored: the phrase decides.
    expect(parse(withAnchor('yearly', 'trước ngày 15 tháng 01 hàng năm', { day: 31, month: 2 }))).toEqual({ kind: 'yearly', month: 1, day: 15 });
    expect(parse(withAnchor('yearly', 'Hằng năm', { day: 5 }))).toEqual({ kind: 'yearly', month: 12, day: 31 });
    expect(parse(withAnchor('monthly', 'hằng tháng', { day: 0 }))).toEqual({ kind: 'monthly', day: 31 });
  });

  it('reads other quarterly phrases, defaulting to the last day of the quarter', () => {
    expect(parse(recurring('quarterly', 'Hằng quý'))).toEqual({ kind: 'quarterly', monthOfQuarter: 3, day: 31 });
    expect(parse(recurring('quarterly', 'ngày 15 tháng đầu quý'))).toEqual({ kind: 'quarterly', monthOfQuarter: 1, day: 15 });
    expect(parse(recurring('quarterly', 'trước ngày 20 hằng quý'))).toEqual({ kind: 'quarterly', monthOfQuarter: 3, day: 20 });
    expect(parse(recurring('quarterly', 'tháng giữa quý'))).toEqual({ kind: 'quarterly', monthOfQuarter: 2, day: 31 });
  });

  it('reads monthly tasks, defaulting to the last day of the month', () => {
    expect(parse(recurring('monthly', 'Hằng tháng'))).toEqual({ kind: 'monthly', day: 31 });
    expect(parse(recurring('monthly', 'trước ngày 25 hằng tháng'))).toEqual({ kind: 'monthly', day: 25 });
  });

  it('infers the rule from the phrase when the importer left it out, else gives up', () => {
    expect(parse(recurring(null, 'báo cáo hàng quý'))).toEqual({ kind: 'quarterly', monthOfQuarter: 3, day: 31 });
    expect(parse(recurring(null, 'định kỳ theo quy định'))).toBeNull();
  });

  it('gives ongoing tasks the default check-in day unless the phrase names a day of the month', () => {
    expect(parse({ kind: 'ongoing', date: null, rule: null, text: 'Thường xuyên' })).toEqual({ kind: 'ongoing', checkInDay: 25 });
    expect(parseScheduleSpec({ kind: 'ongoing', date: null, rule: null, text: 'hằng ngày' }, 20)).toEqual({ kind: 'ongoing', checkInDay: 20 });
    expect(parse({ kind: 'ongoing', date: null, rule: null, text: 'thường xuyên, báo cáo trước ngày 18 hằng tháng' })).toEqual({
      kind: 'ongoing',
      checkInDay: 18,
    });
    expect(() => parseScheduleSpec({ kind: 'ongoing', date: null, rule: null, text: '' }, 0)).toThrow(RangeError);
  });

  it('reads one-off dates from the date field or the phrase', () => {
    expect(parse({ kind: 'date', date: '2025-11-30', rule: null, text: 'trước ngày 30/11/2025' })).toEqual({ kind: 'date', due: '2025-11-30' });
    expect(parse({ kind: 'date', date: null, rule: null, text: 'trước ngày 30/11/2025' })).toEqual({ kind: 'date', due: '2025-11-30' });
    expect(parse({ kind: 'date', date: null, rule: null, text: 'trong tháng 11' })).toBeNull();
  });

  it('gives no schedule for roadmaps and tasks without timing', () => {
    expect(parse({ kind: 'roadmap', date: null, rule: null, text: 'Thực hiện theo lộ trình của trung ương và của tỉnh' })).toBeNull();
    expect(parse({ kind: 'none', date: null, rule: null, text: 'khi có yêu cầu' })).toBeNull();
    expect(parseScheduleSpecs({ kind: 'none', date: null, rule: null, text: '' }, 25)).toEqual([]);
  });
});
