import { describe, expect, it } from 'vitest';
import { parseDateAndReason, parseReply, parseVnDate, type ReplyIntent } from '../../src/domain/reply-grammar.js';
import { fold } from '../../src/domain/text.js';

const TODAY = '2025-12-20';

const done = (extra: Partial<Extract<ReplyIntent, { kind: 'status' }>> = {}): ReplyIntent => ({ kind: 'status', status: 'done', ...extra });
const progress = (extra: Partial<Extract<ReplyIntent, { kind: 'status' }>> = {}): ReplyIntent => ({
  kind: 'status',
  status: 'in_progress',
  ...extra,
});
const note = (text: string, taskRef?: number): ReplyIntent => (taskRef === undefined ? { kind: 'note', text } : { kind: 'note', text, taskRef });

const cases: Array<[string, ReplyIntent]> = [
  // done, with and without diacritics, any case
  ['xong', done()],
  ['Xong', done()],
  ['XONG', done()],
  ['da xong', done()],
  ['đã xong', done()],
  ['Đã Xong', done()],
  ['hoàn thành', done()],
  ['đã hoàn thành', done()],
  ['DA HOAN THANH', done()],
  ['ht', done()],
  ['HT.', done()],
  ['done', done()],
  ['Done!', done()],
  ['100%', done()],
  ['ok xong', done()],
  ['  xong   rồi  ', done()],
  ['dạ em đã xong ạ', done()],
  ['xong a', done()],
  ['đã làm xong', done()],
  ['finished', done()],
  ['Đã hoàn thành 100%', done()],
  ['100% hoàn thành', done()],
  ['Đã hoàn thành'.normalize('NFD'), done()],
  ['Dạ, vâng, hoàn tất rồi ạ', done()],
  // done with a note
  ['xong, đã gửi báo cáo', done({ note: 'đã gửi báo cáo' })],
  ['Xong - đã gửi báo cáo https://drive.google.com/file/d/abc#12', done({ note: 'đã gửi báo cáo https://drive.google.com/file/d/abc#12' })],
  ['xong: https://vanban.gov.vn/bc-2025.pdf', done({ note: 'https://vanban.gov.vn/bc-2025.pdf' })],
  ['xong ạ, đã gửi Văn phòng Sở', done({ note: 'đã gửi Văn phòng Sở' })],
  ['xong, không vướng gì', done({ note: 'không vướng gì' })],
  ['Done, report sent', done({ note: 'report sent' })],
  ['xong\nĐã gửi   bản ký số', done({ note: 'Đã gửi   bản ký số' })],
  ['vướng: chờ số liệu'.normalize('NFD'), { kind: 'blocked', note: 'chờ số liệu'.normalize('NFD') }],
  ['xong 👍', done()],
  // in progress and percentages
  ['đang làm', progress()],
  ['dang lam', progress()],
  ['ĐANG THỰC HIỆN', progress()],
  ['đang xử lý', progress()],
  ['bắt đầu', progress()],
  ['in progress', progress()],
  ['em vẫn đang làm nhé', progress()],
  ['50%', progress({ percent: 50 })],
  ['30 %', progress({ percent: 30 })],
  ['0%', progress({ percent: 0 })],
  ['99%', progress({ percent: 99 })],
  ['tiến độ 30%', progress({ percent: 30 })],
  ['Tien do: 30%, dang cho ky', progress({ percent: 30, note: 'dang cho ky' })],
  ['đang làm 50%', progress({ percent: 50 })],
  ['đang làm được khoảng 70% rồi', progress({ percent: 70 })],
  ['đã làm được 40%', progress({ percent: 40 })],
  ['hoàn thành 50%', progress({ percent: 50 })],
  ['xong 80%, còn phụ lục', progress({ percent: 80, note: 'còn phụ lục' })],
  ['In progress 40%', progress({ percent: 40 })],
  ['đang làm, chờ phòng Kế hoạch', progress({ note: 'chờ phòng Kế hoạch' })],
  ['50 phần trăm', progress({ percent: 50 })],
  // not percentages, not statuses
  ['150%', note('150%')],
  ['33.5%', note('33.5%')],
  ['50', note('50')],
  ['10', note('10')],
  ['0', note('0')],
  // negations and questions never mean done
  ['chưa xong vì thiếu người', note('chưa xong vì thiếu người')],
  ['chưa xong', note('chưa xong')],
  ['chua hoan thanh', note('chua hoan thanh')],
  ['chưa làm', note('chưa làm')],
  ['Dạ chưa xong ạ', note('Dạ chưa xong ạ')],
  ['không xong được', note('không xong được')],
  ['ko xong', note('ko xong')],
  ['k xong', note('k xong')],
  ['not done', note('not done')],
  ['xong chưa?', note('xong chưa?')],
  ['xong không kịp', note('xong không kịp')],
  ['hoàn thành?', note('hoàn thành?')],
  // blocked
  ['vướng', { kind: 'blocked' }],
  ['vướng mắc', { kind: 'blocked' }],
  ['vuong: cho so lieu', { kind: 'blocked', note: 'cho so lieu' }],
  ['Vướng mắc - chờ số liệu của Sở Tài chính', { kind: 'blocked', note: 'chờ số liệu của Sở Tài chính' }],
  ['khó khăn: thiếu kinh phí', { kind: 'blocked', note: 'thiếu kinh phí' }],
  ['KHO KHAN thieu nguoi', { kind: 'blocked', note: 'thieu nguoi' }],
  ['bị chặn', { kind: 'blocked' }],
  ['blocked: waiting for data', { kind: 'blocked', note: 'waiting for data' }],
  ['em đang vướng vì chưa có chữ ký', { kind: 'blocked', note: 'vì chưa có chữ ký' }],
  // extension
  ['gia hạn 20/12', { kind: 'extension', date: '2025-12-20', dateText: '20/12' }],
  ['gia hạn 05/01', { kind: 'extension', date: '2026-01-05', dateText: '05/01' }],
  ['gia hạn 19/12', { kind: 'extension', date: '2026-12-19', dateText: '19/12' }],
  ['xin gia hạn đến 20/12/2025 vì chờ số liệu', { kind: 'extension', date: '2025-12-20', dateText: '20/12/2025', note: 'vì chờ số liệu' }],
  ['gia han 20/12 cho so lieu', { kind: 'extension', date: '2025-12-20', dateText: '20/12', note: 'cho so lieu' }],
  ['GIA HAN 25-12-26', { kind: 'extension', date: '2026-12-25', dateText: '25-12-26' }],
  ['lùi hạn sang 15.01.2026, chờ họp', { kind: 'extension', date: '2026-01-15', dateText: '15.01.2026', note: 'chờ họp' }],
  ['gia hạn đến ngày 25 tháng 12', { kind: 'extension', date: '2025-12-25', dateText: '25 tháng 12' }],
  ['gia hạn ngày 10 tháng 1 năm 2026 vì Tết', { kind: 'extension', date: '2026-01-10', dateText: 'ngày 10 tháng 1 năm 2026', note: 'vì Tết' }],
  ['extend 20/12', { kind: 'extension', date: '2025-12-20', dateText: '20/12' }],
  ['Extend to 31/12 because of the audit', { kind: 'extension', date: '2025-12-31', dateText: '31/12', note: 'because of the audit' }],
  ['em xin gia hạn: 2026-02-01', { kind: 'extension', date: '2026-02-01', dateText: '2026-02-01' }],
  ['gia hạn 29/02/2028', { kind: 'extension', date: '2028-02-29', dateText: '29/02/2028' }],
  ['gia hạn 29/02/2027', { kind: 'extension', invalidDate: true, dateText: '29/02/2027' }],
  ['gia hạn 31/02', { kind: 'extension', invalidDate: true, dateText: '31/02' }],
  ['gia hạn 20/13', { kind: 'extension', invalidDate: true, dateText: '20/13' }],
  ['gia hạn abc', { kind: 'extension', invalidDate: true, dateText: 'abc' }],
  ['gia hạn ngày mai', { kind: 'extension', invalidDate: true, dateText: 'ngày mai' }],
  ['gia hạn 20/12/202 vì chờ', { kind: 'extension', invalidDate: true, dateText: '20/12/202', note: 'vì chờ' }],
  ['gia hạn 20/12abc', { kind: 'extension', invalidDate: true, dateText: '20/12abc' }],
  ['xin gia hạn', { kind: 'extension' }],
  ['xin gia hạn vì chờ số liệu', { kind: 'extension', note: 'vì chờ số liệu' }],
  // task references
  ['xong #15', done({ taskRef: 15 })],
  ['#15 xong', done({ taskRef: 15 })],
  ['xong #15, đã gửi', done({ taskRef: 15, note: 'đã gửi' })],
  ['50% #7', progress({ percent: 50, taskRef: 7 })],
  ['gia hạn 20/12 #15', { kind: 'extension', date: '2025-12-20', dateText: '20/12', taskRef: 15 }],
  ['#3 vướng: chờ ký', { kind: 'blocked', note: 'chờ ký', taskRef: 3 }],
  ['#15 cần thêm người', note('cần thêm người', 15)],
  ['#15', note('', 15)],
  ['#0 xong', note('#0 xong')],
  ['chưa xong #15', note('chưa xong', 15)],
  // menu numbers
  ['1', { kind: 'menu', choice: 1 }],
  ['2', { kind: 'menu', choice: 2 }],
  [' 9 ', { kind: 'menu', choice: 9 }],
  ['3.', { kind: 'menu', choice: 3 }],
  ['2 #15', { kind: 'menu', choice: 2, taskRef: 15 }],
  ['#15 2', { kind: 'menu', choice: 2, taskRef: 15 }],
  ['12 #15', note('12', 15)],
  // free text
  ['  Đã gửi dự thảo cho anh Nam  ', note('Đã gửi dự thảo cho anh Nam')],
  ['ok', note('ok')],
  ['https://drive.google.com/x', note('https://drive.google.com/x')],
  ['chỉ còn phụ lục 2', note('chỉ còn phụ lục 2')],
  ['xongg', note('xongg')],
];

describe('parseReply', () => {
  it.each(cases)('%j', (text, expected) => {
    expect(parseReply(text, TODAY)).toStrictEqual(expected);
  });

  it('rolls a year-less date over only when it has passed', () => {
    expect(parseReply('gia hạn 29/02', '2027-03-01')).toStrictEqual({ kind: 'extension', date: '2028-02-29', dateText: '29/02' });
    expect(parseReply('gia hạn 29/02', '2027-01-10')).toStrictEqual({ kind: 'extension', invalidDate: true, dateText: '29/02' });
    expect(parseReply('gia hạn 20/12', '2025-12-21')).toStrictEqual({ kind: 'extension', date: '2026-12-20', dateText: '20/12' });
  });

  it('does not truncate long notes', () => {
    const long = 'chờ '.repeat(3000).trim();
    expect(parseReply(`vướng: ${long}`, TODAY)).toStrictEqual({ kind: 'blocked', note: long });
  });
});

/** What a reply means, leaving out the words it quotes (notes, the date as written). */
function meaning(intent: ReplyIntent): Record<string, unknown> {
  const { kind, taskRef } = intent;
  const base = { kind, ...(taskRef === undefined ? {} : { taskRef }) };
  switch (intent.kind) {
    case 'status':
      return { ...base, status: intent.status, percent: intent.percent, hasNote: intent.note !== undefined };
    case 'blocked':
      return { ...base, hasNote: intent.note !== undefined };
    case 'extension':
      return { ...base, date: intent.date, invalidDate: intent.invalidDate ?? false, hasNote: intent.note !== undefined };
    case 'menu':
      return { ...base, choice: intent.choice };
    case 'note':
      return { ...base, empty: intent.text === '' };
  }
}

const untagged = cases.filter(([text]) => !text.includes('#'));

describe('what a reply means does not depend on how it is typed', () => {
  it.each(cases)('%j means the same without diacritics and in capitals', (text, expected) => {
    expect(meaning(parseReply(fold(text).toUpperCase(), TODAY))).toEqual(meaning(expected));
  });

  it.each(cases)('%j means the same in decomposed Unicode and with spaces around it', (text, expected) => {
    expect(meaning(parseReply(`  ${text.normalize('NFD')}\t `, TODAY))).toEqual(meaning(expected));
  });

  it.each(untagged)('%j names task 15 when "#15" is added before or after it, and means the same otherwise', (text, expected) => {
    for (const variant of [`${text} #15`, `#15 ${text}`]) {
      expect(meaning(parseReply(variant, TODAY)), variant).toEqual({ ...meaning(expected), taskRef: 15 });
    }
  });
});

describe('a negated "done" is never done', () => {
  const saysDone = cases.filter(([text, intent]) => intent.kind === 'status' && intent.status === 'done' && !text.includes('#') && !/^\d/.test(text));
  it.each(saysDone)('"chưa …", "không …" and "not …" before %j', (text) => {
    for (const negated of [`chưa ${text}`, `chua ${fold(text)}`, `không ${text}`, `not ${text}`]) {
      const intent = parseReply(negated, TODAY);
      expect(intent.kind === 'status' && intent.status === 'done', negated).toBe(false);
    }
  });
});

describe('parseVnDate', () => {
  const dates: Array<[string, ReturnType<typeof parseVnDate>]> = [
    ['20/12', { date: '2025-12-20' }],
    ['5/1', { date: '2026-01-05' }],
    ['20/12/2025', { date: '2025-12-20' }],
    ['20-12-25', { date: '2025-12-20' }],
    ['20.12', { date: '2025-12-20' }],
    ['ngày 20 tháng 12', { date: '2025-12-20' }],
    ['ngay 20 thang 12 nam 2026', { date: '2026-12-20' }],
    ['Ngày 20/12/2025.', { date: '2025-12-20' }],
    ['2026-01-31', { date: '2026-01-31' }],
    ['29/02/2028', { date: '2028-02-29' }],
    ['29/02/2027', { error: 'invalid' }],
    ['31/02', { error: 'invalid' }],
    ['32/12', { error: 'invalid' }],
    ['20/13/2025', { error: 'invalid' }],
    ['20/12/202', { error: 'invalid' }],
    ['20/12-2025', { error: 'invalid' }],
    ['20', { error: 'invalid' }],
    ['20/12 abc', { error: 'invalid' }],
    ['abc', null],
    ['', null],
    ['ngày mai', null],
  ];
  it.each(dates)('%j', (text, expected) => {
    expect(parseVnDate(text, TODAY)).toStrictEqual(expected);
  });
});

describe('parseDateAndReason', () => {
  it('reads the answer to "which date?"', () => {
    expect(parseDateAndReason('20/12 vì chờ số liệu', TODAY)).toStrictEqual({ date: '2025-12-20', dateText: '20/12', note: 'vì chờ số liệu' });
    expect(parseDateAndReason('đến 05/01/2026', TODAY)).toStrictEqual({ date: '2026-01-05', dateText: '05/01/2026' });
    expect(parseDateAndReason('  ', TODAY)).toStrictEqual({});
    expect(parseDateAndReason('sau Tết', TODAY)).toStrictEqual({ invalidDate: true, dateText: 'sau', note: 'Tết' });
  });
});
