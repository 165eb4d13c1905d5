/**
 * /assign's queries: open occurrences of tasks nobody owns yet, led inside a unit's subtree; the
 * people who may own one; and giving a task its owner (with the update row that records it).
 */
import { sql } from 'kysely';
import type { Db } from '../db/index.js';
import type { Channel } from '../domain/types.js';
import { OPEN } from './statuses.js';
import { addOwner } from './tasks.js';

export interface Unassigned {
  occurrenceId: number;
  taskId: number;
  leadUnitId: number | null;
}

/** Open occurrences of unowned tasks led inside the subtree of `unitId`, soonest first. */
export async function unassignedInSubtree(db: Db, unitId: number, limit: number): Promise<Unassigned[]> {
  return db
    .selectFrom('occurrences as o')
    .innerJoin('tasks as t', 't.id', 'o.task_id')
    .innerJoin('unit_closure as c', (j) => j.onRef('c.unit_id', '=', 'o.lead_unit_id').on('c.ancestor_id', '=', unitId))
    .select(['o.id as occurrenceId', 't.id as taskId', 'o.lead_unit_id as leadUnitId'])
    .where(sql<boolean>`o.status in ${OPEN}`)
    .where('t.cancelled_at', 'is', null)
    .where(sql<boolean>`not exists (select 1 from task_owners ow where ow.task_id = t.id)`)
    .orderBy(sql`o.due_date asc nulls last`)
    .orderBy('t.id')
    .limit(limit)
    .execute();
}

/** The occurrence of a task (its open one first, else its latest) when its lead unit lies in the subtree of `unitId`. */
export async function assignableTask(db: Db, unitId: number, taskId: number): Promise<{ occurrenceId: number; leadUnitId: number | null } | undefined> {
  return db
    .selectFrom('occurrences as o')
    .innerJoin('unit_closure as c', (j) => j.onRef('c.unit_id', '=', 'o.lead_unit_id').on('c.ancestor_id', '=', unitId))
    .select(['o.id as occurrenceId', 'o.lead_unit_id as leadUnitId'])
    .where('o.task_id', '=', taskId)
    .orderBy(sql`case when o.status in ${OPEN} then 0 else 1 end`)
    .orderBy('o.id', 'desc')
    .executeTakeFirst();
}

/** Active people of a unit's subtree, nearest the unit first, then by name. */
export async function peopleInSubtree(db: Db, unitId: number, limit: number): Promise<{ id: number; name: string }[]> {
  return db
    .selectFrom('staff as s')
    .innerJoin('unit_closure as c', (j) => j.onRef('c.unit_id', '=', 's.unit_id').on('c.ancestor_id', '=', unitId))
    .select(['s.id', 's.name'])
    .where('s.active', '=', true)
    .orderBy('c.depth')
    .orderBy('s.name')
    .limit(limit)
    .execute();
}

/** An active person when their unit lies under one of `unitIds`. */
export async function activePersonUnder(db: Db, staffId: number, unitIds: number[]): Promise<{ id: number; name: string } | undefined> {
  return db
    .selectFrom('staff as s')
    .innerJoin('unit_closure as c', 'c.unit_id', 's.unit_id')
    .select(['s.id', 's.name'])
    .where('s.id', '=', staffId)
    .where('s.active', '=', true)
    .where('c.ancestor_id', 'in', unitIds)
    .limit(1)
    .executeTakeFirst();
}

/** Makes `ownerId` an owner of the task and records who did it, from where. */
export async function addTaskOwner(
  db: Db,
  a: { taskId: number; occurrenceId: number; ownerId: number; byStaffId: number; channel: Channel; now: Date },
): Promise<void> {
  await addOwner(db, a.taskId, a.ownerId, a.now);
  await db
    .insertInto('updates')
    .values({
      occurrence_id: a.occurrenceId,
      task_id: a.taskId,
      staff_id: a.byStaffId,
      channel: a.channel,
      kind: 'assign',
      data: JSON.stringify({ owner: a.ownerId }),
      created_at: a.now,
    })
    .execute();
}
