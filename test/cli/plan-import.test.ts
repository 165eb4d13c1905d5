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
      ref: '1',
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

  it('refuses a missing file and another type, changing nothing', async () => {
    fs.writeFileSync(path.join(dir, 'x.pdf'), '%PDF');
    expect(await cli('plan', 'import', 'nope.txt')).toMatchObject({ code: 2 });
    expect((await cli('plan', 'import', 'x.pdf')).stderr[0]).toContain('.docx, .txt hoặc .xlsx');
    expect((await cli('plan', 'import')).code).toBe(2);
  });
});
