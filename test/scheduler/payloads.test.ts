/**
 * The outbox payloads the planners write are the ones the worker reads: every row a nudge tick and
 * a digest plan insert parses through the schema of its kind (store/outbox-payloads.ts), and a
 * row that does not is skipped with a reason instead of being rendered from a guess.
 */
import { describe, expect, it } from 'vitest';
import { parseOutboxPayload, payloadJson } from '../../src/store/outbox-payloads.js';
import type { TelegramHarness } from '../helpers/telegram-app.js';
import { harnessWithPeople, type People, task, unitOf } from './helpers.js';

let h: TelegramHarness;
let p: People;

harnessWithPeople({ at: '2025-12-01T02:00:00Z' }, async (started, people) => {
  // Monday 1 December 2025, 09:00 in Hà Nội: nudges and the digest are both owed.
  h = started;
  p = people;
  const office = await unitOf(h, p.ids.an);
  await task(h, 'Báo cáo quá hạn lâu', '2025-11-20', office, [p.ids.an]);
  await task(h, 'Báo cáo hạn hôm nay', '2025-12-01', office, [p.ids.an]);
  await task(h, 'Báo cáo sắp đến hạn', '2025-12-04', office, [p.ids.an]);
});

describe('outbox payloads', () => {
  it('every row the nudge planner and the digest planner write reads back through its schema', async () => {
    await h.app.scheduler.planNudges();
    await h.app.scheduler.planDigest();
    const rows = await h.database.db.selectFrom('outbox').select(['kind', 'payload']).execute();
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(['nudge', 'escalation', 'digest']));
    for (const row of rows) {
      const read = parseOutboxPayload(row.payload);
      expect(read, JSON.stringify(row.payload)).toMatchObject({ ok: true, payload: { type: row.kind } });
    }
    const nudge = rows.find((r) => r.kind === 'nudge');
    expect(parseOutboxPayload(nudge?.payload)).toMatchObject({
      ok: true,
      payload: { total: 3, items: [{ k: 'overdue', n: 11 }, { k: 'due_today', n: 0 }, { k: 'due_soon' }] },
    });
  });

  it('refuses a payload that does not match its kind, when writing and when reading', () => {
    expect(parseOutboxPayload({ type: 'nudge', date: '2025-12-01', total: 1, items: [{ o: 1, k: 'late', n: 2 }] })).toMatchObject({ ok: false });
    expect(parseOutboxPayload({ type: 'digest', date: '01/12/2025' })).toMatchObject({ ok: false });
    expect(parseOutboxPayload({ type: 'fax', u: 1 })).toMatchObject({ ok: false });
    expect(() => payloadJson({ type: 'extension_request', u: -1 })).toThrow();
  });

  it('skips a stored row it cannot read, saying why, and sends nothing', async () => {
    await h.database.db
      .insertInto('outbox')
      .values({
        dedupe_key: 'broken:1',
        staff_id: p.ids.an,
        channel: 'telegram',
        chat_id: '1001',
        kind: 'extension_request',
        payload: '{"type":"extension_request"}',
        next_attempt_at: h.clock.now(),
        created_at: h.clock.now(),
      })
      .execute();
    await h.database.db.updateTable('outbox').set({ status: 'sent' }).where('dedupe_key', '!=', 'broken:1').execute();
    const before = h.tg.sentTo(p.an.id).length;
    const report = await h.app.scheduler.deliver();
    expect(report.outcomes).toMatchObject([{ status: 'skipped', detail: expect.stringContaining('unreadable payload') }]);
    expect(h.tg.sentTo(p.an.id)).toHaveLength(before);
  });
});
