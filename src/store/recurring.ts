/** Recurring and ongoing tasks, and the upcoming occurrences the scheduler creates for them. */
import { z } from 'zod';
import type { Db } from '../db/index.js';
import { isValidSchedule, type TaskSchedule } from '../domain/recurrence.js';
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

const day = z.number();
const taskSchedule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('date'), due: z.string() }),
  z.object({ kind: z.literal('yearly'), month: z.number(), day }),
  z.object({ kind: z.literal('quarterly'), monthOfQuarter: z.union([z.literal(1), z.literal(2), z.literal(3)]), day }),
  z.object({ kind: z.literal('monthly'), day }),
  z.object({ kind: z.literal('ongoing'), checkInDay: day }),
]);
const dueText = z.object({ text: z.string() });

/**
 * What tasks.due_spec holds: one TaskSchedule or a list of them (what the importer and the CLI
 * store), else null when it holds something else (the importer's `due` object) or an invalid one.
 */
export function storedSchedules(spec: unknown): TaskSchedule[] | null {
  const parsed = z.array(taskSchedule).safeParse(Array.isArray(spec) ? spec : [spec]);
  if (!parsed.success || parsed.data.length === 0) return null;
  return parsed.data.every(isValidSchedule) ? parsed.data : null;
}

/** The time phrase a due_spec keeps (`{ text }`), if any. */
export function storedDueText(spec: unknown): string | undefined {
  const parsed = dueText.safeParse(spec);
  return parsed.success ? parsed.data.text : undefined;
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
