import { describe, expect, it } from 'vitest';
import type { TelegramHarness } from '../helpers/telegram-app.js';
import { setCalendarOverride, removeCalendarOverride } from '../../src/store/calendar.js';
import { setSetting } from '../../src/store/settings.js';
import { NUDGE_POLICY_KEY } from '../../src/store/schedule.js';
import { harnessWithPeople, type People, task, unitOf } from './helpers.js';

let h: TelegramHarness;
let p: People;
let office: number;

harnessWithPeople({ at: '2025-11-20T02:00:00Z' }, async (started, people) => {
  h = started;
  p = people;
  office = await unitOf(h, p.ids.an);
  await task(h, 'Việc quá hạn của An', '2025-11-20', office, [p.ids.an]);
});

async function planAt(at: string) {
  h.clock.set(at);
  return h.app.scheduler.planNudges();
}

describe("the organisation's calendar and policy", () => {
  it('sends nothing on a day the admin marked off, and nudges on a Saturday marked as a working day', async () => {
    await setCalendarOverride(h.database.db, '2025-12-01', 'off', 'Nghỉ bù', h.clock.now());
    await setCalendarOverride(h.database.db, '2025-12-06', 'work', 'Làm bù', h.clock.now());
    const monday = await planAt('2025-12-01T01:00:00Z');
    expect(monday).toMatchObject({ ran: true, nudgeTime: false, queued: [] });
    const saturday = await planAt('2025-12-06T01:00:00Z');
    expect(saturday.queued.map((q) => q.staffId)).toContain(p.ids.an);
    await removeCalendarOverride(h.database.db, '2025-12-01');
    await removeCalendarOverride(h.database.db, '2025-12-06');
  });

  it('uses the send time stored in settings, and falls back to the defaults when the stored policy is invalid', async () => {
    await setSetting(h.database.db, NUDGE_POLICY_KEY, { sendAtMinutes: 9 * 60 }, h.clock.now());
    expect((await planAt('2025-12-02T01:30:00Z')).nudgeTime).toBe(false);
    expect((await planAt('2025-12-02T02:00:00Z')).queued.map((q) => q.staffId)).toContain(p.ids.an);
    await setSetting(h.database.db, NUDGE_POLICY_KEY, { windowStartMinutes: 20 * 60 }, h.clock.now());
    expect((await planAt('2025-12-03T01:00:00Z')).queued.map((q) => q.staffId)).toContain(p.ids.an);
    await setSetting(h.database.db, NUDGE_POLICY_KEY, {}, h.clock.now());
  });
});

describe('recurring and ongoing tasks', () => {
  it('get their upcoming occurrences created ahead, once a day, and are nudged for them', async () => {
    const db = h.database.db;
    const monthly = await db
      .insertInto('tasks')
      .values({ title: 'Báo cáo tháng', due_kind: 'recurring', due_rule: 'monthly', due_text: 'ngày 10 hằng tháng', created_at: h.clock.now() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const ongoing = await db
      .insertInto('tasks')
      .values({ title: 'Theo dõi thường xuyên', due_kind: 'ongoing', due_spec: JSON.stringify({ kind: 'ongoing', checkInDay: 5 }), created_at: h.clock.now() })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const t of [monthly, ongoing]) {
      await db.insertInto('task_units').values({ task_id: t.id, unit_id: office, role: 'lead' }).execute();
      await db.insertInto('task_owners').values({ task_id: t.id, staff_id: p.ids.an, assigned_at: h.clock.now() }).execute();
    }
    const plan = await planAt('2025-12-09T01:00:00Z');
    expect(plan.occurrencesCreated).toBe(3);
    const occurrences = await db
      .selectFrom('occurrences')
      .select(['task_id', 'period_key', 'due_date', 'lead_unit_id'])
      .where('task_id', 'in', [monthly.id, ongoing.id])
      .orderBy('task_id')
      .orderBy('due_date')
      .execute();
    expect(occurrences).toEqual([
      { task_id: monthly.id, period_key: '2025-12', due_date: '2025-12-10', lead_unit_id: office },
      { task_id: monthly.id, period_key: '2026-01', due_date: '2026-01-10', lead_unit_id: office },
      { task_id: ongoing.id, period_key: '2026-01', due_date: '2026-01-05', lead_unit_id: office },
    ]);
    const nudge = await h.database.db
      .selectFrom('outbox')
      .select('payload')
      .where('id', '=', plan.queued.find((q) => q.staffId === p.ids.an)!.id)
      .executeTakeFirstOrThrow();
    expect((nudge.payload as { items: { k: string; n: number }[] }).items).toContainEqual(expect.objectContaining({ k: 'due_soon', n: 1 }));
    expect((await planAt('2025-12-09T02:00:00Z')).occurrencesCreated).toBe(0);
    expect((await planAt('2025-12-10T01:00:00Z')).occurrencesCreated).toBe(0);
  });
});
