/** The planners' transaction (advisory lock and session settings) and the daily pruning of their bookkeeping. */
import { sql } from 'kysely';
import { tryJobLock, type LockJob } from '../db/advisory.js';
import type { Db } from '../db/index.js';
import { OPEN } from './statuses.js';

/**
 * Session settings for the planner's transaction, measured at national scale (bench/):
 * - JIT off: the estimates for "open and past due" are pessimistic (status and due date are
 *   correlated), which pushes the cost over jit_above_cost; compiling then takes seconds for a
 *   query that runs in milliseconds.
 * - work_mem 64 MB: the day's ~90 000 items are sorted and grouped in memory, not on disk.
 * - asynchronous commit: the commit does not wait for its WAL flush. A crash in that instant
 *   loses only the plan, which the next tick makes again; nothing can be sent from it first,
 *   because the worker's claim commits synchronously, flushing the WAL up to and past it.
 */
export async function plannerSession(trx: Db): Promise<void> {
  await sql`select set_config('jit', 'off', true), set_config('work_mem', '64MB', true), set_config('synchronous_commit', 'off', true)`.execute(trx);
}

/** Runs `work` in a transaction holding the advisory lock of `job`, or returns null when another instance holds it. */
export async function withPlannerLock<T>(db: Db, job: LockJob, work: (trx: Db) => Promise<T>): Promise<T | null> {
  return db.transaction().execute(async (trx) => {
    const locked = await tryJobLock(trx, job);
    await plannerSession(trx);
    return locked ? work(trx) : null;
  });
}

/** Drops nudge_log entries older than `before`; escalation entries stay while their occurrence is open (they make an escalation happen once). */
export async function pruneNudgeLog(db: Db, before: string): Promise<void> {
  await sql`delete from nudge_log n where n.local_date < ${before}::date
    and (n.kind <> 'escalation' or not exists (select 1 from occurrences o where o.id = n.occurrence_id and o.status in ${OPEN}))`.execute(db);
}

/** Drops outbox rows sent or skipped before `before`; dead rows stay for the office to see. */
export async function pruneOutbox(db: Db, before: Date): Promise<void> {
  await db.deleteFrom('outbox').where('status', 'in', ['sent', 'skipped']).where('created_at', '<', before).execute();
}

/**
 * Where a planning pass starts: its snapshot (which transactions' changes it can see) and that
 * snapshot's xmin (every transaction before it had finished). Under read committed each later
 * statement of the pass sees at least as much as this snapshot.
 */
export async function plannerMark(trx: Db): Promise<{ xmin: string; snapshot: string }> {
  const { rows } = await sql<{ xmin: string; snapshot: string }>`
    select pg_snapshot_xmin(s)::text as xmin, s::text as snapshot from (select pg_current_snapshot() as s) x`.execute(trx);
  return rows[0]!;
}

/** The planning transaction's own id, once it has written (its own notes are seen by itself). */
export async function plannerOwnXid(trx: Db): Promise<string | null> {
  const { rows } = await sql<{ xid: string | null }>`select pg_current_xact_id_if_assigned()::text as xid`.execute(trx);
  return rows[0]?.xid ?? null;
}

/**
 * Whether a change that can add nudges was noted by a transaction the pass did not see: one
 * still running (or not yet begun) when its snapshot was taken. The xmin bound keeps the scan to
 * recent notes; the snapshot test ignores those of transactions that had already committed, so a
 * long transaction elsewhere in the database does not make every tick plan again.
 */
export async function plannerChangedSince(db: Db, mark: { xmin: string; snapshot: string; self: string | null }): Promise<boolean> {
  const { rows } = await sql<{ changed: boolean }>`select exists (
      select 1 from planner_changes
      where xid >= ${mark.xmin}::xid8
        and not pg_visible_in_snapshot(xid, ${mark.snapshot}::pg_snapshot)
        and (${mark.self}::xid8 is null or xid <> ${mark.self}::xid8)
    ) as changed`.execute(db);
  return rows[0]!.changed;
}

/** Drops change notes older than `before` (a pass is made every working day, so old notes were seen). */
export async function prunePlannerChanges(db: Db, before: Date): Promise<void> {
  await sql`delete from planner_changes where at < ${before}`.execute(db);
}
