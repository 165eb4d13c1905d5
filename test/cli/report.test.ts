import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/index.js';
import { REPORT_COLUMNS } from '../../src/dashboard/xlsx.js';
import { loadDemo } from '../../src/demo/load.js';
import { fixedClock } from '../../src/domain/time.js';
import { getTranslator } from '../../src/i18n.js';
import { cliRunner } from '../helpers/cli.js';
import { createTestDatabase } from '../helpers/db.js';

const clock = fixedClock('2026-11-24T02:00:00Z');
const t = getTranslator().for('vi');
let handle: DatabaseHandle;
let dir: string;
let cli: ReturnType<typeof cliRunner>;

beforeAll(async () => {
  handle = await createTestDatabase();
  await loadDemo(handle.db, clock.now(), { linkCodeTtlDays: 7 });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dondoc-report-'));
  cli = cliRunner(handle.db, clock, dir);
});
afterAll(async () => {
  await handle.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function open(file: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path.join(dir, file));
  return workbook.getWorksheet(t('report-sheet'))!;
}

describe('dondoc report', () => {
  it('writes every period due in the range, with the columns an office sends up the chain', async () => {
    const result = await cli('report', '--from', '2026-11-01', '--to', '2026-11-30', '--out', 'thang-11.xlsx');
    expect(result.code).toBe(0);
    const expected = await handle.db
      .selectFrom('occurrences')
      .select(['id', 'due_date'])
      .where('due_date', '>=', '2026-11-01')
      .where('due_date', '<=', '2026-11-30')
      .execute();
    expect(result.stdout.at(-1)).toContain(`Đã ghi ${expected.length} dòng`);
    const sheet = await open('thang-11.xlsx');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      'STT',
      'Nhiệm vụ',
      'Văn bản',
      'Đơn vị chủ trì',
      'Đơn vị phối hợp',
      'Người thực hiện',
      'Hạn',
      'Trạng thái',
      'Số ngày quá hạn',
      'Ghi chú mới nhất',
    ]);
    expect(REPORT_COLUMNS).toHaveLength(10);
    expect(sheet.rowCount).toBe(expected.length + 1);
    const rows = Array.from({ length: expected.length }, (_, i) => sheet.getRow(i + 2));
    expect(rows.map((r) => r.getCell(1).value)).toEqual(rows.map((_, i) => i + 1));
    for (const row of rows) {
      const due = row.getCell(7).value as Date;
      expect(due).toBeInstanceOf(Date);
      expect(due.toISOString() >= '2026-11-01' && due.toISOString() < '2026-12-01').toBe(true);
      expect(String(row.getCell(3).value)).toContain('Nghị quyết số 57-NQ/TW');
    }
    const blocked = rows.find((r) => r.getCell(8).value === 'Vướng mắc' && Number(r.getCell(9).value) === 20)!;
    expect(blocked.getCell(10).value).toContain('Sở Khoa học và Công nghệ');
    expect(blocked.getCell(6).value).toBe('Phan Văn Long');
  });

  it('refuses bad dates, a reversed range and a missing or non-Excel output, writing nothing', async () => {
    expect((await cli('report', '--from', '2026-02-30', '--out', 'x.xlsx')).code).toBe(2);
    expect((await cli('report', '--from', '2026-12-01', '--to', '2026-11-01', '--out', 'x.xlsx')).code).toBe(2);
    expect((await cli('report', '--from', '2026-11-01')).code).toBe(2);
    expect((await cli('report', '--out', 'x.csv')).code).toBe(2);
    expect(fs.existsSync(path.join(dir, 'x.xlsx'))).toBe(false);
  });
});
