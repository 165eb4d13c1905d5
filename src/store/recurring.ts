/** Recurring and ongoing tasks, and the upcoming occurrences the scheduler creates for them. */
import type { Db } from '../db/index.js';
import type { DueKind, RecurrenceRule } from '../domain/types.js';

export interface RecurringTask {
  id: number;
  due_kind: DueKind;
  due_date: string | null;
  due_rule: RecurrenceRule | null;
  due_text: string | null;
  due_spec: unknown;
  leadUnitId: number | null;
}

/** Tasks that are not cancelled and recur or run on (their occurrences are made ahead of time). */
export async function liveRecurringTasks(db: Db): Promise<RecurringTask[]> {
  return db
    .selectFrom('tasks as t')
    .leftJoin('task_units as lead', (j) => j.onRef('lead.task_id', '=', 't.id').on('lead.role', '=', 'lead'))
    .select(['t.id', 't.due_kind', 't.due_date', 't.due_rule', 't.due_text', 't.due_spec', 'lead.unit_id as leadUnitId'])
    .where('t.due_kind', 'in', ['recurring', 'ongoing'])
    .where('t.cancelled_at', 'is', null)
    .execute();
}

/** Inserts the occurrences not there yet (one per task and period); returns how many were new. */
export async function insertMissingOccurrences(
  db: Db,
  periods: { taskId: number; periodKey: string; dueDate: string; leadUnitId: number | null }[],
  now: Date,
): Promise<number> {
  const rows = periods.map((p) => ({ task_id: p.taskId, period_key: p.periodKey, due_date: p.dueDate, lead_unit_id: p.leadUnitId, created_at: now }));
  let created = 0;
  for (let i = 0; i < rows.length; i += 1000) {
    const inserted = await db
      .insertInto('occurrences')
      .values(rows.slice(i, i + 1000))
      .onConflict((oc) => oc.columns(['task_id', 'period_key']).doNothing())
      .executeTakeFirst();
    created += Number(inserted.numInsertedOrUpdatedRows ?? 0);
  }
  return created;
}
