import { describe, expect, it } from 'vitest';
import { matchField, matchFields } from '../../src/import/fields.js';
import { toLines } from '../../src/import/lines.js';
import { parsePlanText } from '../../src/import/plan-parser.js';

const kinds = (text: string) => toLines(text).map((l) => `${l.kind}:${l.label}:${l.text}`);

describe('toLines', () => {
  it('recognises outline markers', () => {
    expect(kinds('II. NỘI DUNG\n2.1. Rà soát\na) Nội dung\n- Gạch đầu dòng\n+ Gạch cộng\n3) Ba')).toEqual([
      'roman:II:NỘI DUNG',
      'number:2.1:Rà soát',
      'letter:a:Nội dung',
      'bullet:-:Gạch đầu dòng',
      'bullet:+:Gạch cộng',
      'number:3:Ba',
    ]);
  });

  it('reads OCR roman numerals and tells a roman I from a lettered i)', () => {
    expect(kinds('Ill. TỔ CHỨC THỰC HIỆN')).toEqual(['roman:III:TỔ CHỨC THỰC HIỆN']);
    expect(kinds('h) Tám\ni) Chín').map((k) => k.split(':')[0])).toEqual(['letter', 'letter']);
    expect(kinds('i. muc dich').map((k) => k.split(':')[0])).toEqual(['roman']);
  });

  it('does not take years, dates or document numbers for markers', () => {
    expect(kinds('2025 đạt chất lượng\n01/4/2025 của Chính phủ').every((k) => k.startsWith('text'))).toBe(true);
  });

  it('trusts blank lines when they separate paragraphs rather than every line', () => {
    const text = 'Một đoạn mở đầu khá dài, viết trên một dòng để làm mẫu độ rộng của văn bản này\nvà dòng tiếp theo của đoạn đó\n\nTỔ CHỨC\n\nNội dung đoạn mới bắt đầu bằng chữ hoa sau một dòng trống';
    expect(toLines(text).map((l) => l.text)).toEqual([
      'Một đoạn mở đầu khá dài, viết trên một dòng để làm mẫu độ rộng của văn bản này và dòng tiếp theo của đoạn đó',
      'TỔ CHỨC',
      'Nội dung đoạn mới bắt đầu bằng chữ hoa sau một dòng trống',
    ]);
  });
});

describe('field labels', () => {
  it.each([
    ['Đơn vị chủ trì (tham mưu) thực hiện: Văn phòng Sở', 'lead'],
    ['Đơn vị, cá nhân chủ trì tham mưu thực hiện: Các phòng', 'lead'],
    ['Đơn vị thực hiện: Văn phòng Sở', 'lead'],
    ['Cơ quan chủ trì: Sở Tư pháp', 'lead'],
    ['Chủ trì: Sở Tư pháp', 'lead'],
    ['Ðơn vị thực hiện: Văn phòng Sở', 'lead'],
    ['Don vi thuc hien Van phong So', 'lead'],
    ['Đơn vị phối hợp thực hiện: Các phòng', 'support'],
    ['Thời gian hoàn thành: Quý II/2025', 'time'],
    ['Thoi han hoan thanh - thang 6/2025', 'time'],
    ['Sản phẩm: Báo cáo', 'product'],
    ['Nội dung', 'content'],
  ])('%s → %s', (line, kind) => {
    expect(matchField(line)?.kind).toBe(kind);
  });

  it('leaves prose alone', () => {
    expect(matchField('Giao Công an tỉnh:')).toBeNull();
    expect(matchField('Sở Tư pháp yêu cầu các phòng thực hiện các nội dung sau:')).toBeNull();
  });

  it('splits several fields written on one line', () => {
    expect(matchFields('Đơn vị chủ trì: Sở A; Thời gian hoàn thành: Quý II/2025').map((f) => [f.kind, f.value])).toEqual([
      ['lead', 'Sở A'],
      ['time', 'Quý II/2025'],
    ]);
  });
});

describe('"Đề nghị X" and colon-less fields in a task', () => {
  it('reads who is asked and the time', () => {
    const plan = parsePlanText('1. Đề nghị Tòa án nhân dân tỉnh phối hợp cung cấp dữ liệu ly hôn hằng tháng.\n2. Số hóa sổ hộ tịch\n- Don vi thuc hien Phong Ho tich\n- Thoi gian hoan thanh Quy III/2025');
    expect(plan.tasks.map((t) => [t.lead, t.due.kind, t.due.date, t.due.rule])).toEqual([
      [['Tòa án nhân dân tỉnh'], 'recurring', null, 'monthly'],
      [['Phong Ho tich'], 'date', '2025-09-30', null],
    ]);
  });
});
