import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/index.js';
import { fixedClock } from '../../src/domain/time.js';
import { cliRunner } from '../helpers/cli.js';
import { createTestDatabase } from '../helpers/db.js';
import { buildPdf, buildZipBomb } from '../import/fixtures.js';
import { seedsDir } from '../import/seeds.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..', '..');
const SEED = path.join(seedsDir, '004_287c31982e94b98a.txt');

let handle: DatabaseHandle;
let dir: string;
let cli: ReturnType<typeof cliRunner>;

beforeAll(async () => {
  handle = await createTestDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dondoc-plan-'));
  fs.copyFileSync(SEED, path.join(dir, 'ke-hoach.txt'));
  fs.writeFileSync(
    path.join(dir, 'people.csv'),
    'name,unit,role,phone\nA,Sở Tư pháp / Văn phòng Sở,unit_head,0912000001\n' +
      'B,"Sở Tư pháp / Phòng Phổ biến, giáo dục pháp luật và Theo dõi thi hành pháp luật",unit_head,0912000002\n',
  );
  cli = cliRunner(handle.db, fixedClock('2026-11-23T02:00:00Z'), dir);
  await cli('staff', 'import', 'people.csv');
});
afterAll(async () => {
  await handle.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('plan import', () => {
  it('--dry-run --json prints exactly one JSON object in the contract shape, without opening a database', async () => {
    const { stdout } = await run(
      path.join(root, 'node_modules', '.bin', 'tsx'),
      [path.join(root, 'src', 'cli.ts'), 'plan', 'import', 'ke-hoach.txt', '--dry-run', '--json'],
      {
        cwd: dir,
        env: { ...process.env, DATA_DIR: path.join(dir, 'no-db-here'), DATABASE_URL: '' },
      },
    );
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const plan = JSON.parse(lines[0]!);
    expect(Object.keys(plan).sort()).toEqual(['document', 'tasks']);
    expect(plan.document).toEqual({ number: expect.any(String), date: null, issuer: expect.any(String) });
    expect(plan.tasks[0]).toMatchObject({
      ref: 'II.1',
      lead: [expect.stringContaining('Phòng Phổ biến')],
      support: ['Văn phòng Sở'],
      due: { kind: 'ongoing', date: null, rule: null, text: 'Thường xuyên' },
    });
    expect(fs.existsSync(path.join(dir, 'no-db-here'))).toBe(false);
  }, 30_000);

  it('stores the document and tasks, reports unresolved names, and a second import changes nothing', async () => {
    const first = await cli('plan', 'import', 'ke-hoach.txt');
    expect(first.code).toBe(0);
    expect(first.stdout.at(-1)).toMatch(/Đã nhập ke-hoach.txt: \d+ nhiệm vụ mới, 0 cập nhật, 0 không đổi/);
    expect(first.stderr.join('\n')).toContain('Phòng xây dựng, kiểm tra VBQPPL - QLXLVPHC');
    const tasks = await handle.db.selectFrom('tasks').select('id').execute();
    const second = await cli('plan', 'import', 'ke-hoach.txt');
    expect(second.stdout.at(-1)).toContain(`0 nhiệm vụ mới, 0 cập nhật, ${tasks.length} không đổi`);
    expect(await handle.db.selectFrom('tasks').select('id').execute()).toHaveLength(tasks.length);
    const doc = await handle.db.selectFrom('documents').selectAll().executeTakeFirstOrThrow();
    expect(doc.file_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a missing file, another type, a damaged PDF, a scan and a zip bomb, changing nothing', async () => {
    const before = await handle.db.selectFrom('tasks').select('id').execute();
    fs.writeFileSync(path.join(dir, 'x.pdf'), '%PDF');
    fs.writeFileSync(path.join(dir, 'x.doc'), 'x');
    fs.writeFileSync(path.join(dir, 'scan.pdf'), buildPdf([]));
    fs.writeFileSync(path.join(dir, 'bomb.docx'), await buildZipBomb(100 * 1024 * 1024));
    expect(await cli('plan', 'import', 'nope.txt')).toMatchObject({ code: 2 });
    expect((await cli('plan', 'import', 'x.doc')).stderr[0]).toContain('.docx, .pdf, .txt hoặc .xlsx');
    expect((await cli('plan', 'import', 'x.pdf')).stderr[0]).toContain('Không đọc được nội dung tệp x.pdf');
    expect((await cli('plan', 'import', 'scan.pdf')).stderr[0]).toContain('bản chụp');
    const bomb = await cli('plan', 'import', 'bomb.docx');
    expect(bomb.code).toBe(2);
    expect(bomb.stderr[0]).toContain('giải nén ra quá lớn');
    expect((await cli('plan', 'import')).code).toBe(2);
    expect(await handle.db.selectFrom('tasks').select('id').execute()).toHaveLength(before.length);
  });

  it('shows what the reader should check, and schedules a recurring duty on the day the plan names', async () => {
    fs.writeFileSync(
      path.join(dir, 'bao-cao.txt'),
      [
        'SỞ TƯ PHÁP',
        'Số: 5/KH-STP',
        'II. NỘI DUNG',
        '1. Báo cáo kết quả thực hiện chuyển đổi số',
        '- Đơn vị chủ trì: Văn phòng Sở',
        '- Thời gian thực hiện: Định kỳ hằng quý, trước ngày 08 tháng cuối quý',
        '2. Tuyên truyền về chuyển đổi số trên Cổng thông tin điện tử',
      ].join('\n'),
    );
    const preview = await cli('plan', 'import', 'bao-cao.txt', '--dry-run');
    const text = preview.stdout.join('\n');
    expect(text).toContain('[II.2] Tuyên truyền về chuyển đổi số trên Cổng thông tin điện tử');
    expect(text).toContain('⚠ Cần kiểm tra: chưa rõ đơn vị chủ trì; chưa rõ thời hạn');
    expect(text).toContain('1 nhiệm vụ có điểm chưa rõ');
    const json = JSON.parse((await cli('plan', 'import', 'bao-cao.txt', '--dry-run', '--json')).stdout.join(''));
    expect(json.tasks[0].due).toMatchObject({ kind: 'recurring', rule: 'quarterly', anchor: { day: 8, month_of_period: 'last' } });
    expect(json.tasks[1].doubts).toEqual(['lead', 'due']);
    expect((await cli('plan', 'import', 'bao-cao.txt')).code).toBe(0);
    const task = await handle.db
      .selectFrom('tasks')
      .innerJoin('documents', 'documents.id', 'tasks.document_id')
      .select(['tasks.id', 'tasks.due_spec'])
      .where('documents.number', '=', '5/KH-STP')
      .where('tasks.ref', '=', 'II.1')
      .executeTakeFirstOrThrow();
    expect(task.due_spec).toEqual({ kind: 'quarterly', monthOfQuarter: 3, day: 8 });
    const occurrence = await handle.db.selectFrom('occurrences').select('due_date').where('task_id', '=', task.id).executeTakeFirstOrThrow();
    expect(occurrence.due_date).toBe('2026-12-08');
  });
});
