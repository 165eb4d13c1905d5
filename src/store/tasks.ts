/** Tasks, their units and owners, and the occurrences people answer about. */
import { sql } from 'kysely';
import type { Db } from '../db/index.js';
import { runPrepared } from '../db/prepared.js';
import type { Staff } from '../db/schema.js';
import type { DueKind, RecurrenceRule, Status } from '../domain/types.js';
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

/**
 * A page of the occurrences a person answers for (tasks they own, and, for a unit head, tasks
 * led by their unit that nobody owns yet; soonest deadline first, undated last) and how many
 * there are, in one round trip. Each branch of the rule is its own index-driven query (the owner's tasks through
 * task_owners, a unit head's unowned tasks through the unit's open occurrences), so the cost
 * follows the person's tasks, not the database's; the branches cannot overlap (owned / unowned).
 */
export async function listMyOpenOccurrences(db: Db, staff: Staff, page: { limit: number; offset: number }) {
  const open = (q: ReturnType<typeof occurrenceViewQuery>) => q.where(sql<boolean>`o.status in ${OPEN}`).where('t.cancelled_at', 'is', null);
  const owned = open(occurrenceViewQuery(db)).where(
    'o.task_id',
    'in',
    db.selectFrom('task_owners as ow').select('ow.task_id').where('ow.staff_id', '=', staff.id),
  );
  const mine =
    staff.role === 'unit_head'
      ? owned.unionAll(
          open(occurrenceViewQuery(db))
            .where('o.lead_unit_id', '=', staff.unit_id)
            .where(({ not, exists, selectFrom }) =>
              not(exists(selectFrom('task_owners as ow2').select('ow2.task_id').whereRef('ow2.task_id', '=', 'o.task_id'))),
            ),
        )
      : owned;
  const { rows } = await runPrepared(
    db,
    db
      .selectFrom(mine.as('m'))
      .selectAll('m')
      .select(sql<string>`count(*) over ()`.as('total'))
      .orderBy(sql`m."dueDate" asc nulls last`)
      .orderBy('m.occurrenceId')
      .limit(page.limit)
      .offset(page.offset),
  );
  if (rows.length > 0) return { rows: rows.map(({ total: _total, ...row }) => row), total: Number(rows[0]!.total) };
  if (page.offset === 0) return { rows: [], total: 0 };
  // Past the last page: the window saw no rows, so count them on their own.
  const counted = await db
    .selectFrom(mine.as('m'))
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return { rows: [], total: Number(counted.n) };
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
