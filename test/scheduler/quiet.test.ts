/**
 * A quiet tick: once the day's nudges are planned, a tick plans again only after a change that
 * can add a nudge (noted by triggers in planner_changes), never misses one made by a transaction
 * that was still open while a pass ran, and stays quiet for changes that only remove nudges.
 */
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import pg from 'pg';
import { planTick } from '../../src/scheduler/planner.js';
import { usingPostgres } from '../helpers/db.js';
import type { TelegramHarness } from '../helpers/telegram-app.js';
import { harnessWithPeople, type People, task, unitOf } from './helpers.js';

let h: TelegramHarness;
let p: People;
let office: number;
let minute = 0;

harnessWithPeople({ at: '2025-12-02T01:00:00Z' }, async (started, people) => {
  h = started;
  p = people;
  office = await unitOf(h, p.ids.an);
});

/** A tick five minutes after the previous one, on Tuesday 2 December 2025 from 09:00 local. */
async function tick(channels: ('telegram' | 'zalo')[] = ['telegram']) {
  h.clock.set(new Date(Date.parse('2025-12-02T02:00:00Z') + minute * 60_000).toISOString());
  minute += 5;
  return planTick(h.database.db, { now: h.clock.now(), channels });
}
const who = (r: Awaited<ReturnType<typeof tick>>) => r.queued.map((q) => q.staffId).sort();

describe('the planner after the day is planned', () => {
  it('plans once, then a tick with nothing new is quiet', async () => {
    await task(h, 'Báo cáo của An', '2025-12-02', office, [p.ids.an]);
    const first = await tick();
    expect(first).toMatchObject({ ran: true, nudgeTime: true, quiet: false });
    expect(who(first)).toEqual([p.ids.an]);
    expect(await tick()).toMatchObject({ quiet: true, queued: [] });
  });

  it('plans again after a new task, and only the new person is nudged', async () => {
    await task(h, 'Việc của Cường', '2025-12-02', office, [p.ids.cuong]);
    const again = await tick();
    expect(again.quiet).toBe(false);
    expect(who(again)).toEqual([p.ids.cuong]);
    expect((await tick()).quiet).toBe(true);
  });

  it('stays quiet when a task is done, and plans again when an owner is added or a due date moves into range', async () => {
    await sql`update occurrences set status = 'done'`.execute(h.database.db);
    expect((await tick()).quiet).toBe(true);
    const later = await task(h, 'Việc hạn xa', '2026-03-31', office, [p.ids.dung]);
    expect(who(await tick())).toEqual([]);
    await sql`update occurrences set due_date = '2025-12-02' where id = ${later.occurrenceId}`.execute(h.database.db);
    const moved = await tick();
    expect(moved.quiet).toBe(false);
    expect(who(moved)).toEqual([p.ids.dung]);
    await sql`insert into task_owners (task_id, staff_id) values (${later.taskId}, ${p.ids.binh})`.execute(h.database.db);
    expect(who(await tick())).toEqual([p.ids.binh]);
    expect((await tick()).quiet).toBe(true);
  });

  it('plans again when the channels that can send change', async () => {
    const wider = await tick(['telegram', 'zalo']);
    expect(wider.quiet).toBe(false);
    expect((await tick(['telegram', 'zalo'])).quiet).toBe(true);
  });

  it.skipIf(!usingPostgres)('sees a change committed by a transaction that was open while a pass ran', async () => {
    const late = await task(h, 'Việc giao muộn', '2025-12-02', office, [p.ids.cuong]);
    await h.database.db.transaction().execute(async (trx) => {
      // Written but not committed while the next pass runs on another connection.
      await sql`insert into task_owners (task_id, staff_id) values (${late.taskId}, ${p.ids.an})`.execute(trx);
      const during = await tick(['telegram', 'zalo']);
      expect(during.quiet).toBe(false);
      expect(who(during)).toEqual([p.ids.cuong]);
    });
    const after = await tick(['telegram', 'zalo']);
    expect(after.quiet).toBe(false);
    expect(who(after)).toEqual([p.ids.an]);
  });

  it.skipIf(!usingPostgres)('stays quiet while a long transaction elsewhere in the database holds the xmin back', async () => {
    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    try {
      await other.query('begin');
      await other.query('select pg_current_xact_id()');
      await task(h, 'Việc sau giao dịch dài', '2025-12-02', office, [p.ids.dung]);
      expect(who(await tick(['telegram']))).toEqual([p.ids.dung]);
      expect((await tick(['telegram'])).quiet).toBe(true);
      await other.query('commit');
    } finally {
      await other.end();
    }
  });
});
