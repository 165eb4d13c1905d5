import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { DatabaseHandle } from '../../src/db/index.js';
import { fixedClock } from '../../src/domain/time.js';
import { createTestDatabase } from '../helpers/db.js';
import { cliRunner } from '../helpers/cli.js';
import { hashToken } from '../../src/store/sessions.js';

let handle: DatabaseHandle;
let dir: string;
const clock = fixedClock('2026-11-23T02:00:00Z');
let cli: ReturnType<typeof cliRunner>;

const PEOPLE = `name,unit,role,phone
Nguyễn Văn An,Sở Tư pháp / Văn phòng Sở,unit_head,0912 345 678
Trần Thị Bình,Sở Tư pháp / Văn phòng Sở,staff,+84 913 000 111
"Lê Văn Cường","Sở Tư pháp / Phòng Phổ biến, giáo dục pháp luật",staff,0913000222
Phạm Thị Dung,Sở Tư pháp,leader,0913000333
,Sở Tư pháp,staff,0913000444
Hoàng Văn Em,Sở Tư pháp,boss,0913000555
Vũ Thị Phương,Sở Tư pháp,staff,12345
Đỗ Văn Giang,Sở Tư pháp,staff,0912345678
`;

beforeAll(async () => {
  handle = await createTestDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dondoc-cli-'));
  fs.writeFileSync(path.join(dir, 'people.csv'), PEOPLE);
  cli = cliRunner(handle.db, clock, dir);
});
afterAll(async () => {
  await handle.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('staff import', () => {
  it('loads good rows, creates the unit path, and reports each bad row by line number', async () => {
    const result = await cli('staff', 'import', 'people.csv');
    expect(result.code).toBe(0);
    expect(result.stderr).toHaveLength(4);
    expect(result.stderr[0]).toMatch(/^Dòng 6: thiếu họ tên/);
    expect(result.stderr[1]).toMatch(/^Dòng 7: vai trò "boss"/);
    expect(result.stderr[2]).toMatch(/^Dòng 8: số điện thoại "12345"/);
    expect(result.stderr[3]).toMatch(/^Dòng 9: .*trùng với dòng 2/);
    expect(result.stdout.at(-1)).toContain('4 cán bộ mới');
    const units = await handle.db.selectFrom('units').select(['path', 'depth']).orderBy('path').execute();
    expect(units).toEqual([
      { path: 'Sở Tư pháp', depth: 0 },
      { path: 'Sở Tư pháp / Phòng Phổ biến, giáo dục pháp luật', depth: 1 },
      { path: 'Sở Tư pháp / Văn phòng Sở', depth: 1 },
    ]);
    const binh = await handle.db.selectFrom('staff').selectAll().where('phone', '=', '0913000111').executeTakeFirstOrThrow();
    expect(binh).toMatchObject({ name: 'Trần Thị Bình', role: 'staff' });
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await handle.db.selectFrom('staff').selectAll().orderBy('id').execute();
    const result = await cli('staff', 'import', 'people.csv');
    expect(result.stdout.at(-1)).toContain('0 cán bộ mới, 0 cập nhật, 4 không đổi');
    expect(await handle.db.selectFrom('staff').selectAll().orderBy('id').execute()).toEqual(before);
    expect(await handle.db.selectFrom('units').select('id').execute()).toHaveLength(3);
  });

  it('keeps the closure table whole so a subtree is one join', async () => {
    const root = await handle.db.selectFrom('units').select('id').where('path', '=', 'Sở Tư pháp').executeTakeFirstOrThrow();
    const below = await handle.db.selectFrom('unit_closure').select('unit_id').where('ancestor_id', '=', root.id).execute();
    expect(below).toHaveLength(3);
  });

  it('reads the same layout from an xlsx file, with Vietnamese headers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Cán bộ');
    sheet.addRow(['Họ tên', 'Đơn vị', 'Vai trò', 'Số điện thoại']);
    sheet.addRow(['Ngô Thị Hoa', 'Sở Tư pháp / Trung tâm Trợ giúp pháp lý', 'staff', '0913000666']);
    await workbook.xlsx.writeFile(path.join(dir, 'more.xlsx'));
    const result = await cli('staff', 'import', 'more.xlsx');
    expect(result.code).toBe(0);
    expect(result.stdout.at(-1)).toContain('1 cán bộ mới');
  });

  it('reads a semicolon-separated UTF-16 export with NUL bytes, and refuses an unknown encoding naming it', async () => {
    const text = 'Họ tên;Đơn vị;Vai trò;SĐT\r\nLý Thị Nguyệt;Sở Tư pháp / Văn phòng Sở;staff;0913\u0000000777\r\n';
    fs.writeFileSync(path.join(dir, 'export.csv'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const result = await cli('staff', 'import', 'export.csv');
    expect(result).toMatchObject({ code: 0, stderr: [] });
    expect(result.stdout.at(-1)).toContain('1 cán bộ mới');
    const nguyet = await handle.db.selectFrom('staff').select('name').where('phone', '=', '0913000777').executeTakeFirstOrThrow();
    expect(nguyet.name).toBe('Lý Thị Nguyệt');
    const before = await handle.db.selectFrom('staff').select('id').execute();
    const latin = [
      'name,unit,role,phone',
      ...Array.from({ length: 20 }, (_, i) => `François Müller,Bureau général,staff,09130009${String(i).padStart(2, '0')}`),
    ];
    fs.writeFileSync(path.join(dir, 'latin.csv'), Buffer.from(latin.join('\n'), 'latin1'));
    const refused = await cli('staff', 'import', 'latin.csv');
    expect(refused).toMatchObject({ code: 2, stderr: [expect.stringMatching(/ISO-8859-1.*CSV UTF-8/)] });
    expect(await handle.db.selectFrom('staff').select('id').execute()).toEqual(before);
  });

  it('refuses another file type and a missing file with a clear message, changing nothing', async () => {
    fs.writeFileSync(path.join(dir, 'people.pdf'), '%PDF-1.4');
    const before = await handle.db.selectFrom('staff').select('id').execute();
    expect(await cli('staff', 'import', 'people.pdf')).toMatchObject({ code: 2, stderr: [expect.stringContaining('.csv hoặc .xlsx')] });
    expect(await cli('staff', 'import', 'nope.csv')).toMatchObject({ code: 2, stderr: [expect.stringContaining('Không tìm thấy tệp')] });
    fs.writeFileSync(path.join(dir, 'bad-header.csv'), 'ten,phone\nA,0912000000\n');
    expect((await cli('staff', 'import', 'bad-header.csv')).stderr[0]).toContain('thiếu cột');
    expect(await handle.db.selectFrom('staff').select('id').execute()).toEqual(before);
  });
});

describe('staff link-code and task add', () => {
  it('prints a code on the last line of stdout', async () => {
    const result = await cli('staff', 'link-code', '0913 000 111');
    expect(result.code).toBe(0);
    expect(result.stdout.at(-1)).toMatch(/^[A-Z2-9]{8}$/);
    const row = await handle.db.selectFrom('link_codes').selectAll().where('code', '=', result.stdout.at(-1)!).executeTakeFirstOrThrow();
    expect(new Date(row.expires_at).getTime() - clock.now().getTime()).toBe(7 * 86_400_000);
  });

  it('refuses an unknown phone', async () => {
    expect(await cli('staff', 'link-code', '0999999999')).toMatchObject({ code: 2, stderr: [expect.stringContaining('0999999999')] });
  });

  it('adds a task owned by a person in their unit and prints its id', async () => {
    const result = await cli('task', 'add', '--title', 'Báo cáo kết quả', '--owner', '0913000111', '--due', '2026-11-30', '--product', 'Báo cáo');
    expect(result.code).toBe(0);
    const id = Number(result.stdout.at(-1));
    const task = await handle.db.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(task).toMatchObject({ title: 'Báo cáo kết quả', due_kind: 'date', due_date: '2026-11-30', product: 'Báo cáo' });
    const occ = await handle.db.selectFrom('occurrences').selectAll().where('task_id', '=', id).executeTakeFirstOrThrow();
    expect(occ).toMatchObject({ status: 'open', due_date: '2026-11-30', period_key: 'once' });
  });

  it('refuses a malformed date, an unknown unit and a missing title, adding nothing', async () => {
    const before = await handle.db.selectFrom('tasks').select('id').execute();
    expect((await cli('task', 'add', '--title', 'X', '--owner', '0913000111', '--due', '2026-02-30')).stderr[0]).toContain('2026-02-30');
    expect((await cli('task', 'add', '--title', 'X', '--owner', '0913000111', '--due', '30/11/2026')).code).toBe(2);
    expect((await cli('task', 'add', '--title', 'X', '--owner', '0913000111', '--unit', 'Không có')).stderr[0]).toContain('Không có');
    expect((await cli('task', 'add', '--owner', '0913000111')).code).toBe(2);
    expect(await handle.db.selectFrom('tasks').select('id').execute()).toEqual(before);
  });

  it('login-link prints a one-time office sign-in URL on its last line for a unit head, and refuses staff', async () => {
    const result = await cli('login-link', '0912 345 678');
    expect(result.code).toBe(0);
    const url = new URL(result.stdout.at(-1)!);
    expect(`${url.origin}${url.pathname}`).toBe('http://localhost:8080/dashboard/login');
    expect(url.searchParams.get('next')).toBe('/office');
    const token = url.searchParams.get('token')!;
    const stored = await handle.db.selectFrom('web_login_tokens').selectAll().executeTakeFirstOrThrow();
    expect(stored.token_hash).toBe(hashToken(token));
    expect(new Date(stored.expires_at).getTime() - clock.now().getTime()).toBe(15 * 60_000);
    expect(await cli('login-link', '0913000111')).toMatchObject({ code: 2, stderr: [expect.stringContaining('không phải quản trị')] });
    expect(await cli('login-link', '0999999999')).toMatchObject({ code: 2 });
  });

  it('answers an unknown command with the usage', async () => {
    const result = await cli('frobnicate');
    expect(result.code).toBe(2);
    expect(result.stderr.join('\n')).toContain('staff import');
  });
});
