/**
 * What a dashboard viewer may see: the subtree of their unit (unit_closure), never more. Every
 * page narrows its queries with `inSubtree` and checks any unit, task or person named in the URL
 * with the helpers here before showing it.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/index.js';

/** SQL condition: the unit column lies in the subtree of `rootUnitId`. */
export function inSubtree(column: RawBuilder<unknown>, rootUnitId: number): RawBuilder<boolean> {
  return sql<boolean>`${column} in (select c.unit_id from unit_closure c where c.ancestor_id = ${rootUnitId})`;
}

export async function unitInSubtree(db: Db, rootUnitId: number, unitId: number): Promise<boolean> {
  const row = await db.selectFrom('unit_closure').select('unit_id').where('ancestor_id', '=', rootUnitId).where('unit_id', '=', unitId).executeTakeFirst();
  return row !== undefined;
}

/** A task is visible when one of its periods or its lead unit lies in the subtree. */
export async function taskInSubtree(db: Db, rootUnitId: number, taskId: number): Promise<boolean> {
  const row = await sql<{ ok: number }>`
    select 1 as ok where exists (
      select 1 from occurrences o where o.task_id = ${taskId} and ${inSubtree(sql`o.lead_unit_id`, rootUnitId)}
    ) or exists (
      select 1 from task_units tu where tu.task_id = ${taskId} and tu.role = 'lead' and ${inSubtree(sql`tu.unit_id`, rootUnitId)}
    )`.execute(db);
  return row.rows.length > 0;
}

export async function staffInSubtree(db: Db, rootUnitId: number, staffId: number): Promise<boolean> {
  const row = await db
    .selectFrom('staff as s')
    .innerJoin('unit_closure as c', 'c.unit_id', 's.unit_id')
    .select('s.id')
    .where('c.ancestor_id', '=', rootUnitId)
    .where('s.id', '=', staffId)
    .executeTakeFirst();
  return row !== undefined;
}

export interface UnitOption {
  id: number;
  name: string;
  /** Depth below the viewer's unit (0 = the unit itself), for indenting a select. */
  level: number;
}

export async function unitsInSubtree(db: Db, rootUnitId: number): Promise<UnitOption[]> {
  const rows = await db
    .selectFrom('unit_closure as c')
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .select(['u.id', 'u.name', 'c.depth', 'u.path'])
    .where('c.ancestor_id', '=', rootUnitId)
    .orderBy('u.path')
    .limit(2000)
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, level: r.depth }));
}

/** People who own tasks in the subtree (the owner filter). */
export async function ownersInSubtree(db: Db, rootUnitId: number): Promise<{ id: number; name: string }[]> {
  const rows = await sql<{ id: number; name: string }>`
    select distinct s.id, s.name, s.name_folded from staff s
    join task_owners ow on ow.staff_id = s.id
    join occurrences o on o.task_id = ow.task_id
    where ${inSubtree(sql`o.lead_unit_id`, rootUnitId)}
    order by s.name_folded limit 2000`.execute(db);
  return rows.rows.map((r) => ({ id: r.id, name: r.name }));
}

/** Documents with tasks in the subtree (the document filter). */
export async function documentsInSubtree(db: Db, rootUnitId: number): Promise<{ id: number; label: string }[]> {
  const rows = await sql<{ id: number; number: string | null; title: string | null; file_name: string | null }>`
    select distinct d.id, d.number, d.title, d.file_name from documents d
    join tasks t on t.document_id = d.id
    join occurrences o on o.task_id = t.id
    where ${inSubtree(sql`o.lead_unit_id`, rootUnitId)}
    order by d.id desc limit 500`.execute(db);
  return rows.rows.map((r) => ({ id: r.id, label: documentLabel(r) }));
}

export function documentLabel(d: { number: string | null; title: string | null; file_name?: string | null }): string {
  return d.number || d.title || d.file_name || '';
}

/** The top unit of the tree a unit belongs to (an administrator's scope). */
export async function treeRoot(db: Db, unitId: number): Promise<number> {
  const row = await db.selectFrom('unit_closure').select('ancestor_id').where('unit_id', '=', unitId).orderBy('depth', 'desc').limit(1).executeTakeFirst();
  return row?.ancestor_id ?? unitId;
}
