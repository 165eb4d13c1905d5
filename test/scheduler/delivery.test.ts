import { describe, expect, it } from 'vitest';
import type { TelegramHarness } from '../helpers/telegram-app.js';
import { harnessWithPeople, nudgeItems, type People, task, unitOf } from './helpers.js';

let h: TelegramHarness;
let p: People;

harnessWithPeople({ at: '2025-12-01T01:00:00Z' }, (started, people) => {
  h = started;
  p = people;
});

async function outboxOf(staffId: number) {
  return h.database.db.selectFrom('outbox').selectAll().where('staff_id', '=', staffId).orderBy('id').execute();
}

describe('consolidation', () => {
  it('sends one message listing the five most urgent tasks with their own buttons, then "…và N việc nữa"', async () => {
    const unit = await unitOf(h, p.ids.cuong);
    const dues = ['2025-11-20', '2025-11-27', '2025-11-25', '2025-12-01', '2025-11-28', '2025-12-02', '2025-11-21'];
    const ids = [];
    for (const [i, due] of dues.entries()) ids.push((await task(h, `Việc số ${i + 1}`, due, unit, [p.ids.cuong])).taskId);
    h.clock.set('2025-12-01T01:00:00Z');
    const plan = await h.app.scheduler.planNudges();
    expect(plan.queued.filter((q) => q.staffId === p.ids.cuong)).toEqual([expect.objectContaining({ kind: 'nudge', total: 7 })]);
    await h.app.scheduler.deliver();
    const [message, ...rest] = h.tg.sentTo(p.cuong.id).slice(-1);
    expect(rest).toHaveLength(0);
    expect(nudgeItems(message!)).toEqual([
      `#${ids[0]} quá hạn 11`,
      `#${ids[6]} quá hạn 10`,
      `#${ids[2]} quá hạn 6`,
      `#${ids[1]} quá hạn 4`,
      `#${ids[4]} quá hạn 3`,
    ]);
    expect(message!.text).toContain('có 7 việc');
    expect(message!.text).toContain('…và 2 việc nữa: /tasks');
    expect(message!.reply_markup?.inline_keyboard).toHaveLength(5);
    for (const row of message!.reply_markup!.inline_keyboard) expect(row).toHaveLength(4);
  });
});

describe('delivery failures', () => {
  it('honours 429 retry_after: the row waits that long, the attempt is not counted, then it is sent once', async () => {
    const unit = await unitOf(h, p.ids.an);
    await task(h, 'Báo cáo quý', '2025-12-02', unit, [p.ids.an]);
    h.clock.set('2025-12-01T01:05:00Z');
    await h.app.scheduler.planNudges();
    h.tg.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 2', parameters: { retry_after: 2 } });
    const first = await h.app.scheduler.deliver();
    expect(first.counts).toMatchObject({ retry: 1, sent: 0 });
    const [row] = await outboxOf(p.ids.an);
    expect(row).toMatchObject({ status: 'pending', attempts: 0, last_error: expect.stringContaining('429') });
    expect(new Date(row!.next_attempt_at).toISOString()).toBe('2025-12-01T01:05:02.000Z');
    h.clock.set('2025-12-01T01:05:01Z');
    expect((await h.app.scheduler.deliver()).counts.sent).toBe(0);
    h.clock.set('2025-12-01T01:05:02Z');
    expect((await h.app.scheduler.deliver()).counts.sent).toBe(1);
    const calls = h.tg.callsOf('sendMessage').filter((c) => Number(c.payload['chat_id']) === p.an.id);
    expect(calls.slice(-2).map((c) => c.status)).toEqual([429, 200]);
    expect(calls.at(-1)!.at - calls.at(-2)!.at).toBeGreaterThanOrEqual(1950);
    expect(h.tg.sentTo(p.an.id).filter((m) => m.text?.startsWith('Nhắc việc'))).toHaveLength(1);
  });

  it('retries 5xx and network failures with backoff, then gives up as dead with the last error', async () => {
    await task(h, 'Việc của chị Bình', '2025-12-02', await unitOf(h, p.ids.binh), [p.ids.binh]);
    h.clock.set('2025-12-01T01:10:00Z');
    await h.app.scheduler.planNudges();
    h.tg.failNext('sendMessage', 'network');
    h.tg.failNext('sendMessage', { error_code: 502, description: 'Bad Gateway' }, { times: 5 });
    const statuses: string[] = [];
    let previous = h.clock.now().getTime();
    for (let attempt = 1; attempt <= 6; attempt++) {
      const report = await h.app.scheduler.deliver();
      statuses.push(report.outcomes.map((o) => o.status).join());
      const [row] = await outboxOf(p.ids.binh);
      if (row!.status === 'pending') {
        const wait = new Date(row!.next_attempt_at).getTime() - previous;
        expect(wait).toBeGreaterThan(0);
        expect(wait).toBeLessThanOrEqual(60_000);
      }
      h.clock.advance(61_000);
      previous = h.clock.now().getTime();
    }
    expect(statuses).toEqual(['retry', 'retry', 'retry', 'retry', 'retry', 'dead']);
    const [row] = await outboxOf(p.ids.binh);
    expect(row).toMatchObject({ status: 'dead', attempts: 6, last_error: '502 Bad Gateway' });
  });

  it('marks a person who blocked the bot unreachable, gives up their messages and plans none for them', async () => {
    const unit = await unitOf(h, p.ids.dung);
    await task(h, 'Việc của lãnh đạo', '2025-12-02', unit, [p.ids.dung]);
    h.clock.set('2025-12-01T01:15:00Z');
    await h.app.scheduler.planNudges();
    // A unit head's own extension request goes up to the leader: a second message queued for her.
    const own = await task(h, 'Việc của chị Bình cần gia hạn', '2025-12-05', await unitOf(h, p.ids.binh), [p.ids.binh]);
    await h.expectMessages(p.binh, 1, () => p.binh.send(`gia hạn 20/12 #${own.taskId}`));
    p.dung.blockBot();
    const pending = (await outboxOf(p.ids.dung)).filter((r) => r.status === 'pending').map((r) => r.id);
    expect(pending).toHaveLength(2);
    const report = await h.app.scheduler.deliver();
    expect(new Set(report.outcomes.filter((o) => o.staffId === p.ids.dung).map((o) => o.status))).toEqual(new Set(['unreachable']));
    const link = await h.database.db.selectFrom('chat_links').selectAll().where('staff_id', '=', p.ids.dung).executeTakeFirstOrThrow();
    expect(link.unreachable_at).not.toBeNull();
    expect(link.unreachable_reason).toContain('403');
    const rows = (await outboxOf(p.ids.dung)).filter((r) => pending.includes(r.id));
    expect(rows.map((r) => r.status)).toEqual(pending.map(() => 'dead'));
    expect(rows.every((r) => r.last_error?.includes('403'))).toBe(true);
    h.clock.set('2025-12-02T01:00:00Z');
    const next = await h.app.scheduler.planNudges();
    expect(next.queued.filter((q) => q.staffId === p.ids.dung)).toHaveLength(0);
    expect(h.tg.callsOf('sendMessage').filter((c) => Number(c.payload['chat_id']) === p.dung.id && c.status === 403)).toHaveLength(1);
  });

  it('drops a nudge that could not go out on its own day instead of sending it late', async () => {
    h.clock.set('2025-12-03T01:00:00Z');
    await h.app.scheduler.planNudges();
    h.clock.set('2025-12-04T00:00:00Z');
    const report = await h.app.scheduler.deliver();
    expect(report.counts.sent).toBe(0);
    expect(report.counts.skipped).toBeGreaterThan(0);
    expect(report.outcomes.every((o) => o.detail?.includes('window') || o.detail?.includes('stale'))).toBe(true);
  });
});
