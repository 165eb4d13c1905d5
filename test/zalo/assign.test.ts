/** /assign on Zalo: no buttons, so the people to choose from are numbered and the head types one. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeZaloUser } from '../fakes/zalo-api.js';
import { createTask } from '../../src/store/tasks.js';
import { seedPeople } from '../helpers/telegram-app.js';
import { startZaloHarness, type ZaloHarness } from '../helpers/zalo-app.js';

let h: ZaloHarness;
let binh: FakeZaloUser;
let an: FakeZaloUser;
const first: number[] = [];

async function ownersOf(taskId: number) {
  return (await h.database.db.selectFrom('task_owners').select('staff_id').where('task_id', '=', taskId).execute()).map((r) => r.staff_id);
}

async function staffId(phone: string) {
  return (await h.database.db.selectFrom('staff').select('id').where('phone', '=', phone).executeTakeFirstOrThrow()).id;
}

beforeAll(async () => {
  h = await startZaloHarness();
  const [anCode, binhCode] = await seedPeople(h, '0912000001', '0912000002');
  an = h.zalo.user('8100000000000000001', 'Nguyễn Văn An');
  binh = h.zalo.user('8100000000000000002', 'Trần Thị Bình');
  await h.say(an, anCode!, 2);
  await h.say(binh, binhCode!, 2);
  const office = (await h.database.db.selectFrom('units').select('id').where('name', '=', 'Văn phòng Sở').executeTakeFirstOrThrow()).id;
  for (const title of ['Tổng hợp báo cáo công tác tư pháp năm', 'Rà soát quy chế làm việc của Sở']) {
    const { taskId } = await createTask(h.database.db, { title, leadUnitId: office, due: { kind: 'date', date: '2026-12-15' } }, h.clock.now());
    first.push(taskId);
  }
});
afterAll(async () => {
  await h.close();
});

describe('/assign on Zalo', () => {
  it('numbers the people of the unit and skip; typing a number gives the task its owner and moves on', async () => {
    const [ask] = await h.say(binh, '/assign');
    expect(ask).toContain(`#${first[0]} · Tổng hợp báo cáo công tác tư pháp năm`);
    expect(ask).toContain('Giao việc này cho ai? (còn 2 việc chưa giao)');
    const menu = ask!.split('\n').at(-1)!;
    expect(menu).toMatch(/^Trả lời: /);
    const numberOf = (label: string) => Number(new RegExp(`(\\d+) ${label}`).exec(menu)?.[1]);
    expect(numberOf('Nguyễn Văn An')).toBeGreaterThan(0);
    expect(numberOf('Bỏ qua')).toBeGreaterThan(0);

    const replies = await h.say(binh, String(numberOf('Nguyễn Văn An')), 2);
    expect(replies[0]).toContain(`Đã giao việc #${first[0]} cho Nguyễn Văn An.`);
    expect(await ownersOf(first[0]!)).toEqual([await staffId('0912000001')]);
    // The next unowned task is offered at once, with its own numbers.
    expect(replies[1]).toContain(`#${first[1]} · Rà soát quy chế làm việc của Sở`);
    expect(replies[1]).toContain('còn 1 việc chưa giao');
  });

  it('a number the menu does not have changes nothing; skip leaves the task unowned', async () => {
    const [wrong] = await h.say(binh, '99');
    expect(wrong).not.toContain('Đã giao');
    expect(await ownersOf(first[1]!)).toEqual([]);
    const menu = (await h.say(binh, `/assign #${first[1]}`))[0]!.split('\n').at(-1)!;
    const skip = Number(/(\d+) Bỏ qua/.exec(menu)?.[1]);
    const [after] = await h.say(binh, String(skip));
    expect(after).toContain('Không còn việc nào của đơn vị chưa có người thực hiện.');
    expect(await ownersOf(first[1]!)).toEqual([]);
  });

  it('the new owner finds the task in /tasks on Zalo', async () => {
    const replies = await h.say(an, '/tasks', 2);
    expect(replies.join('\n')).toContain(`#${first[0]} · Tổng hợp báo cáo công tác tư pháp năm`);
  });

  it('is refused to staff', async () => {
    const [no] = await h.say(an, '/assign');
    expect(no).toContain('Chỉ trưởng đơn vị hoặc lãnh đạo mới giao việc được.');
  });
});
