/** Tasks, their units and owners, and the occurrences people answer about. */
import { sql, type RawBuilder } from 'kysely';
import { z } from 'zod';
import type { Db } from '../db/index.js';
import { runPrepared } from '../db/prepared.js';
import type { Staff } from '../db/schema.js';
import { STATUSES, type DueKind, type RecurrenceRule, type Status } from '../domain/types.js';
import { OPEN } from './statuses.js';

export interface NewTask {
  title: string;
  documentId?: number | null;
  ref?: string | null;
  product?: string | null;
  leadUnitId?: number | null;
  supportUnitIds?: number[];
  ownerIds?: number[];
  due: { kind: DueKind; date: string | null; rule?: RecurrenceRule | null; text?: string | null; spec?: unknown };
  createdBy?: number | null;
  /** Occurrences to create with the task; a dated one-off task gets one with period 'once'. */
  occurrences?: { periodKey: string; dueDate: string | null }[];
}

export async function createTask(db: Db, input: NewTask, now: Date): Promise<{ taskId: number; occurrenceIds: number[] }> {
  const task = await db
    .insertInto('tasks')
    .values({
      title: input.title,
      document_id: input.documentId ?? null,
      ref: input.ref ?? null,
      product: input.product ?? null,
      due_kind: input.due.kind,
      due_date: input.due.date,
      due_rule: input.due.rule ?? null,
      due_text: input.due.text ?? null,
      due_spec: input.due.spec === undefined ? null : JSON.stringify(input.due.spec),
      created_by: input.createdBy ?? null,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (input.leadUnitId) {
    await db.insertInto('task_units').values({ task_id: task.id, unit_id: input.leadUnitId, role: 'lead' }).execute();
  }
  const support = (input.supportUnitIds ?? []).filter((id) => id !== input.leadUnitId);
  if (support.length > 0) {
    await db
      .insertInto('task_units')
      .values([...new Set(support)].map((unit_id) => ({ task_id: task.id, unit_id, role: 'support' as const })))
      .execute();
  }
  if (input.ownerIds && input.ownerIds.length > 0) {
    await db
      .insertInto('task_owners')
      .values([...new Set(input.ownerIds)].map((staff_id) => ({ task_id: task.id, staff_id, assigned_at: now })))
      .execute();
  }
  const periods = input.occurrences ?? [{ periodKey: 'once', dueDate: input.due.date }];
  const occurrenceIds: number[] = [];
  for (const period of periods) {
    const occ = await db
      .insertInto('occurrences')
      .values({ task_id: task.id, period_key: period.periodKey, due_date: period.dueDate, lead_unit_id: input.leadUnitId ?? null, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    occurrenceIds.push(occ.id);
  }
  return { taskId: task.id, occurrenceIds };
}

/** Makes a person an owner of a task (nothing when they already are). */
export async function addOwner(db: Db, taskId: number, staffId: number, at: Date): Promise<void> {
  await db
    .insertInto('task_owners')
    .values({ task_id: taskId, staff_id: staffId, assigned_at: at })
    .onConflict((oc) => oc.columns(['task_id', 'staff_id']).doNothing())
    .execute();
}

/** Moves an occurrence to another due date (and the period that date falls in). */
export async function setOccurrenceDue(db: Db, occurrenceId: number, due: { dueDate: string; periodKey: string }): Promise<void> {
  await db.updateTable('occurrences').set({ due_date: due.dueDate, period_key: due.periodKey }).where('id', '=', occurrenceId).execute();
}

/** Adds one occurrence of a task unless its period exists; returns the new id. */
export async function addOccurrence(
  db: Db,
  o: { taskId: number; periodKey: string; dueDate: string | null; leadUnitId: number | null; createdAt: Date },
): Promise<number | undefined> {
  const row = await db
    .insertInto('occurrences')
    .values({ task_id: o.taskId, period_key: o.periodKey, due_date: o.dueDate, lead_unit_id: o.leadUnitId, created_at: o.createdAt })
    .onConflict((oc) => oc.columns(['task_id', 'period_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

/** The tasks of a document with their (first) occurrence, in task order. */
export async function occurrencesOfDocument(db: Db, documentId: number) {
  return db
    .selectFrom('tasks as t')
    .innerJoin('occurrences as o', 'o.task_id', 't.id')
    .select(['t.id as taskId', 'o.id as occurrenceId', 'o.lead_unit_id as leadUnitId', 't.due_spec as spec'])
    .where('t.document_id', '=', documentId)
    .orderBy('t.id')
    .execute();
}

/** The task of each of these occurrences. */
export async function taskIdsOf(db: Db, occurrenceIds: readonly number[]): Promise<Map<number, number>> {
  if (occurrenceIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('occurrences')
    .select(['id', 'task_id'])
    .where('id', 'in', [...occurrenceIds])
    .execute();
  return new Map(rows.map((r) => [r.id, r.task_id]));
}

export interface OccurrenceView {
  occurrenceId: number;
  taskId: number;
  title: string;
  product: string | null;
  dueDate: string | null;
  dueText: string | null;
  status: Status;
  percent: number | null;
  lastNote: string | null;
  leadUnitName: string | null;
}

/** An OccurrenceView read from a row Postgres built (JSON or a raw statement's result). */
export const occurrenceViewRow = z.object({
  occurrenceId: z.number().int(),
  taskId: z.number().int(),
  title: z.string(),
  product: z.string().nullable(),
  dueDate: z.string().nullable(),
  dueText: z.string().nullable(),
  status: z.enum(STATUSES),
  percent: z.number().int().nullable(),
  lastNote: z.string().nullable(),
  leadUnitName: z.string().nullable(),
});

/** The task-card fields of occurrences; callers add their own filters and columns. */
export function occurrenceViewQuery(db: Db) {
  return db
    .selectFrom('occurrences as o')
    .innerJoin('tasks as t', 't.id', 'o.task_id')
    .leftJoin('units as u', 'u.id', 'o.lead_unit_id')
    .select([
      'o.id as occurrenceId',
      't.id as taskId',
      't.title as title',
      't.product as product',
      'o.due_date as dueDate',
      't.due_text as dueText',
      'o.status as status',
      'o.percent as percent',
      'o.last_note as lastNote',
      'u.name as leadUnitName',
    ]);
}

/** Who "my tasks" are for: given as values, or as SQL (the claim's `me` row, store/conversation-state.ts). */
export interface ListOwner {
  id: RawBuilder<unknown>;
  role: RawBuilder<unknown>;
  unitId: RawBuilder<unknown>;
}

export function listOwnerValues(staff: Pick<Staff, 'id' | 'role' | 'unit_id'>): ListOwner {
  return { id: sql`${staff.id}`, role: sql`${staff.role}`, unitId: sql`${staff.unit_id}` };
}

/**
 * A page of the occurrences a person answers for (tasks they own, and, for a unit head, tasks
 * led by their unit that nobody owns yet; soonest deadline first, undated last), each row with
 * `total`, the count of all of them. Each branch of the rule is its own index-driven query (the
 * owner's tasks through task_owners, a unit head's unowned tasks through the unit's open
 * occurrences, skipped at once for anyone else), so the cost follows the person's tasks, not the
 * database's; the branches cannot overlap (owned / unowned). Runs alone (listMyOpenOccurrences)
 * or inside the claim of "/tasks" (store/conversation-state.ts).
 */
export function myOpenOccurrencesSql(owner: ListOwner, page: { limit: number; offset: number }): RawBuilder<unknown> {
  const view = sql`select o.id as "occurrenceId", t.id as "taskId", t.title, t.product, o.due_date as "dueDate", t.due_text as "dueText",
      o.status, o.percent, o.last_note as "lastNote", u.name as "leadUnitName"
    from occurrences o join tasks t on t.id = o.task_id left join units u on u.id = o.lead_unit_id
    where o.status in ${OPEN} and t.cancelled_at is null`;
  return sql`select m.*, count(*) over () as total from (
      ${view} and o.task_id in (select ow.task_id from task_owners ow where ow.staff_id = ${owner.id})
      union all
      ${view} and ${owner.role} = 'unit_head' and o.lead_unit_id = ${owner.unitId}
        and not exists (select 1 from task_owners ow2 where ow2.task_id = o.task_id)
    ) m
    order by m."dueDate" asc nulls last, m."occurrenceId"
    limit ${page.limit} offset ${page.offset}`;
}

/** The rows myOpenOccurrencesSql selects, as a page and its total (0 rows: the total is unknown past the first page). */
export function readMyOpenOccurrences(rows: readonly Record<string, unknown>[]): { rows: OccurrenceView[]; total: number } {
  const read = rows.map((row) => myTaskRow.parse(row));
  return { rows: read.map(({ total: _total, ...row }) => row), total: read[0]?.total ?? 0 };
}

const myTaskRow = occurrenceViewRow.extend({ total: z.coerce.number().int() });

/** A page of the occurrences a person answers for, and how many there are, in one round trip (myOpenOccurrencesSql). */
export async function listMyOpenOccurrences(db: Db, staff: Staff, page: { limit: number; offset: number }): Promise<{ rows: OccurrenceView[]; total: number }> {
  const owner = listOwnerValues(staff);
  const { rows } = await runPrepared(db, sql<Record<string, unknown>>`${myOpenOccurrencesSql(owner, page)}`);
  if (rows.length > 0 || page.offset === 0) return readMyOpenOccurrences(rows);
  // Past the last page: the window saw no rows, so count them on their own.
  const { rows: counted } = await sql<{ n: number }>`select count(*) as n from (${myOpenOccurrencesSql(owner, { limit: 2_147_483_647, offset: 0 })}) x`.execute(
    db,
  );
  return { rows: [], total: Number(counted[0]?.n ?? 0) };
}

export async function getOccurrenceView(db: Db, occurrenceId: number): Promise<OccurrenceView | undefined> {
  return occurrenceViewQuery(db).where('o.id', '=', occurrenceId).executeTakeFirst();
}

/**
 * May this person change this occurrence? Owners may; so may unit heads, leaders and admins
 * whose unit contains the task's lead unit. Checked on every button press and reply.
 */
export async function canActOn(db: Db, staff: Staff, occurrenceId: number): Promise<boolean> {
  const row = await db
    .selectFrom('occurrences as o')
    .select('o.id')
    .where('o.id', '=', occurrenceId)
    .where((eb) =>
      eb.or([
        eb.exists(eb.selectFrom('task_owners as ow').select('ow.task_id').whereRef('ow.task_id', '=', 'o.task_id').where('ow.staff_id', '=', staff.id)),
        eb.and([
          eb.lit(staff.role !== 'staff'),
          eb.exists(
            eb.selectFrom('unit_closure as c').select('c.unit_id').where('c.ancestor_id', '=', staff.unit_id).whereRef('c.unit_id', '=', 'o.lead_unit_id'),
          ),
        ]),
      ]),
    )
    .executeTakeFirst();
  return row !== undefined;
}
