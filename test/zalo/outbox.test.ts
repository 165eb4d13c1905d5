import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeZaloUser } from '../fakes/zalo-api.js';
import { addTask, seedPeople } from '../helpers/telegram-app.js';
import { startZaloHarness, type ZaloHarness } from '../helpers/zalo-app.js';

// Monday 23/11/2026, 09:00 in Hà Nội: a working day, inside the send window.
const AT = '2026-11-23T02:00:00Z';
const AN = '0912000001';
const BINH = '0912000002';
let h: ZaloHarness;
let an: FakeZaloUser;
let binh: FakeZaloUser;
let overdue: number;
let today: number;

beforeAll(async () => {
  h = await startZaloHarness({ at: AT });
  const [codeAn, codeBinh] = await seedPeople(h, AN, BINH);
  an = h.zalo.user('8123456789012345678', 'Nguyễn Văn An');
  binh = h.zalo.user('8000000000000000002', 'Trần Thị Bình');
  await h.say(an, codeAn!, 2);
  await h.say(binh, codeBinh!, 2);
  overdue = await addTask(h, 'Rà soát văn bản quy phạm pháp luật', AN, '2026-11-20');
  today = await addTask(h, 'Báo cáo kết quả chuyển đổi số quý IV', AN, '2026-11-23');
});
afterAll(async () => {
  await h.close();
});

async function statusOf(taskId: number) {
  return (await h.database.db.selectFrom('occurrences').select('status').where('task_id', '=', taskId).executeTakeFirstOrThrow()).status;
}

describe('the outbox on Zalo', () => {
  it('delivers the morning nudge as one message with a numbered menu that asks for the task', async () => {
    const plan = await h.plan('nudges');
    expect(plan.queued).toMatchObject([{ channel: 'zalo', chatId: an.id, total: 2 }]);
    const report = await h.app.scheduler.deliver();
    expect(report.counts.sent).toBe(1);
    const nudge = h.zalo.sentTo(an.id).at(-1)!.text;
    expect(nudge).toContain('Nhắc việc ngày 23/11/2026');
    expect(nudge.indexOf(`#${overdue}`)).toBeLessThan(nudge.indexOf(`#${today}`));
    // Worded the Zalo way: there are no buttons to press.
    expect(nudge).not.toContain('Bấm nút');
    expect(nudge).toContain('Gõ chữ hoặc số kèm số việc');
    expect(nudge.split('\n').at(-1)).toBe(`Trả lời: 1 Đang làm · 2 Xong · 3 Vướng mắc · 4 Gia hạn (kèm số việc, ví dụ: 2 #${overdue})`);
    const row = await h.database.db.selectFrom('outbox').selectAll().where('chat_id', '=', an.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'sent', platform_message_id: h.zalo.sentTo(an.id).at(-1)!.message_id });
  });

  it('the nudged person answers by number and task, and a bare number asks which task', async () => {
    expect((await h.say(an, '2'))[0]).toContain('nhiều việc');
    const [saved, card] = await h.say(an, `2 #${today}`, 2);
    expect(saved).toBe('Đã cập nhật: Hoàn thành.');
    expect(card).toContain(`#${today}`);
    expect(await statusOf(today)).toBe('done');
    expect(await statusOf(overdue)).toBe('open');
  });

  it('a second tick the same day sends nothing again', async () => {
    await h.plan('nudges');
    expect((await h.app.scheduler.deliver()).counts.sent).toBe(0);
  });

  it('delivers the morning digest to the unit head on Zalo', async () => {
    const plan = await h.plan('digest');
    expect(plan.queued).toMatchObject([{ channel: 'zalo', chatId: binh.id }]);
    await h.app.scheduler.deliver();
    const digest = h.zalo.sentTo(binh.id).at(-1)!.text;
    expect(digest).toContain('Báo cáo sáng 23/11/2026');
    for (const part of h.zalo.sentTo(binh.id)) expect(part.text.length).toBeLessThanOrEqual(2000);
  });

  it('an extension request reaches the unit head, who approves it by typing 1; the owner hears back', async () => {
    const [asked] = await h.say(an, `gia hạn 05/12 chờ số liệu #${overdue}`);
    expect(asked).toContain('05/12/2026');
    await h.app.scheduler.deliver();
    const request = h.zalo.sentTo(binh.id).at(-1)!.text;
    expect(request).toContain(`xin gia hạn việc #${overdue}`);
    expect(request.split('\n').at(-1)).toBe('Trả lời: 1 Đồng ý · 2 Từ chối · 3 Mở việc');
    const [decided] = await h.say(binh, '1');
    expect(decided).toContain('Đã đồng ý gia hạn');
    await h.app.scheduler.deliver();
    expect(h.zalo.sentTo(an.id).at(-1)!.text).toContain(`Đề nghị gia hạn việc #${overdue}`);
    const due = await h.database.db.selectFrom('occurrences').select('due_date').where('task_id', '=', overdue).executeTakeFirstOrThrow();
    expect(due.due_date).toBe('2026-12-05');
  });

  it('a number typed after the decision, whose message has no menu, changes nothing', async () => {
    const [again] = await h.say(binh, '2');
    expect(again).toContain('không có danh sách số');
    expect(await statusOf(overdue)).toBe('open');
    const decisions = await h.database.db.selectFrom('updates').select('decision').where('kind', '=', 'extension_decision').execute();
    expect(decisions).toEqual([{ decision: 'approved' }]);
  });

  it('a blocker reaches the unit head on Zalo, who opens the task by typing 1', async () => {
    const id = await addTask(h, 'Tổ chức hội nghị tập huấn nghiệp vụ', AN, '2026-11-25');
    await h.say(an, `vướng: chờ kinh phí #${id}`, 2);
    h.clock.advance(11 * 60_000);
    await h.app.scheduler.deliver();
    const alert = h.zalo.sentTo(binh.id).at(-1)!.text;
    expect(alert).toContain(`#${id}`);
    expect(alert).toContain('chờ kinh phí');
    expect(alert.split('\n').at(-1)).toBe('Trả lời: 1 Mở việc');
    const [card] = await h.say(binh, '1');
    expect(card).toContain(`#${id} · Tổ chức hội nghị`);
    expect(card!.split('\n').at(-1)).toBe('Trả lời: 1 Đang làm · 2 Xong · 3 Vướng mắc · 4 Gia hạn');
  });

  it('/overdue answers the unit head on Zalo', async () => {
    const [report] = await h.say(binh, '/quahan');
    expect(report).toContain('Tình hình thực hiện nhiệm vụ');
    expect(report!.length).toBeLessThanOrEqual(2000);
  });
});
