/**
 * The office workbench's task queries and changes: search in a subtree, the tasks of one plan,
 * and edits, reassignment and cancellation, each written with an update row that keeps who did
 * it, when, and what the task was before and after (the task's history shows them).
 */
import { sql } from 'kysely';
import type { Db } from '../db/index.js';
import type { Status } from '../domain/types.js';
import { OPEN_STATUSES } from '../domain/types.js';
import { documentLabel, inSubtree } from './scope.js';
import { OPEN } from './statuses.js';

export interface TaskFilter {
  q?: string | undefined;
  unit?: number | undefined;
  status?: Status | undefined;
  doc?: number | undefined;
  owner?: number | undefined;
}

export interface TaskRow {
  id: number;
  ref: string | null;
  title: string;
  document: string;
  documentId: number | null;
  lead: string | null;
  owners: string | null;
  status: Status | null;
  dueDate: string | null;
  dueText: string | null;
  cancelled: boolean;
}

/**
 * Tasks led inside the subtree of `root` (and, for an administrator, tasks with no lead unit
 * yet), with their current period's status: the earliest open one, else the latest.
 */
export async function searchTasks(db: Db, root: number, filter: TaskFilter, options: { unled: boolean; limit: number }): Promise<TaskRow[]> {
  const q = filter.q?.trim();
  const rows = await sql<{
    id: number;
    ref: string | null;
    title: string;
    document_id: number | null;
    number: string | null;
    doc_title: string | null;
    file_name: string | null;
    lead: string | null;
    owners: string | null;
    status: Status | null;
    due_date: string | null;
    due_text: string | null;
    cancelled_at: Date | null;
  }>`
    select t.id, t.ref, t.title, t.document_id, d.number, d.title as doc_title, d.file_name, lu.name as lead,
      (select string_agg(s.name, '; ' order by s.name_folded) from task_owners w join staff s on s.id = w.staff_id where w.task_id = t.id) as owners,
      cur.status, cur.due_date, t.due_text, t.cancelled_at
    from tasks t
    left join documents d on d.id = t.document_id
    left join task_units tu on tu.task_id = t.id and tu.role = 'lead'
    left join units lu on lu.id = tu.unit_id
    left join lateral (
      select o.status, o.due_date from occurrences o where o.task_id = t.id
      order by case when o.status in ${OPEN} then 0 else 1 end, case when o.status in ${OPEN} then o.due_date end asc nulls last, o.id desc
      limit 1
    ) cur on true
    where (${inSubtree(sql`tu.unit_id`, root)}${options.unled ? sql` or tu.unit_id is null` : sql``})
      ${filter.unit !== undefined ? sql`and ${inSubtree(sql`tu.unit_id`, filter.unit)}` : sql``}
      ${filter.doc !== undefined ? sql`and t.document_id = ${filter.doc}` : sql``}
      ${filter.owner !== undefined ? sql`and exists (select 1 from task_owners w where w.task_id = t.id and w.staff_id = ${filter.owner})` : sql``}
      ${filter.status !== undefined ? sql`and cur.status = ${filter.status}` : sql``}
      ${q ? sql`and (t.title ilike ${`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} or t.ref = ${q})` : sql``}
    order by t.document_id nulls last, t.id
    limit ${options.limit}`.execute(db);
  return rows.rows.map((r) => ({
    id: r.id,
    ref: r.ref,
    title: r.title,
    document: r.document_id ? documentLabel({ number: r.number, title: r.doc_title, file_name: r.file_name }) : '',
    documentId: r.document_id,
    lead: r.lead,
    owners: r.owners,
    status: r.status,
    dueDate: r.due_date,
    dueText: r.due_text,
    cancelled: r.cancelled_at !== null,
  }));
}

/** The tasks a plan row became: its ref, or ref/1, ref/2 … when a group of units leads it. */
export async function tasksForRef(db: Db, documentId: number, ref: string): Promise<number[]> {
  const rows = await db
    .selectFrom('tasks')
    .select('id')
    .where('document_id', '=', documentId)
    .where((eb) => eb.or([eb('ref', '=', ref), eb('ref', 'like', `${ref.replace(/[\\%_]/g, (c) => `\\${c}`)}/%`)]))
    .execute();
  return rows.map((r) => r.id);
}

/** Active people of the subtree with their unit, by unit then name (owner choices). */
export async function peopleWithUnits(db: Db, root: number, limit = 3000): Promise<{ id: number; name: string; unitId: number; unit: string }[]> {
  return db
    .selectFrom('staff as s')
    .innerJoin('unit_closure as c', (j) => j.onRef('c.unit_id', '=', 's.unit_id').on('c.ancestor_id', '=', root))
    .innerJoin('units as u', 'u.id', 's.unit_id')
    .select(['s.id', 's.name', 'u.id as unitId', 'u.path as unit'])
    .where('s.active', '=', true)
    .orderBy('u.path')
    .orderBy('s.name_folded')
    .limit(limit)
    .execute();
}

export interface EditableTask {
  id: number;
  title: string;
  product: string | null;
  dueDate: string | null;
  dueText: string | null;
  leadUnitId: number | null;
  leadUnit: string | null;
  ownerIds: number[];
  owners: string[];
  cancelled: boolean;
}

export async function editableTask(db: Db, taskId: number): Promise<EditableTask | undefined> {
  const task = await db
    .selectFrom('tasks as t')
    .leftJoin('task_units as tu', (j) => j.onRef('tu.task_id', '=', 't.id').on('tu.role', '=', 'lead'))
    .leftJoin('units as u', 'u.id', 'tu.unit_id')
    .select(['t.id', 't.title', 't.product', 't.due_date', 't.due_text', 't.cancelled_at', 'tu.unit_id', 'u.name as unitName'])
    .where('t.id', '=', taskId)
    .executeTakeFirst();
  if (!task) return undefined;
  const owners = await db
    .selectFrom('task_owners as w')
    .innerJoin('staff as s', 's.id', 'w.staff_id')
    .select(['s.id', 's.name'])
    .where('w.task_id', '=', taskId)
    .orderBy('s.name_folded')
    .execute();
  return {
    id: task.id,
    title: task.title,
    product: task.product,
    dueDate: task.due_date,
    dueText: task.due_text,
    leadUnitId: task.unit_id,
    leadUnit: task.unitName,
    ownerIds: owners.map((o) => o.id),
    owners: owners.map((o) => o.name),
    cancelled: task.cancelled_at !== null,
  };
}

export interface TaskChanges {
  title: string;
  product: string | null;
  dueDate: string | null;
  leadUnitId: number | null;
}

/** The fields that differ, as {field: [before, after]} with unit names for the lead. */
type Diff = Record<string, [unknown, unknown]>;

async function unitName(db: Db, id: number | null): Promise<string | null> {
  if (id === null) return null;
  return (await db.selectFrom('units').select('name').where('id', '=', id).executeTakeFirst())?.name ?? null;
}

async function record(
  db: Db,
  u: { taskId: number; by: number; kind: 'edit' | 'cancel' | 'assign'; note?: string | null; data: unknown; now: Date },
): Promise<number> {
  const occ = await db
    .selectFrom('occurrences')
    .select('id')
    .where('task_id', '=', u.taskId)
    .orderBy(sql`case when status in ${OPEN} then 0 else 1 end`)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  const row = await db
    .insertInto('updates')
    .values({
      occurrence_id: occ?.id ?? null,
      task_id: u.taskId,
      staff_id: u.by,
      channel: 'web',
      kind: u.kind,
      note: u.note ?? null,
      data: JSON.stringify(u.data),
      created_at: u.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/**
 * Changes a task's title, product, due date and lead unit; open periods follow the new lead and
 * date, answered ones keep theirs. Returns what changed (nothing recorded when nothing did).
 */
export async function editTask(db: Db, task: EditableTask, changes: TaskChanges, by: number, now: Date): Promise<Diff> {
  const diff: Diff = {};
  if (changes.title !== task.title) diff.title = [task.title, changes.title];
  if (changes.product !== task.product) diff.product = [task.product, changes.product];
  if (changes.dueDate !== task.dueDate) diff.due = [task.dueDate, changes.dueDate];
  if (changes.leadUnitId !== task.leadUnitId) diff.lead = [task.leadUnit, await unitName(db, changes.leadUnitId)];
  if (Object.keys(diff).length === 0) return diff;
  const due = diff.due ? { due_date: changes.dueDate, due_kind: changes.dueDate ? ('date' as const) : ('none' as const), due_rule: null, due_spec: null } : {};
  await db
    .updateTable('tasks')
    .set({ title: changes.title, product: changes.product, ...due })
    .where('id', '=', task.id)
    .execute();
  if (diff.lead) {
    await db.deleteFrom('task_units').where('task_id', '=', task.id).where('role', '=', 'lead').execute();
    if (changes.leadUnitId !== null) {
      await db.deleteFrom('task_units').where('task_id', '=', task.id).where('unit_id', '=', changes.leadUnitId).execute();
      await db.insertInto('task_units').values({ task_id: task.id, unit_id: changes.leadUnitId, role: 'lead' }).execute();
    }
  }
  if (diff.lead || diff.due) {
    await db
      .updateTable('occurrences')
      .set({ ...(diff.lead ? { lead_unit_id: changes.leadUnitId } : {}), ...(diff.due ? { due_date: changes.dueDate } : {}) })
      .where('task_id', '=', task.id)
      .where('status', 'in', OPEN_STATUSES)
      .execute();
  }
  await record(db, { taskId: task.id, by, kind: 'edit', data: diff, now });
  return diff;
}

/** Makes these people the task's owners (replacing the others) and records before and after. */
export async function setTaskOwners(db: Db, task: EditableTask, ownerIds: number[], by: number, now: Date): Promise<boolean> {
  const wanted = [...new Set(ownerIds)].sort((a, b) => a - b);
  if (JSON.stringify(wanted) === JSON.stringify([...task.ownerIds].sort((a, b) => a - b))) return false;
  await db.deleteFrom('task_owners').where('task_id', '=', task.id).execute();
  if (wanted.length > 0)
    await db
      .insertInto('task_owners')
      .values(wanted.map((staff_id) => ({ task_id: task.id, staff_id, assigned_at: now })))
      .execute();
  const names = wanted.length
    ? (await db.selectFrom('staff').select('name').where('id', 'in', wanted).orderBy('name_folded').execute()).map((r) => r.name)
    : [];
  await record(db, { taskId: task.id, by, kind: 'assign', data: { owners: [task.owners, names], owner: wanted[0] ?? null }, now });
  return true;
}

/** Cancels a task: its open periods become cancelled, with the reason in the history; returns that update's id. */
export async function cancelTask(db: Db, task: EditableTask, reason: string, by: number, now: Date): Promise<number> {
  await db.updateTable('tasks').set({ cancelled_at: now }).where('id', '=', task.id).execute();
  await db
    .updateTable('occurrences')
    .set({ status: 'cancelled', status_changed_at: now, last_note: reason })
    .where('task_id', '=', task.id)
    .where('status', 'in', OPEN_STATUSES)
    .execute();
  return record(db, { taskId: task.id, by, kind: 'cancel', note: reason, data: { status: ['open', 'cancelled'] }, now });
}

/** A 'cancel' update with the task and who cancelled it (the message to the owners). */
export async function cancellation(db: Db, updateId: number): Promise<{ taskId: number; title: string; by: string; reason: string } | undefined> {
  const row = await db
    .selectFrom('updates as up')
    .innerJoin('tasks as t', 't.id', 'up.task_id')
    .leftJoin('staff as s', 's.id', 'up.staff_id')
    .select(['t.id', 't.title', 's.name', 'up.note'])
    .where('up.id', '=', updateId)
    .where('up.kind', '=', 'cancel')
    .executeTakeFirst();
  return row ? { taskId: row.id, title: row.title, by: row.name ?? '', reason: row.note ?? '' } : undefined;
}
