import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeUser } from '../fakes/telegram-api.js';
import { buildPdf, buildZipBomb } from '../import/fixtures.js';
import { seedsDir } from '../import/seeds.js';
import { buttons, startTelegramHarness, type TelegramHarness } from '../helpers/telegram-app.js';

const SEED = fs.readFileSync(path.join(seedsDir, '004_287c31982e94b98a.txt'));
const PEOPLE = `name,unit,role,phone
Đỗ Thị Hạnh,Sở Tư pháp / Văn phòng Sở,admin,0912000011
Trần Văn Hùng,Sở Tư pháp / Văn phòng Sở,unit_head,0912000012
Lê Thị Lan,Sở Tư pháp / Văn phòng Sở,staff,0912000013
Phạm Văn Minh,"Sở Tư pháp / Phòng Phổ biến, giáo dục pháp luật và Theo dõi thi hành pháp luật",unit_head,0912000014
Vũ Văn Nam,"Sở Tư pháp / Phòng Xây dựng, kiểm tra văn bản quy phạm pháp luật và Quản lý xử lý vi phạm hành chính",unit_head,0912000015
`;

let h: TelegramHarness;
let admin: FakeUser;
let head: FakeUser;
let lan: FakeUser;

async function link(user: FakeUser, phone: string) {
  const code = (await h.cli('staff', 'link-code', phone)).stdout.at(-1)!;
  await h.expectMessages(user, 2, () => user.send(`/start ${code}`));
}

beforeAll(async () => {
  h = await startTelegramHarness();
  fs.writeFileSync(path.join(h.dir, 'people.csv'), PEOPLE);
  await h.cli('staff', 'import', 'people.csv');
  admin = h.tg.user({ id: 4001, first_name: 'Hạnh' });
  head = h.tg.user({ id: 4002, first_name: 'Hùng' });
  lan = h.tg.user({ id: 4003, first_name: 'Lan' });
  await link(admin, '0912000011');
  await link(head, '0912000012');
  await link(lan, '0912000013');
});
afterAll(async () => {
  await h.close();
});

const taskCount = async () => (await h.database.db.selectFrom('tasks').select('id').execute()).length;

describe('sending a plan to the bot', () => {
  it('refuses a file from someone who is not an admin, and other file types or sizes, storing nothing', async () => {
    const [refused] = await h.expectMessages(lan, 1, () => lan.sendDocument({ fileName: 'ke-hoach.txt', mimeType: 'text/plain', bytes: SEED }));
    expect(refused!.text).toContain('Chỉ quản trị viên');
    const [type] = await h.expectMessages(admin, 1, () => admin.sendDocument({ fileName: 'ke-hoach.doc', mimeType: 'application/msword', bytes: 'x' }));
    expect(type!.text).toContain('.docx, .pdf, .txt hoặc .xlsx');
    const [broken] = await h.expectMessages(admin, 1, () => admin.sendDocument({ fileName: 'ke-hoach.pdf', mimeType: 'application/pdf', bytes: '%PDF' }));
    expect(broken!.text).toContain('Không đọc được nội dung tệp ke-hoach.pdf');
    const [scan] = await h.expectMessages(admin, 1, () => admin.sendDocument({ fileName: 'ban-chup.pdf', mimeType: 'application/pdf', bytes: buildPdf([]) }));
    expect(scan!.text).toContain('bản chụp');
    const bomb = await buildZipBomb(100 * 1024 * 1024);
    const [expands] = await h.expectMessages(admin, 1, () => admin.sendDocument({ fileName: 'bom.docx', mimeType: 'application/octet-stream', bytes: bomb }));
    expect(expands!.text).toContain('giải nén ra quá lớn');
    const [big] = await h.expectMessages(admin, 1, () =>
      admin.sendDocument({ fileName: 'lon.txt', mimeType: 'text/plain', bytes: Buffer.alloc(20 * 1024 * 1024 + 1, 65) }),
    );
    expect(big!.text).toContain('quá lớn');
    expect(await taskCount()).toBe(0);
  });

  it('answers with a preview and Confirm / Cancel; nothing is stored before Confirm', async () => {
    const sent = await h.expectMessages(admin, 1, () => admin.sendDocument({ fileName: 'ke-hoach-57.txt', mimeType: 'text/plain', bytes: SEED }));
    const preview = h.tg.lastTo(admin.id)!;
    expect(sent[0]!.text ?? '').toMatch(/tìm thấy \d+ nhiệm vụ/);
    expect(preview.text).toContain('Chủ trì: Văn phòng Sở');
    expect(preview.text).toContain('Đã nhận ra tất cả đơn vị');
    expect(buttons(preview).map((b) => b.text)).toEqual(['Xác nhận', 'Hủy']);
    expect(await taskCount()).toBe(0);

    const queryId = admin.pressButton(preview, 'Xác nhận');
    await h.tg.waitFor(() => h.tg.callbackAnswers(queryId)[0]);
    await h.tg.waitFor(() => h.tg.message(admin.id, preview.message_id)?.text?.startsWith('Đã nhập'));
    const stored = await taskCount();
    expect(stored).toBeGreaterThanOrEqual(7);

    const again = admin.press(preview, buttons(sent[0]!).length ? buttons(sent[0]!)[0]!.data : buttons(preview)[0]!.data);
    const answer = await h.tg.waitFor(() => h.tg.callbackAnswers(again)[0]);
    expect(answer.text).toContain('đã được xác nhận');
    expect(await taskCount()).toBe(stored);
  });

  it('a cancelled proposal stores nothing', async () => {
    const before = await taskCount();
    await h.expectMessages(admin, 1, () =>
      admin.sendDocument({ fileName: 'ban-sao.txt', mimeType: 'text/plain', bytes: Buffer.concat([SEED, Buffer.from('\n')]) }),
    );
    const preview = h.tg.lastTo(admin.id)!;
    const queryId = admin.pressButton(preview, 'Hủy');
    await h.tg.waitFor(() => h.tg.callbackAnswers(queryId)[0]);
    await h.tg.waitFor(() => h.tg.message(admin.id, preview.message_id)?.text?.startsWith('Đã hủy'));
    expect(await taskCount()).toBe(before);
  });
});

describe('/assign', () => {
  it('the unit head sees unowned tasks of the unit in /tasks until they are assigned', async () => {
    const before = h.tg.sentTo(head.id).length;
    const [header] = await h.expectMessages(head, 1, () => head.send('/tasks'));
    const total = Number(/có (\d+) việc/.exec(header!.text ?? '')?.[1]);
    expect(total).toBeGreaterThan(0);
    // The header, a page of cards, and "more" when there is a next page.
    await h.tg.waitForSent(head.id, before + 1 + Math.min(total, 5) + (total > 5 ? 1 : 0));
  });

  it('gives a task an owner with one press; the owner then has it in /tasks', async () => {
    const [ask] = await h.expectMessages(head, 1, () => head.send('/assign'));
    expect(ask!.text).toContain('Giao việc này cho ai?');
    const names = buttons(ask!).map((b) => b.text);
    expect(names).toEqual(expect.arrayContaining(['Lê Thị Lan', 'Trần Văn Hùng', 'Bỏ qua']));
    const taskId = Number(/^#(\d+)/.exec(ask!.text ?? '')?.[1]);
    const queryId = head.pressButton(ask!, 'Lê Thị Lan');
    const answer = await h.tg.waitFor(() => h.tg.callbackAnswers(queryId)[0]);
    expect(answer.text).toBe(`Đã giao việc #${taskId} cho Lê Thị Lan.`);
    const owners = await h.database.db.selectFrom('task_owners').selectAll().where('task_id', '=', taskId).execute();
    expect(owners).toHaveLength(1);
    const [lanTasks, lanCard] = await h.expectMessages(lan, 2, () => lan.send('/tasks'));
    expect(lanTasks!.text).toContain('1 việc');
    expect(lanCard!.text).toContain(`#${taskId} `);
    const history = await h.database.db.selectFrom('updates').selectAll().where('task_id', '=', taskId).execute();
    expect(history).toMatchObject([{ kind: 'assign' }]);
  });

  it('refuses staff, and a forged assignment to someone outside the unit', async () => {
    const [no] = await h.expectMessages(lan, 1, () => lan.send('/assign'));
    expect(no!.text).toContain('Chỉ trưởng đơn vị');
    const outsider = await h.database.db.selectFrom('staff').select('id').where('phone', '=', '0912000014').executeTakeFirstOrThrow();
    const [ask] = await h.expectMessages(head, 1, () => head.send('/assign'));
    const taskId = Number(/^#(\d+)/.exec(ask!.text ?? '')?.[1]);
    const queryId = head.press(ask!, `as:${taskId}:${outsider.id}`);
    const answer = await h.tg.waitFor(() => h.tg.callbackAnswers(queryId)[0]);
    expect(answer.show_alert).toBe(true);
    expect(await h.database.db.selectFrom('task_owners').selectAll().where('task_id', '=', taskId).execute()).toHaveLength(0);
  });
});
