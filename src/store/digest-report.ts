/**
 * What the morning digest reads for one unit's subtree and one period (the previous working
 * day's digest instant up to this one). Every list comes with its full count (`total`) and at
 * most `limit` rows, so a province-wide digest stays readable.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/index.js';
import { OPEN } from './statuses.js';

export interface DigestPeriod {
  unitId: number;
  /** The digest's local date and the previous working day. */
  date: string;
  sinceDate: string;
  since: Date;
  at: Date;
  limit: number;
}

export interface Listed<T> {
  total: number;
  rows: T[];
}

export interface TaskLine {
  taskId: number;
  title: string;
  unitName: string | null;
  owners: string[];
  note: string | null;
  dueDate: string | null;
  requestedDue: string | null;
  who: string | null;
}

export interface PersonLine {
  name: string;
  unitName: string;
  count: number;
}

const owners = sql<
  string[]
>`coalesce((select array_agg(s.name order by s.name) from task_owners ow join staff s on s.id = ow.staff_id where ow.task_id = o.task_id), '{}')`;

async function listed<R extends { total: number }>(db: Db, query: RawBuilder<R>): Promise<Listed<Omit<R, 'total'>>> {
  const { rows } = await query.execute(db);
  return { total: Number(rows[0]?.total ?? 0), rows: rows.map(({ total: _total, ...row }) => row) };
}

function taskQuery(p: DigestPeriod, where: RawBuilder<unknown>, order: RawBuilder<unknown>) {
  return sql<TaskLine & { total: number }>`
    select o.task_id as "taskId", t.title, u.name as "unitName", ${owners} as owners, o.last_note as note,
      o.due_date as "dueDate", null::date as "requestedDue", null::text as who, count(*) over () as total
    from unit_closure v
    join occurrences o on o.lead_unit_id = v.unit_id
    join tasks t on t.id = o.task_id and t.cancelled_at is null
    left join units u on u.id = o.lead_unit_id
    where v.ancestor_id = ${p.unitId} and ${where}
    order by ${order}
    limit ${p.limit}`;
}

/** Open occurrences that became overdue since the previous digest. */
export function newlyOverdue(db: Db, p: DigestPeriod): Promise<Listed<TaskLine>> {
  return listed(db, taskQuery(p, sql`o.status in ${OPEN} and o.due_date >= ${p.sinceDate}::date and o.due_date < ${p.date}::date`, sql`o.due_date, o.id`));
}

export function completed(db: Db, p: DigestPeriod): Promise<Listed<TaskLine>> {
  return listed(db, taskQuery(p, sql`o.status = 'done' and o.completed_at >= ${p.since} and o.completed_at < ${p.at}`, sql`o.completed_at, o.id`));
}

export function newBlockers(db: Db, p: DigestPeriod): Promise<Listed<TaskLine>> {
  return listed(
    db,
    taskQuery(p, sql`o.status = 'blocked' and o.status_changed_at >= ${p.since} and o.status_changed_at < ${p.at}`, sql`o.status_changed_at, o.id`),
  );
}

export function extensionsWaiting(db: Db, p: DigestPeriod): Promise<Listed<TaskLine>> {
  return listed(
    db,
    sql<TaskLine & { total: number }>`
    select o.task_id as "taskId", t.title, u.name as "unitName", ${owners} as owners, r.note,
      o.due_date as "dueDate", r.requested_due as "requestedDue", s.name as who, count(*) over () as total
    from updates r
    join occurrences o on o.id = r.occurrence_id and o.status in ${OPEN}
    join unit_closure v on v.unit_id = o.lead_unit_id and v.ancestor_id = ${p.unitId}
    join tasks t on t.id = o.task_id and t.cancelled_at is null
    left join units u on u.id = o.lead_unit_id
    left join staff s on s.id = r.staff_id
    where r.kind = 'extension_request' and r.decision is null and r.created_at < ${p.at}
      and not exists (select 1 from updates d where d.ref_update_id = r.id)
    order by r.id
    limit ${p.limit}`,
  );
}

/** People nudged since the previous digest who have not answered about those tasks since. */
export function silentPeople(db: Db, p: DigestPeriod): Promise<Listed<PersonLine>> {
  return listed(
    db,
    sql<PersonLine & { total: number }>`
    select s.name, u.name as "unitName", count(distinct n.occurrence_id)::int as count, count(*) over () as total
    from nudge_log n
    join staff s on s.id = n.staff_id
    join unit_closure v on v.unit_id = s.unit_id and v.ancestor_id = ${p.unitId}
    join units u on u.id = s.unit_id
    join occurrences o on o.id = n.occurrence_id and o.status in ${OPEN}
    where n.local_date >= ${p.sinceDate}::date and n.local_date < ${p.date}::date and n.kind <> 'escalation'
      and not exists (select 1 from updates x where x.occurrence_id = n.occurrence_id and x.staff_id = n.staff_id and x.created_at >= n.created_at)
    group by s.id, s.name, u.name
    order by count(distinct n.occurrence_id) desc, s.name
    limit ${p.limit}`,
  );
}

/** People of the subtree whose every chat link is marked unreachable (they blocked the bot). */
export function unreachablePeople(db: Db, p: DigestPeriod): Promise<Listed<PersonLine>> {
  return listed(
    db,
    sql<PersonLine & { total: number }>`
    select s.name, u.name as "unitName", 0 as count, count(*) over () as total
    from unit_closure v
    join staff s on s.unit_id = v.unit_id and s.active
    join units u on u.id = s.unit_id
    where v.ancestor_id = ${p.unitId}
      and exists (select 1 from chat_links l where l.staff_id = s.id and l.unreachable_at is not null)
      and not exists (select 1 from chat_links l where l.staff_id = s.id and l.unreachable_at is null)
    order by u.name, s.name
    limit ${p.limit}`,
  );
}
