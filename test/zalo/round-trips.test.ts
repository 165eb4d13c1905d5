/**
 * What one answer costs the database on Zalo: an incoming "xong" through the real Zalo channel
 * (fake Bot API, long polling, real database), from the update to the reply and what dondoc
 * remembers for the person's next message (the task and the numbered menu). Every statement the
 * driver sends counts, BEGIN and COMMIT included.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import pg from 'pg';
import type { FakeZaloUser } from '../fakes/zalo-api.js';
import { addTask, seedPeople } from '../helpers/telegram-app.js';
import { startZaloHarness, type ZaloHarness } from '../helpers/zalo-app.js';

const MAX_ROUND_TRIPS = 5;

let h: ZaloHarness;
let an: FakeZaloUser;
let taskId: number;

beforeAll(async () => {
  h = await startZaloHarness();
  const [code] = await seedPeople(h, '0912000001');
  an = h.zalo.user('8123456789012345678', 'Nguyễn Văn An');
  await h.say(an, code!, 2);
  taskId = await addTask(h, 'Báo cáo kết quả chuyển đổi số quý IV', '0912000001', '2026-11-30');
  await h.say(an, '/tasks', 2);
});
afterAll(async () => {
  await h.close();
});

describe('an incoming "xong" on Zalo', () => {
  it(`marks the task done with at most ${MAX_ROUND_TRIPS} round trips to the database`, async () => {
    const spy = h.database.pglite ? vi.spyOn(h.database.pglite, 'query') : vi.spyOn(pg.Client.prototype, 'query');
    let statements: string[];
    try {
      const [reply] = await h.say(an, 'xong');
      expect(reply).toContain('Hoàn thành');
      statements = spy.mock.calls.map((call: unknown[]) => (typeof call[0] === 'string' ? call[0] : String((call[0] as { text?: unknown }).text)));
    } finally {
      spy.mockRestore();
    }
    const occurrence = await h.database.db.selectFrom('occurrences').select('status').where('task_id', '=', taskId).executeTakeFirstOrThrow();
    expect(occurrence.status).toBe('done');
    expect(statements[0]).toMatch(/^begin/i);
    expect(statements.some((sql) => /insert into "?updates"?/i.test(sql))).toBe(true);
    expect(statements.length, statements.map((s) => s.replace(/\s+/g, ' ').trim().slice(0, 100)).join('\n')).toBeLessThanOrEqual(MAX_ROUND_TRIPS);
  });
});
