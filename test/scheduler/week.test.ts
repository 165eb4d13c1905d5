import { describe, expect, it } from 'vitest';
import type { Message } from 'grammy/types';
import { openDatabase, type DatabaseHandle } from '../../src/db/index.js';
import { planTick } from '../../src/scheduler/planner.js';
import { buttons, type TelegramHarness } from '../helpers/telegram-app.js';
import { usingPostgres } from '../helpers/db.js';
import { harnessWithPeople, nudgeItems, type People, task, tickAt, unitOf } from './helpers.js';
import { sql } from 'kysely';

let h: TelegramHarness;
let p: People;
const t: Record<string, { taskId: number; occurrenceId: number }> = {};

/** What each person received over the week, as "day: items" lines. */
const log = new Map<string, string[]>();

function record(day: string, name: string, messages: Message[]) {
  for (const m of messages) {
    const kind = m.text?.startsWith('Báo cáo đôn đốc') ? 'đôn đốc' : 'nhắc';
    log.set(name, [...(log.get(name) ?? []), `${day} ${kind}: ${nudgeItems(m).join(', ')}`]);
  }
}

async function tick(day: string, at: string) {
  const got = await tickAt(h, at, [p.an, p.binh, p.cuong, p.dung]);
  record(day, 'an', got.get(p.an)!);
  record(day, 'binh', got.get(p.binh)!);
  record(day, 'cuong', got.get(p.cuong)!);
  record(day, 'dung', got.get(p.dung)!);
  return got;
}

/** A second planner on the same database: another pool on Postgres, the same handle on PGlite. */
async function secondDatabase(): Promise<DatabaseHandle> {
  if (!usingPostgres) return h.database;
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(h.database.db);
  return openDatabase({ databaseUrl: process.env.DATABASE_URL, pgOptions: `-c search_path=${rows[0]!.schema}`, poolSize: 2 });
}

harnessWithPeople({ at: '2025-11-30T03:00:00Z' }, async (started, people) => {
  h = started;
  p = people;
  const office = await unitOf(h, p.ids.an);
  t.T1 = await task(h, 'Báo cáo chuyển đổi số', '2025-12-03', office, [p.ids.an]);
  t.T2 = await task(h, 'Rà soát văn bản quy phạm', '2025-11-26', office, [p.ids.an]);
  t.T3 = await task(h, 'Kế hoạch cải cách hành chính', '2025-12-10', office, [p.ids.an]);
  t.T4 = await task(h, 'Việc chung của Văn phòng', '2025-12-02', office, []);
});

describe('a week of scheduler ticks against the fake Bot API', () => {
  it('sends nothing before the window, on time at 08:00, once each, in urgency order', async () => {
    for (const at of ['2025-12-01T00:00:00Z', '2025-12-01T00:45:00Z']) {
      const got = await tick('T2', at);
      expect([...got.values()].flat()).toHaveLength(0);
    }
    const monday = await tick('T2', '2025-12-01T01:00:00Z');
    expect(monday.get(p.an)).toHaveLength(1);
    const nudge = monday.get(p.an)![0]!;
    expect(nudgeItems(nudge)).toEqual([`#${t.T2!.taskId} quá hạn 5`, `#${t.T3!.taskId} còn 7`]);
    expect(nudge.text).toContain('Nhắc việc ngày 01/12/2025');
    expect(buttons(nudge).map((b) => b.text)).toEqual([
      '1 · Đang làm',
      '1 · Xong',
      '1 · Vướng',
      '1 · Gia hạn',
      '2 · Đang làm',
      '2 · Xong',
      '2 · Vướng',
      '2 · Gia hạn',
    ]);
    expect(nudge.reply_markup?.inline_keyboard).toHaveLength(2);
    for (const again of ['2025-12-01T01:05:00Z', '2025-12-01T05:00:00Z', '2025-12-01T10:45:00Z']) {
      expect([...(await tick('T2', again)).values()].flat()).toHaveLength(0);
    }
  });

  it('records the message so replies find its tasks, and a numbered button answers without replacing the list', async () => {
    const nudge = h.tg.sentTo(p.an.id).at(-1)!;
    // Message ids count per chat: the same id exists in other people's chats.
    const ref = await h.database.db
      .selectFrom('message_refs')
      .selectAll()
      .where('chat_id', '=', String(p.an.id))
      .where('message_id', '=', String(nudge.message_id))
      .executeTakeFirstOrThrow();
    expect(ref.occurrence_ids).toEqual([t.T2!.occurrenceId, t.T3!.occurrenceId]);
    const row = await h.database.db.selectFrom('outbox').selectAll().where('staff_id', '=', p.ids.an).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'sent', platform_message_id: String(nudge.message_id), attempts: 1 });
    const queryId = p.an.pressButton(nudge, '2 · Xong');
    const answer = await h.tg.waitFor(() => h.tg.callbackAnswers(queryId)[0]);
    expect(answer.text).toBe('Đã cập nhật: Hoàn thành.');
    expect(h.tg.message(p.an.id, nudge.message_id)?.text).toBe(nudge.text);
    const occ = await h.database.db.selectFrom('occurrences').select('status').where('id', '=', t.T3!.occurrenceId).executeTakeFirstOrThrow();
    expect(occ.status).toBe('done');
  });

  it('runs the rest of the week', async () => {
    await tick('T3', '2025-12-02T01:00:00Z');
    // Wednesday 07:45: An answers about T1 before the tick, so T1 is not nudged that day.
    h.clock.set('2025-12-03T00:45:00Z');
    await h.expectMessages(p.an, 2, () => p.an.send(`đang làm #${t.T1!.taskId}`));
    await tick('T4', '2025-12-03T01:00:00Z');
    await tick('T5', '2025-12-04T01:00:00Z');
  });

  it('plans Friday once even with two planners on the same database at the same instant', async () => {
    const other = await secondDatabase();
    try {
      const now = new Date('2025-12-05T01:00:00Z');
      h.clock.set(now);
      const runs = await Promise.all([planTick(h.database.db, { now, channels: ['telegram'] }), planTick(other.db, { now, channels: ['telegram'] })]);
      expect(
        runs
          .flatMap((r) => r.queued)
          .map((q) => q.staffId)
          .sort(),
      ).toEqual([p.ids.an, p.ids.binh].sort());
      await tick('T6', '2025-12-05T01:00:00Z');
      expect((await planTick(other.db, { now, channels: ['telegram'] })).queued).toHaveLength(0);
    } finally {
      if (other !== h.database) await other.close();
    }
  });

  it('is silent over the weekend', async () => {
    for (const at of ['2025-12-06T01:00:00Z', '2025-12-07T01:00:00Z']) {
      expect([...(await tick('CN', at)).values()].flat()).toHaveLength(0);
    }
  });

  it('produced exactly the expected messages, in order', () => {
    const T = (k: string) => `#${t[k]!.taskId}`;
    expect(log.get('an')).toEqual([
      `T2 nhắc: ${T('T2')} quá hạn 5, ${T('T3')} còn 7`,
      `T3 nhắc: ${T('T2')} quá hạn 6, ${T('T1')} còn 1`,
      `T4 nhắc: ${T('T2')} quá hạn 7`,
      `T5 nhắc: ${T('T2')} quá hạn 8, ${T('T1')} quá hạn 1`,
      `T6 nhắc: ${T('T2')} quá hạn 9, ${T('T1')} quá hạn 2`,
    ]);
    expect(log.get('binh')).toEqual([
      `T2 nhắc: ${T('T4')} còn 1`,
      `T2 đôn đốc: ${T('T2')} quá hạn 5`,
      `T3 nhắc: ${T('T4')} hôm nay`,
      `T4 nhắc: ${T('T4')} quá hạn 1`,
      `T5 nhắc: ${T('T4')} quá hạn 2`,
      `T6 nhắc: ${T('T4')} quá hạn 3`,
    ]);
    expect(log.get('cuong') ?? []).toEqual([]);
    expect(log.get('dung') ?? []).toEqual([]);
  });

  it('left every outbox row sent, one per message', async () => {
    const rows = await h.database.db.selectFrom('outbox').select(['status', 'kind']).execute();
    expect(rows).toHaveLength(11);
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
  });
});
