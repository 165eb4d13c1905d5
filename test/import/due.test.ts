import { describe, expect, it } from 'vitest';
import { findCadence, findDeadline, parseDue } from '../../src/import/due.js';
import { scanDates } from '../../src/import/dates.js';
import { foldAligned } from '../../src/import/fold.js';

const due = (phrase: string, defaultYear: number | null = null) => {
  const d = parseDue(phrase, { defaultYear });
  return [d.kind, d.date, d.rule];
};

describe('parseDue: dates in every Vietnamese form', () => {
  it.each([
    ['30/11/2025', '2025-11-30'],
    ['30-11-2025', '2025-11-30'],
    ['30.11.2025', '2025-11-30'],
    ['ngày 30 tháng 11 năm 2025', '2025-11-30'],
    ['Ngày 8 tháng 3/2025', '2025-03-08'],
    ['ngày mùng 8 tháng 3 năm 2025', '2025-03-08'],
    ['Trước ngày 30/11/2025', '2025-11-30'],
    ['trước 15/4/2025', '2025-04-15'],
    ['Tháng 12/2025', '2025-12-31'],
    ['tháng 2 năm 2024', '2024-02-29'],
    ['Trong tháng 6/2025', '2025-06-30'],
    ['Quý II/2025', '2025-06-30'],
    ['quý 2 năm 2025', '2025-06-30'],
    ['Quý IV-2025', '2025-12-31'],
    ['Quý I năm 2026', '2026-03-31'],
    ['Năm 2025', '2025-12-31'],
    ['Trong năm 2025', '2025-12-31'],
    ['2025', '2025-12-31'],
    ['6 tháng đầu năm 2025', '2025-06-30'],
    ['Giai đoạn 2025-2030', '2030-12-31'],
  ])('%s → %s', (phrase, date) => {
    expect(due(phrase)).toEqual(['date', date, null]);
  });

  it('keeps the phrase as written, without the closing full stop', () => {
    expect(parseDue('Trước ngày 30/11/2025.').text).toBe('Trước ngày 30/11/2025');
  });

  it('rejects impossible days', () => {
    expect(due('31/02/2025')).toEqual(['none', null, null]);
  });

  it('uses the document year for a date written without one', () => {
    expect(due('trước ngày 15/12', 2025)).toEqual(['date', '2025-12-15', null]);
    expect(due('trước ngày 15/12')).toEqual(['none', null, null]);
  });
});

describe('parseDue: recurrences, ongoing, roadmap, none', () => {
  it.each([
    ['Hằng năm', 'yearly'],
    ['hàng năm', 'yearly'],
    ['Hằng quý', 'quarterly'],
    ['Hàng tháng', 'monthly'],
    ['Định kỳ hằng quý, hằng năm (vào ngày mùng 08 tháng cuối quý và ngày 10/12 hằng năm)', 'quarterly'],
    ['Trước ngày 15/12 hằng năm', 'yearly'],
    ['Trước ngày 20 hằng tháng', 'monthly'],
    ['ngày 08 tháng cuối quý', 'quarterly'],
  ])('%s → recurring %s', (phrase, rule) => {
    expect(due(phrase, 2025)).toEqual(['recurring', null, rule]);
  });

  it('reads "định kỳ" and semi-annual cycles as recurring without a rule', () => {
    expect(due('Định kỳ theo quy định')).toEqual(['recurring', null, null]);
    expect(due('Định kỳ 6 tháng')).toEqual(['recurring', null, null]);
  });

  it('reads ongoing work', () => {
    expect(due('Thường xuyên')).toEqual(['ongoing', null, null]);
    expect(due('Thực hiện thường xuyên.')).toEqual(['ongoing', null, null]);
    expect(due('Hằng ngày')).toEqual(['ongoing', null, null]);
    expect(due('Thường xuyên (riêng nội dung … hoàn thành theo chỉ đạo của UBND tỉnh năm 2025)')).toEqual(['ongoing', null, null]);
  });

  it('reads roadmaps', () => {
    expect(due('Thực hiện theo lộ trình của trung ương và của tỉnh')).toEqual(['roadmap', null, null]);
    expect(due('Theo tiến độ của Bộ Công an')).toEqual(['roadmap', null, null]);
  });

  it('reads the rest as none, keeping the text', () => {
    expect(parseDue('Khi có yêu cầu')).toEqual({ kind: 'none', date: null, rule: null, text: 'Khi có yêu cầu' });
    expect(parseDue('')).toEqual({ kind: 'none', date: null, rule: null, text: '' });
  });

  it('reads open starts, periods and "các năm tiếp theo"', () => {
    expect(due('Từ tháng 3/2025')).toEqual(['ongoing', null, null]);
    expect(due('Từ năm 2025 đến năm 2030')).toEqual(['date', '2030-12-31', null]);
    expect(due('Từ tháng 3 đến tháng 6/2025')).toEqual(['date', '2025-06-30', null]);
    expect(due('2025 - 2026')).toEqual(['date', '2026-12-31', null]);
    // An open end is ongoing, a bounded span ends on its last day (the corpus's labelling rules).
    expect(due('Năm 2025 và các năm tiếp theo')).toEqual(['ongoing', null, null]);
    expect(due('Quý IV năm 2025 và các năm tiếp theo')).toEqual(['ongoing', null, null]);
    expect(due('(2026 trở đi)')).toEqual(['ongoing', null, null]);
    expect(due('Từ tháng 11/2025 đến khi kết thúc Tổng kiểm kê')).toEqual(['ongoing', null, null]);
    expect(due('Quý IV/2025- Quý II/2026')).toEqual(['date', '2026-06-30', null]);
    expect(due('Tháng 11 - 12/2025')).toEqual(['date', '2025-12-31', null]);
    expect(due('Năm 2026 - 2027')).toEqual(['date', '2027-12-31', null]);
  });

  it('lets a period win over a first date, and over "thường xuyên"', () => {
    expect(due('Quý II/2025 và hằng năm')).toEqual(['recurring', null, 'yearly']);
    expect(due('Hằng năm, trước ngày 15/12/2025')).toEqual(['recurring', null, 'yearly']);
    expect(due('trước ngày 20 tháng 11 năm 2025 và hàng tháng')).toEqual(['recurring', null, 'monthly']);
    expect(due('Thường xuyên, định kỳ hằng quý báo cáo về Sở Tài chính')).toEqual(['recurring', null, 'quarterly']);
  });

  it('keeps events and other schedules as text without a date', () => {
    expect(due('Khi có phát sinh')).toEqual(['none', null, null]);
    expect(due('Sau khi Nghị định được ban hành')).toEqual(['none', null, null]);
    expect(due('Theo tiến độ xây dựng dự thảo văn bản của cơ quan chủ trì soạn thảo')).toEqual(['roadmap', null, null]);
    expect(due('bảo đảm đúng tiến độ đã được phê duyệt')).toEqual(['roadmap', null, null]);
  });

  it('works without diacritics and with stray spaces', () => {
    expect(due('Hang  quy')).toEqual(['recurring', null, 'quarterly']);
    expect(due('Quy  II / 2025')).toEqual(['date', '2025-06-30', null]);
    expect(due('Thuong xuyen')).toEqual(['ongoing', null, null]);
    expect(due('truoc ngay 30 thang 11 nam 2025')).toEqual(['date', '2025-11-30', null]);
    expect(due('Theo lo trinh')).toEqual(['roadmap', null, null]);
  });
});

describe('findDeadline: deadlines inside sentences', () => {
  it('finds "trước ngày …" and keeps the original words', () => {
    const found = findDeadline('kết quả xử lý báo cáo Sở Nội vụ trước ngày 30/11/2025.');
    expect(found?.due).toEqual({ kind: 'date', date: '2025-11-30', rule: null, text: 'trước ngày 30/11/2025' });
  });

  it('finds "hoàn thành trong quý …", "chậm nhất …"', () => {
    expect(findDeadline('xây dựng quy chế, hoàn thành trong Quý III/2025')?.due.date).toBe('2025-09-30');
    expect(findDeadline('gửi Sở Tư pháp chậm nhất ngày 05/01/2026')?.due.date).toBe('2026-01-05');
  });

  it('ignores dates that are not deadlines', () => {
    expect(findDeadline('Thực hiện Kế hoạch số 63/KH-UBND ngày 10/9/2025 của UBND tỉnh')).toBeNull();
    expect(findDeadline('phấn đấu hoàn thành 100% khối lượng công việc năm 2025')).toBeNull();
  });

  it('leaves a yearly anchor to the cadence', () => {
    expect(findDeadline('báo cáo trước ngày 10/12 hằng năm', { defaultYear: 2025 })).toBeNull();
  });
});

describe('findCadence', () => {
  it('takes consecutive keywords, the parenthesis after them and a day before them', () => {
    const text = 'Định kỳ hằng quý, hằng năm (vào ngày mùng 08 tháng cuối quý và ngày 10/12 hằng năm) báo cáo kết quả';
    expect(findCadence(text)?.due).toEqual({
      kind: 'recurring',
      date: null,
      rule: 'quarterly',
      text: 'Định kỳ hằng quý, hằng năm (vào ngày mùng 08 tháng cuối quý và ngày 10/12 hằng năm)',
      anchor: { day: 8, month_of_period: 'last' },
    });
    expect(findCadence('báo cáo trước ngày 30/11 hằng năm')?.due.anchor).toEqual({ day: 30, month: 11 });
    expect(findCadence('báo cáo trước ngày 20 hằng tháng')?.due.anchor).toEqual({ day: 20 });
    expect(findCadence('báo cáo về Văn phòng Sở trước ngày 25 hằng tháng')?.due.text).toBe('trước ngày 25 hằng tháng');
  });

  it('reads daily monitoring as ongoing', () => {
    expect(findCadence('để theo dõi, giám sát hằng ngày tình hình')?.due).toMatchObject({ kind: 'ongoing', text: 'hằng ngày' });
  });

  it('does not take "theo quy định" for a quarter', () => {
    expect(findCadence('thực hiện theo quy định của pháp luật')).toBeNull();
  });
});

describe('scanDates', () => {
  it('does not read document numbers as dates', () => {
    const folded = foldAligned('Nghị định số 249/2025/NĐ-CP, Nghị quyết số 57-NQ/TW, Văn bản 9090/UBND-VX1');
    expect(scanDates(folded)).toEqual([]);
  });
});
