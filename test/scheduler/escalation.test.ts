import { describe, expect, it } from 'vitest';
import type { Message } from 'grammy/types';
import { buttons, type TelegramHarness } from '../helpers/telegram-app.js';
import type { FakeUser } from '../fakes/telegram-api.js';
import { harnessWithPeople, type People, task, unitOf } from './helpers.js';

let h: TelegramHarness;
let p: People;
let office: number;

harnessWithPeople({ at: '2025-12-01T02:00:00Z' }, async (started, people) => {
  h = started;
  p = people;
  office = await unitOf(h, p.ids.an);
});

async function press(user: FakeUser, message: Message | number, label: string) {
  const queryId = user.pressButton(message, label);
  return h.tg.waitFor(() => h.tg.callbackAnswers(queryId)[0]);
}

async function forge(user: FakeUser, message: Message | number, data: string) {
  const queryId = user.press(message, data);
  return h.tg.waitFor(() => h.tg.callbackAnswers(queryId)[0]);
}

async function deliverTo(user: FakeUser, n: number): Promise<Message[]> {
  const before = h.tg.sentTo(user.id, { includeDeleted: true }).length;
  await h.app.scheduler.deliver();
  const sent = h.tg.sentTo(user.id, { includeDeleted: true }).slice(before);
  expect(sent).toHaveLength(n);
  return sent;
}

async function updates(occurrenceId: number) {
  return h.database.db.selectFrom('updates').selectAll().where('occurrence_id', '=', occurrenceId).orderBy('id').execute();
}

describe('a task marked blocked', () => {
  it('tells the head of the lead unit, with the owner and the reason, a few minutes later', async () => {
    const t = await task(h, 'Tổng hợp số liệu ngân sách', '2025-12-05', office, [p.ids.an]);
    await h.expectMessages(p.an, 2, () => p.an.send(`vướng: chờ số liệu của Sở Tài chính #${t.taskId}`));
    await deliverTo(p.binh, 0);
    h.clock.advance(10 * 60_000);
    const [alert] = await deliverTo(p.binh, 1);
    expect(alert!.text).toContain(`Việc #${t.taskId} · Tổng hợp số liệu ngân sách đang vướng mắc.`);
    expect(alert!.text).toContain('Người báo: Nguyễn Văn An · Người thực hiện: Nguyễn Văn An');
    expect(alert!.text).toContain('Lý do: chờ số liệu của Sở Tài chính');
    expect(buttons(alert!).map((b) => b.text)).toEqual(['Mở việc']);
    const before = h.tg.sentTo(p.binh.id).length;
    await press(p.binh, alert!, 'Mở việc');
    const [card] = (await h.tg.waitForSent(p.binh.id, before + 1)).slice(before);
    expect(card!.text).toContain(`#${t.taskId} · Tổng hợp số liệu ngân sách`);
    expect(buttons(card!).map((b) => b.text)).toEqual(['Đang thực hiện', 'Hoàn thành', 'Vướng mắc', 'Xin gia hạn']);
  });

  it('carries the reason typed after pressing "Vướng mắc", and a second note the same day adds nothing', async () => {
    const t = await task(h, 'Báo cáo tiến độ đề án', '2025-12-05', office, [p.ids.an]);
    const [header] = await h.expectMessages(p.an, 1, () => p.an.send('/tasks'));
    const cards = await h.tg.waitFor(() => {
      const all = h.tg.sentTo(p.an.id);
      const found = all.slice(all.indexOf(all.find((m) => m.message_id === header!.message_id)!)).find((m) => m.text?.startsWith(`#${t.taskId} `));
      return found;
    });
    const before = h.tg.sentTo(p.an.id).length;
    await press(p.an, cards, 'Vướng mắc');
    await h.tg.waitFor(() =>
      h.tg
        .sentTo(p.an.id)
        .slice(before)
        .some((m) => m.text?.includes('Vướng mắc gì?')),
    );
    const [saved] = await h.expectMessages(p.an, 1, () => p.an.send('Chưa có ý kiến của Sở Nội vụ'));
    expect(saved!.text).toContain(`Đã ghi nhận ghi chú cho việc #${t.taskId}`);
    h.clock.advance(10 * 60_000);
    const [alert] = await deliverTo(p.binh, 1);
    expect(alert!.text).toContain('Lý do: Chưa có ý kiến của Sở Nội vụ');
    await h.expectMessages(p.an, 2, () => p.an.send(`vướng: vẫn chờ #${t.taskId}`));
    const rows = await h.database.db.selectFrom('outbox').select('kind').where('kind', '=', 'escalation_blocked').execute();
    expect(rows).toHaveLength(2);
  });

  it('waits for office hours when marked blocked in the evening', async () => {
    h.clock.set('2025-12-01T10:25:00Z'); // 17:25
    const t = await task(h, 'Việc chiều muộn', '2025-12-10', office, [p.ids.an]);
    await h.expectMessages(p.an, 2, () => p.an.send(`vướng: thiếu người #${t.taskId}`));
    const row = await h.database.db.selectFrom('outbox').selectAll().where('kind', '=', 'escalation_blocked').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(new Date(row.next_attempt_at).toISOString()).toBe('2025-12-02T00:30:00.000Z');
    h.clock.set('2025-12-02T00:30:00Z');
    await deliverTo(p.binh, 1);
  });
});

describe('extension requests', () => {
  let t: { taskId: number; occurrenceId: number };
  let request: Message;

  it('go to the unit head with Approve and Reject buttons', async () => {
    h.clock.set('2025-12-02T02:00:00Z');
    t = await task(h, 'Xây dựng báo cáo tổng kết', '2025-12-05', office, [p.ids.an]);
    const [ack] = await h.expectMessages(p.an, 1, () => p.an.send(`gia hạn 20/12 chờ ý kiến Sở Tài chính #${t.taskId}`));
    expect(ack!.text).toContain('Đã gửi đề nghị gia hạn');
    request = (await deliverTo(p.binh, 1))[0]!;
    expect(request.text).toContain(`Nguyễn Văn An xin gia hạn việc #${t.taskId} · Xây dựng báo cáo tổng kết`);
    expect(request.text).toContain('Hạn hiện tại: 05/12/2025 → đề nghị: 20/12/2025');
    expect(request.text).toContain('Lý do: chờ ý kiến Sở Tài chính');
    expect(buttons(request).map((b) => b.text)).toEqual(['Đồng ý', 'Từ chối', 'Mở việc']);
  });

  it('cannot be decided by the requester or by staff of another unit', async () => {
    const data = buttons(request).find((b) => b.text === 'Đồng ý')!.data;
    const anMessage = h.tg.sentTo(p.an.id).at(-1)!;
    expect((await forge(p.an, anMessage, data)).text).toContain('Chỉ lãnh đạo của đơn vị chủ trì');
    const cuongMessage = h.tg.sentTo(p.cuong.id).at(-1)!;
    expect((await forge(p.cuong, cuongMessage, data)).text).toContain('Chỉ lãnh đạo của đơn vị chủ trì');
    expect((await updates(t.occurrenceId)).filter((u) => u.kind === 'extension_decision')).toHaveLength(0);
  });

  it('approved: stores the decision, moves the due date, edits the request and tells the owner', async () => {
    const answer = await press(p.binh, request, 'Đồng ý');
    expect(answer.text).toContain('Đã đồng ý gia hạn');
    await h.tg.waitFor(() => h.tg.message(p.binh.id, request.message_id)?.text?.includes('✅ Trần Thị Bình đã đồng ý gia hạn đến ngày 20/12/2025.'));
    expect(h.tg.message(p.binh.id, request.message_id)?.reply_markup).toBeUndefined();
    const rows = await updates(t.occurrenceId);
    const asked = rows.find((u) => u.kind === 'extension_request')!;
    expect(rows.filter((u) => u.kind === 'extension_decision')).toMatchObject([
      { decision: 'approved', ref_update_id: asked.id, staff_id: p.ids.binh, requested_due: '2025-12-20' },
    ]);
    const occ = await h.database.db.selectFrom('occurrences').select('due_date').where('id', '=', t.occurrenceId).executeTakeFirstOrThrow();
    expect(occ.due_date).toBe('2025-12-20');
    const [told] = await deliverTo(p.an, 1);
    expect(told!.text).toContain(
      `Đề nghị gia hạn việc #${t.taskId} · Xây dựng báo cáo tổng kết đã được Trần Thị Bình đồng ý. Hạn mới: 20/12/2025 (hạn cũ: 05/12/2025).`,
    );
    expect(buttons(told!)).toHaveLength(4);
  });

  it('a replayed decision changes nothing', async () => {
    const answer = await forge(p.binh, request, buttons(request).find((b) => b.text === 'Từ chối')!.data);
    expect(answer.text).toContain('đã được xử lý');
    expect((await updates(t.occurrenceId)).filter((u) => u.kind === 'extension_decision')).toHaveLength(1);
  });

  it('rejected: the due date stays and the owner hears why not', async () => {
    await h.expectMessages(p.an, 1, () => p.an.send(`gia hạn 31/12 #${t.taskId}`));
    const [second] = await deliverTo(p.binh, 1);
    await press(p.binh, second!, 'Từ chối');
    const occ = await h.database.db.selectFrom('occurrences').select('due_date').where('id', '=', t.occurrenceId).executeTakeFirstOrThrow();
    expect(occ.due_date).toBe('2025-12-20');
    const [told] = await deliverTo(p.an, 1);
    expect(told!.text).toContain('đến ngày 31/12/2025 không được Trần Thị Bình đồng ý. Hạn vẫn là 20/12/2025.');
  });

  it("a unit head's own request goes up to the leader above", async () => {
    const own = await task(h, 'Việc của trưởng phòng', '2025-12-05', office, [p.ids.binh]);
    await h.expectMessages(p.binh, 1, () => p.binh.send(`gia hạn 15/12 #${own.taskId}`));
    const [toLeader] = await deliverTo(p.dung, 1);
    expect(toLeader!.text).toContain(`Trần Thị Bình xin gia hạn việc #${own.taskId}`);
    await press(p.dung, toLeader!, 'Đồng ý');
    const occ = await h.database.db.selectFrom('occurrences').select('due_date').where('id', '=', own.occurrenceId).executeTakeFirstOrThrow();
    expect(occ.due_date).toBe('2025-12-15');
  });
});
