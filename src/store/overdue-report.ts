/**
 * What /overdue reads: counts over a unit's subtree grouped by the units right under it (one
 * index-only pass over the open occurrences of the subtree), the longest-overdue tasks, and a
 * person's own overdue list. "Open" means open, in progress or blocked.
 */
import { sql } from 'kysely';
import type { Db } from '../db/index.js';
import { OPEN } from './statuses.js';
import { addDays } from '../domain/time.js';

export interface UnitCounts {
  unitId: number;
  name: string;
  overdue: number;
  week: number;
  blocked: number;
  stale: number;
}

export interface ReportWindow {
  today: string;
  /** Last day of this week (Sunday): "due this week" is today..weekEnd. */
  weekEnd: string;
  /**
   * "No answer for 14 days" counts the occurrences dondoc is chasing — overdue or due by this
   * date — with no update since `staleBefore`. A task due in half a year was never asked about.
   */
  chaseUntil?: string;
  staleBefore: Date;
}

/** Days ahead that count as "being chased" when the caller names no `chaseUntil`. */
export const CHASE_DAYS = 14;

/**
 * Counts per unit directly under `rootUnitId` (subtrees rolled up), and for the root's own tasks.
 * It reads only the occurrences that can count — open ones due by `chaseUntil` (index-only on
 * the covering index) and blocked ones due later — so its cost follows what is late or near,
 * not everything planned for the year.
 */
export async function subtreeCounts(db: Db, rootUnitId: number, window: ReportWindow): Promise<UnitCounts[]> {
  const w = { ...window, chaseUntil: window.chaseUntil ?? addDays(window.today, CHASE_DAYS) };
  const { rows } = await sql<{ unit_id: number; name: string; overdue: number; week: number; blocked: number; stale: number }>`
    with near as (
      select o.lead_unit_id as unit_id, v.depth, o.due_date, o.status, coalesce(o.last_update_at, o.created_at) as touched
      from unit_closure v
      join occurrences o on o.lead_unit_id = v.unit_id and o.status in ${OPEN} and o.due_date <= ${w.chaseUntil}::date
      where v.ancestor_id = ${rootUnitId}
      union all
      select o.lead_unit_id, v.depth, o.due_date, o.status, null
      from unit_closure v
      join occurrences o on o.lead_unit_id = v.unit_id and o.status = 'blocked' and (o.due_date > ${w.chaseUntil}::date or o.due_date is null)
      where v.ancestor_id = ${rootUnitId}
    ),
    per_unit as (
      select unit_id, depth,
        count(*) filter (where due_date < ${w.today}::date) as overdue,
        count(*) filter (where due_date >= ${w.today}::date and due_date <= ${w.weekEnd}::date) as week,
        count(*) filter (where status = 'blocked') as blocked,
        count(*) filter (where touched < ${w.staleBefore}) as stale
      from near
      group by unit_id, depth
    ),
    grouped as (
      select case when p.depth = 0 then p.unit_id else g.ancestor_id end as unit_id,
        sum(p.overdue)::int as overdue, sum(p.week)::int as week, sum(p.blocked)::int as blocked, sum(p.stale)::int as stale
      from per_unit p
      left join unit_closure g on p.depth > 0 and g.unit_id = p.unit_id and g.depth = p.depth - 1
      group by 1
    )
    select g.unit_id, u.name, g.overdue, g.week, g.blocked, g.stale
    from grouped g join units u on u.id = g.unit_id
    order by g.overdue desc, u.name`.execute(db);
  return rows.map((r) => ({
    unitId: r.unit_id,
    name: r.name,
    overdue: Number(r.overdue),
    week: Number(r.week),
    blocked: Number(r.blocked),
    stale: Number(r.stale),
  }));
}

/** Units directly under `unitId`. */
export async function childUnitCount(db: Db, unitId: number): Promise<number> {
  const row = await db
    .selectFrom('unit_closure')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('ancestor_id', '=', unitId)
    .where('depth', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface OverdueItem {
  occurrenceId: number;
  taskId: number;
  title: string;
  dueDate: string;
  unitName: string | null;
  owners: string[];
}

const ownersOf = sql<
  string[]
>`coalesce((select array_agg(s.name order by s.name) from task_owners ow join staff s on s.id = ow.staff_id where ow.task_id = o.task_id), '{}')`;

/** The `limit` longest-overdue open occurrences of a subtree. */
export async function longestOverdue(db: Db, rootUnitId: number, today: string, limit: number): Promise<OverdueItem[]> {
  const { rows } = await sql<OverdueItem>`
    select o.id as "occurrenceId", o.task_id as "taskId", t.title, o.due_date as "dueDate", u.name as "unitName", ${ownersOf} as owners
    from unit_closure v
    join occurrences o on o.lead_unit_id = v.unit_id and o.status in ${OPEN} and o.due_date < ${today}::date
    join tasks t on t.id = o.task_id and t.cancelled_at is null
    left join units u on u.id = o.lead_unit_id
    where v.ancestor_id = ${rootUnitId}
    order by o.due_date, o.id
    limit ${limit}`.execute(db);
  return rows;
}

/** A person's own overdue occurrences (tasks they own), longest overdue first. */
export async function myOverdue(db: Db, staffId: number, today: string): Promise<OverdueItem[]> {
  const { rows } = await sql<OverdueItem>`
    select o.id as "occurrenceId", o.task_id as "taskId", t.title, o.due_date as "dueDate", u.name as "unitName", ${ownersOf} as owners
    from task_owners me
    join occurrences o on o.task_id = me.task_id and o.status in ${OPEN} and o.due_date < ${today}::date
    join tasks t on t.id = o.task_id and t.cancelled_at is null
    left join units u on u.id = o.lead_unit_id
    where me.staff_id = ${staffId}
    order by o.due_date, o.id`.execute(db);
  return rows;
}
