/**
 * The rows an office sends up the chain: one per period (kỳ) of a task, with its document, lead
 * and cooperating units, owners, deadline, status, days late and latest note. The overdue page,
 * its Excel export and `dondoc report` all read them from here.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/index.js';
import { daysBetween, localDate } from '../domain/time.js';
import type { Status } from '../domain/types.js';
import { documentLabel, inSubtree } from './scope.js';
import { OPEN } from './statuses.js';

export interface ReportFilter {
  /** Only tasks led inside this unit's subtree; undefined for the whole organisation (CLI). */
  unitId?: number | undefined;
  ownerId?: number | undefined;
  documentId?: number | undefined;
  /** Open periods past their deadline by at least this many days (1 = every overdue one). */
  minDaysLate?: number | undefined;
  dueFrom?: string | undefined;
  dueTo?: string | undefined;
}

export interface ReportRow {
  occurrenceId: number;
  taskId: number;
  title: string;
  document: string;
  leadUnit: string;
  supportUnits: string;
  owners: string;
  dueDate: string | null;
  dueText: string | null;
  status: Status;
  percent: number | null;
  /** Days past the deadline: today for open periods, at completion for late finished ones. */
  daysLate: number;
  lastNote: string | null;
}

export const REPORT_ROW_LIMIT = 20_000;

function conditions(filter: ReportFilter, today: string): RawBuilder<boolean>[] {
  const where: RawBuilder<boolean>[] = [sql<boolean>`t.cancelled_at is null`];
  if (filter.unitId !== undefined) where.push(inSubtree(sql`o.lead_unit_id`, filter.unitId));
  if (filter.ownerId !== undefined) where.push(sql<boolean>`exists (select 1 from task_owners w where w.task_id = t.id and w.staff_id = ${filter.ownerId})`);
  if (filter.documentId !== undefined) where.push(sql<boolean>`t.document_id = ${filter.documentId}`);
  if (filter.minDaysLate !== undefined) {
    where.push(sql<boolean>`o.status in ${OPEN} and o.due_date <= (${today}::date - ${Math.max(1, filter.minDaysLate)}::int)`);
  }
  if (filter.dueFrom) where.push(sql<boolean>`o.due_date >= ${filter.dueFrom}::date`);
  if (filter.dueTo) where.push(sql<boolean>`o.due_date <= ${filter.dueTo}::date`);
  return where;
}

export function daysLate(row: { status: string; dueDate: string | null; completedAt: Date | string | null }, today: string): number {
  if (!row.dueDate || row.status === 'cancelled') return 0;
  if (row.status === 'done') return row.completedAt ? Math.max(0, daysBetween(row.dueDate, localDate(new Date(row.completedAt)))) : 0;
  return Math.max(0, daysBetween(row.dueDate, today));
}

/** Rows in deadline order (most overdue first when only overdue ones are asked for). */
export async function reportRows(db: Db, filter: ReportFilter, today: string, limit = REPORT_ROW_LIMIT): Promise<ReportRow[]> {
  const result = await sql<{
    occurrence_id: number;
    task_id: number;
    title: string;
    doc_number: string | null;
    doc_title: string | null;
    doc_file: string | null;
    lead_unit: string | null;
    support_units: string | null;
    owners: string | null;
    due_date: string | null;
    due_text: string | null;
    status: Status;
    percent: number | null;
    last_note: string | null;
    completed_at: Date | string | null;
  }>`
    select o.id as occurrence_id, t.id as task_id, t.title, d.number as doc_number, d.title as doc_title, d.file_name as doc_file,
      lu.name as lead_unit,
      (select string_agg(u.name, '; ' order by u.path) from task_units tu join units u on u.id = tu.unit_id
        where tu.task_id = t.id and tu.role = 'support') as support_units,
      (select string_agg(s.name, '; ' order by s.name_folded) from task_owners w join staff s on s.id = w.staff_id
        where w.task_id = t.id) as owners,
      o.due_date, t.due_text, o.status, o.percent, o.last_note, o.completed_at
    from occurrences o
    join tasks t on t.id = o.task_id
    left join documents d on d.id = t.document_id
    left join units lu on lu.id = o.lead_unit_id
    where ${sql.join(conditions(filter, today), sql` and `)}
    order by o.due_date asc nulls last, o.id
    limit ${limit}`.execute(db);
  return result.rows.map((r) => ({
    occurrenceId: Number(r.occurrence_id),
    taskId: Number(r.task_id),
    title: r.title,
    document: documentLabel({ number: r.doc_number, title: r.doc_title, file_name: r.doc_file }),
    leadUnit: r.lead_unit ?? '',
    supportUnits: r.support_units ?? '',
    owners: r.owners ?? '',
    dueDate: r.due_date,
    dueText: r.due_text,
    status: r.status,
    percent: r.percent,
    daysLate: daysLate({ status: r.status, dueDate: r.due_date, completedAt: r.completed_at }, today),
    lastNote: r.last_note,
  }));
}

export async function reportCount(db: Db, filter: ReportFilter, today: string): Promise<number> {
  const result = await sql<{ n: number }>`
    select count(*)::int as n from occurrences o join tasks t on t.id = o.task_id
    where ${sql.join(conditions(filter, today), sql` and `)}`.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}
