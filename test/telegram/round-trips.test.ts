/**
 * What one answer costs the database: an incoming "xong" through the real Telegram channel (fake
 * Bot API, real grammY, real database), from the update to the reply and the record of what the
 * reply was about. Every statement the driver sends counts, BEGIN and COMMIT included.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import pg from 'pg';
import { addTask, seedPeople, startTelegramHarness, type TelegramHarness } from '../helpers/telegram-app.js';

const MAX_ROUND_TRIPS = 5;

let h: TelegramHarness;
let taskId: number;

beforeAll(async () => {
  h = await startTelegramHarness();
  const [code] = await seedPeople(h, '0912000001');
  taskId = await addTask(h, 'Báo cáo kết quả chuyển đổi số quý IV', '0912000001', '2026-11-30');
  const an = h.tg.user({ id: 1001, first_name: 'An', language_code: 'vi' });
  await h.expectMessages(an, 2, () => an.send(`/start ${code}`));
  await h.expectMessages(an, 2, () => an.send('/tasks'));
  // The card's record (what a bare answer refers to) is written just after it is sent.
  await vi.waitFor(async () => expect(await h.database.db.selectFrom('message_refs').select('message_id').execute()).toHaveLength(1));
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
