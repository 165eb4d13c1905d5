import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/index.js';
import { loadDemo } from '../../src/demo/load.js';
import { fixedClock } from '../../src/domain/time.js';
import { cliRunner } from '../helpers/cli.js';
import { createTestDatabase } from '../helpers/db.js';
import { docxParagraphs } from '../helpers/zip.js';

const clock = fixedClock('2026-11-24T02:00:00Z');
let handle: DatabaseHandle;
let dir: string;
let cli: ReturnType<typeof cliRunner>;

beforeAll(async () => {
  handle = await createTestDatabase();
  await loadDemo(handle.db, clock.now(), { linkCodeTtlDays: 7 });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dondoc-rounds-'));
  cli = cliRunner(handle.db, clock, dir);
});
afterAll(async () => {
  await handle.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function periodCount(unitName?: string): Promise<number> {
  let query = handle.db
    .selectFrom('occurrences as o')
    .innerJoin('tasks as t', 't.id', 'o.task_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('t.cancelled_at', 'is', null)
    .where('o.status', '<>', 'cancelled')
    .where((eb) =>
      eb.or([
        eb.and([eb('o.due_date', '>=', '2026-10-01'), eb('o.due_date', '<=', '2026-12-31')]),
        eb.and([eb('o.status', 'in', ['open', 'in_progress', 'blocked']), eb('o.due_date', '<', '2026-10-01')]),
      ]),
    );
  if (unitName) {
    query = query.where('o.lead_unit_id', 'in', (eb) =>
      eb.selectFrom('unit_closure as c').innerJoin('units as u', 'u.id', 'c.ancestor_id').select('c.unit_id').where('u.name', '=', unitName),
    );
  }
  return Number((await query.executeTakeFirstOrThrow()).n);
}

describe('dondoc report and monitoring export', () => {
  it('writes the Word report of a quarter for the organisation, with every task of its scope', async () => {
    const result = await cli('report', '--period', '2026-Q4', '--out', 'q4.docx');
    expect(result.code).toBe(0);
    const count = await periodCount();
    expect(count).toBeGreaterThan(3);
    expect(result.stdout.at(-1)).toContain(`Đã ghi ${count} dòng`);
    const paragraphs = await docxParagraphs(fs.readFileSync(path.join(dir, 'q4.docx')));
    expect(paragraphs).toContain('BÁO CÁO');
    expect(paragraphs).toContain('Kết quả thực hiện nhiệm vụ quý IV năm 2026');
    expect(paragraphs.find((p) => p.startsWith('Trong kỳ có'))).toContain(`Trong kỳ có ${count} nhiệm vụ`);
  });

  it('narrows to one unit with --unit, and adds the appendix and scorecard sheets to the workbook', async () => {
    const unit = 'Văn phòng Sở';
    expect((await cli('report', '--period', '2026-Q4', '--unit', unit, '--out', 'vp.xlsx')).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(dir, 'vp.xlsx'));
    const appendix = workbook.getWorksheet('Phụ lục')!;
    expect(appendix.rowCount - 1).toBe(await periodCount(unit));
    const units = new Set(Array.from({ length: appendix.rowCount - 1 }, (_, i) => appendix.getRow(i + 2).getCell(3).value));
    expect([...units]).toEqual([unit]);
    const score = workbook.getWorksheet('Đánh giá đơn vị')!;
    expect(score.getRow(score.rowCount).getCell(2).value).toBe(await periodCount(unit));
  });

  it('exports every task’s progress as CSV and Excel for the monitoring systems', async () => {
    expect((await cli('monitoring', 'export', '--out', 'nq57.csv')).code).toBe(0);
    const csv = fs.readFileSync(path.join(dir, 'nq57.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFNhiệm vụ,Đơn vị chủ trì,Thời hạn,Tình trạng,Kết quả,Sản phẩm,Cập nhật lần cuối\r\n')).toBe(true);
    const all = await handle.db.selectFrom('occurrences').select('id').where('status', '<>', 'cancelled').where('due_date', 'is not', null).execute();
    expect(csv.trimEnd().split('\r\n').length - 1).toBeLessThanOrEqual(all.length);
    expect((await cli('monitoring', 'export', '--period', '2026-Q4', '--out', 'nq57.xlsx')).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(dir, 'nq57.xlsx'));
    expect(workbook.getWorksheet('Theo dõi')!.rowCount - 1).toBe(await periodCount());
  });

  it('refuses a bad period, an unknown unit, a Word report without a period and a wrong extension, writing nothing', async () => {
    expect((await cli('report', '--period', '2026-Q9', '--out', 'bad.docx')).stderr.join('\n')).toContain('Kỳ không hợp lệ: 2026-Q9');
    expect((await cli('report', '--period', '2026-Q4', '--unit', 'Phòng Không Có', '--out', 'bad.docx')).stderr.join('\n')).toContain('Không có đơn vị');
    expect((await cli('report', '--out', 'bad.docx')).code).toBe(2);
    expect((await cli('report', '--period', '2026', '--from', '2026-01-01', '--out', 'bad.docx')).code).toBe(2);
    expect((await cli('monitoring', 'export', '--out', 'bad.pdf')).code).toBe(2);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('bad'))).toEqual([]);
  });
});

describe('dondoc round', () => {
  it('takes the policy’s yearly day, or an explicit --due, and refuses a malformed one', async () => {
    expect((await cli('round', 'policy', '--year-day', '15/12', '--collect-days', '3')).code).toBe(0);
    const yearly = await cli('round', 'open', '--period', '2026');
    expect(yearly.stdout.at(-1)).toContain('hạn tổng hợp 15/12/2026, hỏi các đơn vị từ 10/12/2026');
    expect((await cli('round', 'open', '--period', '2026')).stdout.at(-1)).toContain('đã mở');
    expect((await cli('round', 'open', '--period', '2026-Q3', '--due', '2026-09-31')).code).toBe(2);
    expect((await cli('round', 'policy', '--year-day', '31/02')).stderr.join('\n')).toContain('31/02');
    expect((await cli('round', 'policy', '--quarter-day', '40')).code).toBe(2);
    expect((await cli('round', 'open', '--period', '2026-Q3', '--plan', '999')).code).toBe(2);
    expect((await cli('round', 'open', '--from', '2026-12-01', '--to', '2026-11-01')).code).toBe(2);
    expect((await cli('round', 'open', '--from', '2026-11-01', '--to', '2026-11-30')).stdout.at(-1)).toContain('hạn tổng hợp 30/11/2026');
    const rounds = await handle.db.selectFrom('report_rounds').select(['period_key', 'due_date']).orderBy('id').execute();
    expect(rounds).toEqual([
      { period_key: '2026', due_date: '2026-12-15' },
      { period_key: '2026-11-01..2026-11-30', due_date: '2026-11-30' },
    ]);
    const list = await cli('round', 'list');
    expect(list.stdout.join('\n')).toContain('2026 · hạn 15/12/2026 · đang thu thập');
  });
});
