import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_PLAN_FILE_BYTES, MAX_PLAN_TEXT_CHARS, PlanFileError, readPlanBuffer, readPlanFile } from '../../src/import/read-plan.js';
import { ZIP_LIMITS, ZipGuardError, checkZip } from '../../src/import/zip-guard.js';
import { buildDocx, buildPdf, buildXlsx, buildZipBomb, para, table } from './fixtures.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dondoc-plan-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const PLAN_TEXT = `SỞ TƯ PHÁP
Số: 12/KH-STP
II. NỘI DUNG
1. Rà soát văn bản quy phạm pháp luật
- Đơn vị chủ trì: Phòng Xây dựng và kiểm tra văn bản
- Thời gian hoàn thành: tháng 12/2025`;

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    expect(error).toBeInstanceOf(PlanFileError);
    return (error as PlanFileError).code;
  }
}

describe('readPlanFile / readPlanBuffer: .txt', () => {
  it('reads UTF-8 with a BOM from disk', async () => {
    const file = path.join(tmp, 'plan.txt');
    fs.writeFileSync(file, `\uFEFF${PLAN_TEXT}`);
    const plan = await readPlanFile(file);
    expect(plan.document).toEqual({ number: '12/KH-STP', date: null, issuer: 'SỞ TƯ PHÁP' });
    expect(plan.tasks).toMatchObject([{ ref: 'II.1', lead: ['Phòng Xây dựng và kiểm tra văn bản'], due: { kind: 'date', date: '2025-12-31' } }]);
  });

  it('reads UTF-16 with a BOM', async () => {
    const buf = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PLAN_TEXT, 'utf16le')]);
    expect((await readPlanBuffer(buf, 'plan.TXT')).tasks).toHaveLength(1);
  });
});

describe('.docx', () => {
  it('reads a two-column header table, automatic numbering and an appendix table', async () => {
    const buf = await buildDocx([
      table([
        [
          'UBND TỈNH ĐỒNG NAI\nSỞ TƯ PHÁP\nSố: 77/KH-STP',
          'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nĐồng Nai, ngày 05 tháng 3 năm 2025',
        ],
      ]),
      para('KẾ HOẠCH'),
      para('Sở Tư pháp yêu cầu các phòng, đơn vị thuộc Sở thực hiện các nội dung sau:'),
      para('Tổ chức tuyên truyền Nghị quyết số 57-NQ/TW', [1, 0]),
      para('Đơn vị thực hiện: Văn phòng Sở'),
      para('Thời gian thực hiện: Thường xuyên'),
      para('Về chuyển đổi số', [1, 0]),
      para('Số hóa hồ sơ hộ tịch, hoàn thành trước ngày 30/9/2025.', [1, 1]),
      para('Cập nhật dữ liệu công chứng hằng tháng.', [1, 1]),
      para('PHỤ LỤC'),
      table([
        ['STT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời gian hoàn thành'],
        ['1', 'Xây dựng kho dữ liệu', { text: 'Trung tâm Dịch vụ', merge: 'restart' }, 'Quý II/2025'],
        ['2', 'Vận hành kho dữ liệu', { text: '', merge: 'continue' }, 'Thường xuyên'],
      ]),
    ]);
    const plan = await readPlanBuffer(buf, 'ke-hoach.docx');
    expect(plan.document).toEqual({ number: '77/KH-STP', date: '2025-03-05', issuer: 'SỞ TƯ PHÁP' });
    expect(plan.tasks.map((t) => [t.ref, t.title, t.lead, t.due.kind, t.due.date, t.due.rule])).toEqual([
      ['1', 'Tổ chức tuyên truyền Nghị quyết số 57-NQ/TW', ['Văn phòng Sở'], 'ongoing', null, null],
      ['2.a', 'Số hóa hồ sơ hộ tịch, hoàn thành trước ngày 30/9/2025', ['các phòng, đơn vị thuộc Sở'], 'date', '2025-09-30', null],
      ['2.b', 'Cập nhật dữ liệu công chứng hằng tháng', ['các phòng, đơn vị thuộc Sở'], 'recurring', null, 'monthly'],
      ['PL.1', 'Xây dựng kho dữ liệu', ['Trung tâm Dịch vụ'], 'date', '2025-06-30', null],
      ['PL.2', 'Vận hành kho dữ liệu', ['Trung tâm Dịch vụ'], 'ongoing', null, null],
    ]);
  });

  it('reports a broken .docx as unreadable and an empty one as empty', async () => {
    expect(await codeOf(readPlanBuffer(Buffer.from('not a zip'), 'a.docx'))).toBe('unreadable');
    expect(await codeOf(readPlanBuffer(await buildDocx([para(' ')]), 'a.docx'))).toBe('empty');
  });
});

describe('.pdf', () => {
  it('reads the text layer: header, items and their field lines', async () => {
    // The fixture's standard font has no Vietnamese letters, so the text is written without
    // diacritics, as many forwarded plans are.
    const buf = buildPdf([
      'SO TU PHAP',
      'So: 12/KH-STP',
      '',
      'II. NOI DUNG',
      '1. Ra soat van ban quy pham phap luat',
      '- Don vi chu tri: Phong Xay dung va kiem tra van ban',
      '- Thoi gian hoan thanh: thang 12/2025',
      '2. So hoa ho so ho tich, hoan thanh truoc ngay 30/9/2025',
      '- Don vi thuc hien: Phong Hanh chinh tu phap',
    ]);
    const plan = await readPlanBuffer(buf, 'ke-hoach.PDF');
    expect(plan.document).toEqual({ number: '12/KH-STP', date: null, issuer: 'SO TU PHAP' });
    expect(plan.tasks.map((t) => [t.ref, t.title, t.lead, t.due.kind, t.due.date])).toEqual([
      ['II.1', 'Ra soat van ban quy pham phap luat', ['Phong Xay dung va kiem tra van ban'], 'date', '2025-12-31'],
      ['II.2', 'So hoa ho so ho tich, hoan thanh truoc ngay 30/9/2025', ['Phong Hanh chinh tu phap'], 'date', '2025-09-30'],
    ]);
  });

  it('tells a scan without a text layer from a damaged file', async () => {
    expect(await codeOf(readPlanBuffer(buildPdf([]), 'scan.pdf'))).toBe('scanned');
    expect(await codeOf(readPlanBuffer(Buffer.from('%PDF-1.4\n%%EOF'), 'plan.pdf'))).toBe('unreadable');
    const cut = buildPdf(['SO TU PHAP', '1. Ra soat van ban']);
    expect(await codeOf(readPlanBuffer(cut.subarray(0, 40), 'plan.pdf'))).toBe('unreadable');
  });
});

describe('hostile Office files', () => {
  it('refuses a zip bomb before unpacking it (.docx and .xlsx)', async () => {
    const bomb = await buildZipBomb(200 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await codeOf(readPlanBuffer(bomb, 'a.docx'))).toBe('too_large');
    expect(await codeOf(readPlanBuffer(bomb, 'a.xlsx'))).toBe('too_large');
  });

  it('stops inflating an entry that lies about its size', async () => {
    const bomb = Buffer.from(await buildZipBomb(64 * 1024 * 1024));
    // Rewrite the declared uncompressed size (local header and central directory) to 1000 bytes.
    for (let i = 0; i + 4 <= bomb.length; i++) {
      const sig = bomb.readUInt32LE(i);
      if (sig === 0x04034b50) bomb.writeUInt32LE(1000, i + 22);
      if (sig === 0x02014b50) bomb.writeUInt32LE(1000, i + 24);
    }
    await expect(checkZip(bomb)).rejects.toBeInstanceOf(ZipGuardError);
    expect(await codeOf(readPlanBuffer(bomb, 'a.docx'))).toBe('unreadable');
  });

  it('counts the bytes it inflates, whatever the archive declares', async () => {
    const zip = Buffer.from(await buildZipBomb(3 * 1024 * 1024));
    const limits = { ...ZIP_LIMITS, entryBytes: 2 * 1024 * 1024, ratio: Number.POSITIVE_INFINITY };
    await expect(checkZip(zip, limits)).rejects.toMatchObject({ problem: 'too_large' });
    await expect(checkZip(zip, { ...limits, entryBytes: 4 * 1024 * 1024 })).resolves.toBeUndefined();
  });

  it('refuses a text longer than the limit, in any format, before parsing it', async () => {
    const line = '1. Rà soát văn bản quy phạm pháp luật, đơn vị chủ trì: Sở Tư pháp.\n';
    const long = line.repeat(Math.ceil(MAX_PLAN_TEXT_CHARS / (line.length - 1)) + 10);
    expect(await codeOf(readPlanBuffer(Buffer.from(long), 'a.txt'))).toBe('too_long');
    expect(await codeOf(readPlanBuffer(Buffer.from(long.slice(0, MAX_PLAN_TEXT_CHARS - 1000)), 'a.txt'))).toBe('ok');
    const paras = long.split('\n').map((l) => para(l));
    expect(await codeOf(readPlanBuffer(await buildDocx(paras), 'a.docx'))).toBe('too_long');
  }, 30_000);

  it('refuses a file over the size limit without reading it', async () => {
    const big = path.join(tmp, 'big.txt');
    fs.writeFileSync(big, Buffer.alloc(MAX_PLAN_FILE_BYTES + 1, 0x61));
    expect(await codeOf(readPlanFile(big))).toBe('too_large');
    expect(await codeOf(readPlanBuffer(Buffer.alloc(MAX_PLAN_FILE_BYTES + 1, 0x61), 'a.txt'))).toBe('too_large');
  });
});

describe('.xlsx appendix', () => {
  it('finds the header below a title, skips the numbering row, groups and reads dates', async () => {
    const buf = await buildXlsx([
      ['PHỤ LỤC'],
      ['DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2025'],
      ['(Kèm theo Kế hoạch số 123/KH-STP ngày 05/3/2025 của Sở Tư pháp)'],
      [null, 'STT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian hoàn thành', 'Sản phẩm', 'Ghi chú'],
      [null, '(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)'],
      [null, 'I', 'Nhóm nhiệm vụ về thể chế'],
      [null, 1, 'Rà soát thủ tục hành chính', 'Văn phòng Sở', 'Các phòng, đơn vị thuộc Sở', new Date(Date.UTC(2025, 5, 30)), 'Báo cáo'],
      [null, 2, 'Số hóa hồ sơ hộ tịch', 'Phòng Hành chính tư pháp\nTrung tâm Dịch vụ', null, 'Quý III/2025', 'Dữ liệu'],
      [null, 'II', 'Nhóm nhiệm vụ thường xuyên'],
      [null, 1, 'Báo cáo tình hình', 'Văn phòng Sở', null, 'Hằng quý'],
      [null, 2, 'Tổng kết năm', 'Văn phòng Sở', null, 46022],
    ]);
    const plan = await readPlanBuffer(buf, 'phu-luc.xlsx');
    expect(plan.document).toEqual({ number: '123/KH-STP', date: '2025-03-05', issuer: 'Sở Tư pháp' });
    expect(plan.tasks).toEqual([
      {
        ref: 'I.1',
        title: 'Rà soát thủ tục hành chính',
        lead: ['Văn phòng Sở'],
        support: ['Các phòng, đơn vị thuộc Sở'],
        due: { kind: 'date', date: '2025-06-30', rule: null, text: '30/06/2025' },
        product: 'Báo cáo',
      },
      {
        ref: 'I.2',
        title: 'Số hóa hồ sơ hộ tịch',
        lead: ['Phòng Hành chính tư pháp', 'Trung tâm Dịch vụ'],
        support: [],
        due: { kind: 'date', date: '2025-09-30', rule: null, text: 'Quý III/2025' },
        product: 'Dữ liệu',
      },
      {
        ref: 'II.1',
        title: 'Báo cáo tình hình',
        lead: ['Văn phòng Sở'],
        support: [],
        due: { kind: 'recurring', date: null, rule: 'quarterly', text: 'Hằng quý' },
      },
      { ref: 'II.2', title: 'Tổng kết năm', lead: ['Văn phòng Sở'], support: [], due: { kind: 'date', date: '2025-12-31', rule: null, text: '31/12/2025' } },
    ]);
  });

  it('reads a two-row header whose time column is split into start and end', async () => {
    const buf = await buildXlsx([
      ['TT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian', 'Thời gian'],
      [null, null, null, null, 'Bắt đầu', 'Hoàn thành'],
      ['1', 'Xây dựng quy chế', 'Sở Nội vụ', 'Sở Tư pháp', 'Tháng 1/2025', 'Tháng 6/2025'],
    ]);
    const plan = await readPlanBuffer(buf, 'a.xlsx');
    expect(plan.tasks).toMatchObject([{ ref: '1', lead: ['Sở Nội vụ'], support: ['Sở Tư pháp'], due: { kind: 'date', date: '2025-06-30' } }]);
  });

  it('reports a workbook without a task table as unreadable and an empty one as empty', async () => {
    expect(await codeOf(readPlanBuffer(await buildXlsx([['Họ tên', 'Điện thoại']]), 'a.xlsx'))).toBe('unreadable');
    expect(await codeOf(readPlanBuffer(await buildXlsx([]), 'a.xlsx'))).toBe('empty');
  });
});

describe('errors', () => {
  it('refuses other file types, unreadable text and empty files with a code', async () => {
    expect(await codeOf(readPlanBuffer(Buffer.from('%PDF-1.4'), 'plan.pdf'))).toBe('unreadable');
    expect(await codeOf(readPlanBuffer(Buffer.from('x'), 'plan.doc'))).toBe('unsupported_type');
    expect(await codeOf(readPlanBuffer(Buffer.from('x'), 'plan'))).toBe('unsupported_type');
    expect(await codeOf(readPlanBuffer(Buffer.from([0xc3, 0x28, 0x41]), 'plan.txt'))).toBe('unreadable');
    expect(await codeOf(readPlanBuffer(Buffer.from('   \n'), 'plan.txt'))).toBe('empty');
    expect(await codeOf(readPlanFile(path.join(tmp, 'missing.txt')))).toBe('unreadable');
    expect(await codeOf(readPlanFile(path.join(tmp, 'plan.doc')))).toBe('unsupported_type');
    const empty = path.join(tmp, 'empty.txt');
    fs.writeFileSync(empty, '');
    expect(await codeOf(readPlanFile(empty))).toBe('empty');
  });

  it('carries no user-facing prose in the code', () => {
    const error = new PlanFileError('empty', 'the file is empty');
    expect(error.code).toBe('empty');
    expect(error.name).toBe('PlanFileError');
  });
});
