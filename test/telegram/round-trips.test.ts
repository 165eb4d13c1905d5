/**
 * What one answer costs the database: an incoming "xong", and a "/tasks" listing four tasks,
 * through the real Telegram channel (fake Bot API, real grammY, real database), from the update to
 * the replies and the record of what they were about. Every statement the driver sends counts,
 * BEGIN and COMMIT included.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import pg from 'pg';
import { addTask, buttons, seedPeople, startTelegramHarness, type TelegramHarness } from '../helpers/telegram-app.js';

const MAX_ROUND_TRIPS = 5;
/** The claim with the conversation and the page of tasks, then what the cards were about: /tasks only reads. */
const MAX_LIST_ROUND_TRIPS = 2;
/** The claim, the answer and what the edited card is about: one statement. */
const MAX_PRESS_ROUND_TRIPS = 1;

let h: TelegramHarness;
let taskId: number;
let others: number[];

beforeAll(async () => {
  h = await startTelegramHarness();
  const [code] = await seedPeople(h, '0912000001');
  taskId = await addTask(h, 'Báo cáo kết quả chuyển đổi số quý IV', '0912000001', '2026-11-30');
  const an = h.tg.user({ id: 1001, first_name: 'An', language_code: 'vi' });
  await h.expectMessages(an, 2, () => an.send(`/start ${code}`));
  await h.expectMessages(an, 2, () => an.send('/tasks'));
  // The card's record (what a bare answer refers to) is written just after it is sent.
  await vi.waitFor(async () => expect(await h.database.db.selectFrom('message_refs').select('message_id').execute()).toHaveLength(1));
  others = [
    await addTask(h, 'Cập nhật danh mục dữ liệu dùng chung', '0912000001', '2026-12-05'),
    await addTask(h, 'Rà soát thủ tục hành chính trực tuyến', '0912000001', '2026-12-10'),
    await addTask(h, 'Tập huấn kỹ năng số cho cán bộ', '0912000001', '2026-12-20'),
  ];
});
afterAll(async () => {
  await h.close();
});

/** Records the text of every statement sent to the database while `act` runs and its work settles. */
async function statementsDuring(act: () => Promise<void>, settled: (sql: string[]) => boolean): Promise<string[]> {
  // Calls go through to the driver; the spy only reads them (pglite.query on PGlite, Client#query on Postgres).
  const spy = h.database.pglite ? vi.spyOn(h.database.pglite, 'query') : vi.spyOn(pg.Client.prototype, 'query');
  const sent = () =>
    spy.mock.calls.map((call: unknown[]) => {
      const first = call[0];
      return typeof first === 'string' ? first : String((first as { text?: unknown }).text);
    });
  try {
    await act();
    await vi.waitFor(() => {
      if (!settled(sent())) throw new Error('still working');
    });
    // Anything still in flight would show up now.
    await new Promise((resolve) => setTimeout(resolve, 200));
    return sent();
  } finally {
    spy.mockRestore();
  }
}

describe('an incoming "xong"', () => {
  it(`marks the task done with at most ${MAX_ROUND_TRIPS} round trips to the database`, async () => {
    const an = h.tg.user({ id: 1001, first_name: 'An', language_code: 'vi' });
    const statements = await statementsDuring(
      async () => {
        const [notice, card] = await h.expectMessages(an, 2, () => an.send('xong'));
        expect(notice!.text).toContain('Hoàn thành');
        expect(card!.text).toContain(`#${taskId}`);
      },
      (sql) => sql.some((s) => /insert into "?message_refs"?/i.test(s)),
    );
    const occurrence = await h.database.db.selectFrom('occurrences').select('status').where('task_id', '=', taskId).executeTakeFirstOrThrow();
    expect(occurrence.status).toBe('done');
    // The count is of what was really sent: the answer's transaction and the update row are in it.
    expect(statements[0]).toMatch(/^begin/i);
    expect(statements.some((sql) => /insert into "?updates"?/i.test(sql))).toBe(true);
    expect(statements.length, statements.map((s) => s.replace(/\s+/g, ' ').trim().slice(0, 100)).join('\n')).toBeLessThanOrEqual(MAX_ROUND_TRIPS);
  });
});

describe('"/tasks" with four open tasks', () => {
  it(`lists them with at most ${MAX_LIST_ROUND_TRIPS} round trips, each card and the list remembered`, async () => {
    const an = h.tg.user({ id: 1001, first_name: 'An', language_code: 'vi' });
    await h.database.db.updateTable('occurrences').set({ status: 'open' }).where('task_id', '=', taskId).execute();
    let cards: string[] = [];
    const statements = await statementsDuring(
      async () => {
        const [header, ...rest] = await h.expectMessages(an, 5, () => an.send('/tasks'));
        expect(header!.text).toContain('4');
        cards = rest.map((m) => m.text ?? '');
      },
      (sql) => sql.some((s) => /insert into "?message_refs"?/i.test(s)),
    );
    // Soonest first; every task once.
    expect(cards.map((text) => Number(/#(\d+)/.exec(text)?.[1]))).toEqual([taskId, ...others]);
    // The update is claimed first, and the page read in the same statement (no transaction for a command that only reads).
    expect(statements[0]).toMatch(/insert into inbound_updates/i);
    expect(statements[0]).toMatch(/task_owners/i);
    expect(statements.length, statements.map((s) => s.replace(/\s+/g, ' ').trim().slice(0, 100)).join('\n')).toBeLessThanOrEqual(MAX_LIST_ROUND_TRIPS);
    // A reply to any card finds its task, and a bare answer after the list finds all four.
    const refs = await h.database.db.selectFrom('message_refs').select(['message_id', 'occurrence_ids']).orderBy('seq', 'desc').execute();
    const latest = refs[0]!;
    expect(latest.message_id).toMatch(/^list:/);
    expect(latest.occurrence_ids).toHaveLength(4);
    for (const text of cards) {
      const id = Number(/#(\d+)/.exec(text)?.[1]);
      const occurrence = await h.database.db.selectFrom('occurrences').select('id').where('task_id', '=', id).executeTakeFirstOrThrow();
      expect(refs.some((r) => !r.message_id.startsWith('list:') && r.occurrence_ids.length === 1 && r.occurrence_ids[0] === occurrence.id)).toBe(true);
    }
  });
});

describe('the "Hoàn thành" button on a card', () => {
  it(`marks the task done in ${MAX_PRESS_ROUND_TRIPS} round trip, the claim, the answer and the card's record in one statement`, async () => {
    const an = h.tg.user({ id: 1001, first_name: 'An', language_code: 'vi' });
    const target = others[1]!;
    const card = [...h.tg.sentTo(an.id)].reverse().find((m) => m.text?.startsWith(`#${target} `))!;
    const done = buttons(card).find((b) => b.data.startsWith('st:d:'))!;
    const before = await h.database.db.selectFrom('updates').select('id').where('task_id', '=', target).execute();
    const statements = await statementsDuring(
      async () => {
        const queryId = an.press(card, done.data);
        expect((await h.tg.waitFor(() => h.tg.callbackAnswers(queryId)[0])).text).toContain('Hoàn thành');
      },
      (sql) => sql.some((s) => /insert into "?message_refs"?/i.test(s)),
    );
    const occurrence = await h.database.db.selectFrom('occurrences').select('status').where('task_id', '=', target).executeTakeFirstOrThrow();
    expect(occurrence.status).toBe('done');
    expect(await h.database.db.selectFrom('updates').select('id').where('task_id', '=', target).execute()).toHaveLength(before.length + 1);
    // No transaction: the update's claim and the answer are one statement, atomic on their own.
    expect(statements[0]).toMatch(/insert into inbound_updates/i);
    expect(statements[0]).toMatch(/insert into updates/i);
    expect(statements[0]).toMatch(/insert into message_refs/i);
    expect(statements.some((sql) => /^begin/i.test(sql))).toBe(false);
    expect(statements.length, statements.map((s) => s.replace(/\s+/g, ' ').trim().slice(0, 100)).join('\n')).toBeLessThanOrEqual(MAX_PRESS_ROUND_TRIPS);
    // The card was edited in place to show it, and is now the chat's latest message about a task.
    await vi.waitFor(() => expect(h.tg.sentTo(an.id).find((m) => m.message_id === card.message_id)?.text).toContain('Hoàn thành'));
    const latest = await h.database.db
      .selectFrom('message_refs')
      .select(['message_id', 'occurrence_ids'])
      .orderBy('created_at', 'desc')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    const pressed = await h.database.db.selectFrom('occurrences').select('id').where('task_id', '=', target).executeTakeFirstOrThrow();
    expect(latest).toEqual({ message_id: String(card.message_id), occurrence_ids: [pressed.id] });
  });
});
