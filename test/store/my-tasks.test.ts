/**
 * The list behind /tasks (store/tasks.ts listMyOpenOccurrences): a person's open tasks, and for a
 * unit head also the unit's tasks nobody owns yet, soonest first and undated last, paged, with
 * the total counted in the same query and past the last page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/index.js';
import type { Staff } from '../../src/db/schema.js';
import { createTask, listMyOpenOccurrences } from '../../src/store/tasks.js';
import { ensureUnitPath } from '../../src/store/units.js';
import { createTestDatabase } from '../helpers/db.js';

const NOW = new Date('2026-11-23T02:00:00Z');

let handle: DatabaseHandle;
let head: Staff;
let clerk: Staff;
let otherHead: Staff;

async function person(unitId: number, name: string, role: Staff['role']): Promise<Staff> {
  return handle.db
    .insertInto('staff')
    .values({ unit_id: unitId, name, name_folded: name.toLowerCase(), phone: `09${Math.floor(Math.random() * 1e8)}`, role, updated_at: NOW })
    .returningAll()
    .executeTakeFirstOrThrow();
}

const date = (d: string) => ({ kind: 'date' as const, date: d });

beforeAll(async () => {
  handle = await createTestDatabase();
  const office = await ensureUnitPath(handle.db, ['Sở Thử nghiệm', 'Văn phòng Sở']);
  const finance = await ensureUnitPath(handle.db, ['Sở Thử nghiệm', 'Phòng Kế hoạch - Tài chính']);
  head = await person(office, 'Trưởng Văn phòng', 'unit_head');
  clerk = await person(office, 'Chuyên viên', 'staff');
  otherHead = await person(finance, 'Trưởng phòng Tài chính', 'unit_head');
  const db = handle.db;
  // The head owns two; the office leads two nobody owns (one undated); the clerk owns one the
  // office leads; finance leads one nobody owns; one of the head's is cancelled, one is done.
  await createTask(db, { title: 'Của trưởng, hạn 20/12', leadUnitId: office, ownerIds: [head.id], due: date('2026-12-20') }, NOW);
  await createTask(db, { title: 'Của trưởng, hạn 05/12', leadUnitId: finance, ownerIds: [head.id], due: date('2026-12-05') }, NOW);
  await createTask(db, { title: 'Văn phòng chủ trì, chưa giao, hạn 10/12', leadUnitId: office, due: date('2026-12-10') }, NOW);
  await createTask(db, { title: 'Văn phòng chủ trì, chưa giao, không hạn', leadUnitId: office, due: { kind: 'none', date: null } }, NOW);
  await createTask(db, { title: 'Của chuyên viên', leadUnitId: office, ownerIds: [clerk.id], due: date('2026-12-01') }, NOW);
  await createTask(db, { title: 'Tài chính chủ trì, chưa giao', leadUnitId: finance, due: date('2026-12-02') }, NOW);
  const cancelled = await createTask(db, { title: 'Đã hủy', leadUnitId: office, ownerIds: [head.id], due: date('2026-12-03') }, NOW);
  await db.updateTable('tasks').set({ cancelled_at: NOW }).where('id', '=', cancelled.taskId).execute();
  const done = await createTask(db, { title: 'Đã xong', leadUnitId: office, ownerIds: [head.id], due: date('2026-12-04') }, NOW);
  await db.updateTable('occurrences').set({ status: 'done' }).where('task_id', '=', done.taskId).execute();
});
afterAll(async () => {
  await handle.close();
});

const titles = (rows: { title: string }[]) => rows.map((r) => r.title);

describe('the tasks a person answers for', () => {
  it("a unit head sees their own and their unit's unowned ones, soonest first, undated last", async () => {
    const { rows, total } = await listMyOpenOccurrences(handle.db, head, { limit: 10, offset: 0 });
    expect(total).toBe(4);
    expect(titles(rows)).toEqual([
      'Của trưởng, hạn 05/12',
      'Văn phòng chủ trì, chưa giao, hạn 10/12',
      'Của trưởng, hạn 20/12',
      'Văn phòng chủ trì, chưa giao, không hạn',
    ]);
    expect(rows[0]).not.toHaveProperty('total');
  });

  it('a staff member sees only what they own', async () => {
    const { rows, total } = await listMyOpenOccurrences(handle.db, clerk, { limit: 10, offset: 0 });
    expect(total).toBe(1);
    expect(titles(rows)).toEqual(['Của chuyên viên']);
  });

  it('pages keep the order and the total; past the last page the total is still counted', async () => {
    const first = await listMyOpenOccurrences(handle.db, head, { limit: 3, offset: 0 });
    const second = await listMyOpenOccurrences(handle.db, head, { limit: 3, offset: 3 });
    expect(first.total).toBe(4);
    expect(second).toMatchObject({ total: 4 });
    expect(titles(second.rows)).toEqual(['Văn phòng chủ trì, chưa giao, không hạn']);
    expect(await listMyOpenOccurrences(handle.db, head, { limit: 3, offset: 6 })).toEqual({ rows: [], total: 4 });
    expect(await listMyOpenOccurrences(handle.db, otherHead, { limit: 5, offset: 0 })).toMatchObject({ total: 1 });
  });
});
