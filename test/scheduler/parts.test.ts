import { describe, expect, it } from 'vitest';
import { recordStatus } from '../../src/store/updates.js';
import type { TelegramHarness } from '../helpers/telegram-app.js';
import { harnessWithPeople, type People, task, unitOf } from './helpers.js';

let h: TelegramHarness;
let p: People;

const HEADER = 'Báo cáo sáng 02/12/2025';
const NOTE =
  'Chờ Sở Tài chính thẩm định dự toán kinh phí, chờ ý kiến của các phòng chuyên môn và số liệu tổng hợp từ Ủy ban nhân dân các xã, phường trên địa bàn tỉnh trước khi trình lãnh đạo Sở ký ban hành';

harnessWithPeople({ at: '2025-12-01T02:00:00Z' }, async (started, people) => {
  h = started;
  p = people;
  const office = await unitOf(h, p.ids.an);
  // Enough for a morning digest past Telegram's 4096 characters: twelve tasks overdue since
  // yesterday and twelve new blockers, each with a long title and note.
  for (let i = 1; i <= 12; i++) {
    await task(h, `Báo cáo kết quả triển khai nhiệm vụ chuyển đổi số và cải cách hành chính, đợt ${i}`, '2025-12-01', office, [p.ids.an]);
    const blocked = await task(h, `Xây dựng cơ sở dữ liệu hộ tịch điện tử dùng chung toàn tỉnh, giai đoạn ${i}`, '2025-12-20', office, [p.ids.an]);
    await recordStatus(
      h.database.db,
      { occurrenceId: blocked.occurrenceId, staffId: p.ids.an, channel: 'telegram', now: h.clock.now() },
      { status: 'blocked', note: NOTE },
    );
  }
});

describe('a long message sent in parts', () => {
  it('resumes after the part that failed: a retry never sends an earlier part again', async () => {
    h.clock.set('2025-12-02T00:30:00Z');
    const plan = await h.app.scheduler.planDigest();
    expect(plan.queued.map((q) => q.staffId)).toContain(p.ids.binh);
    const before = h.tg.sentTo(p.binh.id).length;
    h.tg.failNext(
      'sendMessage',
      { error_code: 502, description: 'Bad Gateway' },
      {
        when: (payload) => Number(payload['chat_id']) === p.binh.id && !String(payload['text']).startsWith(HEADER),
      },
    );

    const first = await h.app.scheduler.deliver();
    expect(first.outcomes.find((o) => o.staffId === p.ids.binh)).toMatchObject({ status: 'retry' });
    const afterFirst = h.tg.sentTo(p.binh.id).slice(before);
    expect(afterFirst).toHaveLength(1);
    expect(afterFirst[0]!.text!.startsWith(HEADER)).toBe(true);
    const pending = await h.database.db
      .selectFrom('outbox')
      .selectAll()
      .where('staff_id', '=', p.ids.binh)
      .where('kind', '=', 'digest')
      .executeTakeFirstOrThrow();
    expect(pending).toMatchObject({ status: 'pending', parts_sent: 1, platform_message_id: String(afterFirst[0]!.message_id) });

    h.clock.advance(61_000);
    const second = await h.app.scheduler.deliver();
    expect(second.outcomes.find((o) => o.staffId === p.ids.binh)).toMatchObject({ status: 'sent' });
    const parts = h.tg.sentTo(p.binh.id).slice(before);
    expect(parts.length).toBeGreaterThanOrEqual(2);
    expect(parts.filter((m) => m.text!.startsWith(HEADER))).toHaveLength(1);
    for (const part of parts) expect(part.text!.length).toBeLessThanOrEqual(4096);
    const text = parts.map((m) => m.text).join('\n');
    expect(text.split(NOTE.slice(0, 40)).length - 1).toBe(10); // the digest lists ten blockers, each once
    const sent = await h.database.db.selectFrom('outbox').selectAll().where('id', '=', pending.id).executeTakeFirstOrThrow();
    expect(sent).toMatchObject({ status: 'sent', parts_sent: parts.length, platform_message_id: String(parts.at(-1)!.message_id) });
  });
});
