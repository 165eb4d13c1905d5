/**
 * The planner's one set-based pass: every open occurrence whose due date is in today's due-soon
 * or due-today sets, or past the overdue cutoff, becomes a nudge item for its owners (or, when
 * nobody owns it, for the heads of its lead unit); those past the escalation cutoff become an
 * escalation item for the nearest unit heads above them (the lead unit's own first; a level's
 * leaders stand in when it has no unit head; never someone nudged as the task's owner). Items go
 * into nudge_log, whose unique key (person, occurrence, kind, local date) makes each nudge happen
 * once; the items inserted now are folded into one outbox row per person and message kind, most
 * urgent first. People with no reachable chat on a sending channel get nothing planned (so they
 * are nudged as soon as they link).
 *
 * The date sets come from domain/nudge-policy.ts, so this SQL never re-implements the calendar.
 * Every lookup is driven by the due rows (range scans on the partial index of open occurrences,
 * then per-row index probes), so a tick costs what is due, not what is stored.
 */
import { sql } from 'kysely';
import type { Db } from '../db/index.js';
import type { Channel } from '../domain/types.js';
import { nudgeSql } from './outbox-payloads.js';
import { OPEN } from './statuses.js';

export interface NudgeSets {
  today: string;
  now: Date;
  /** Local midnight of today: an answer after it silences the day's nudges for that task. */
  dayStart: Date;
  soon: { dueDate: string; daysLeft: number }[];
  todayDates: string[];
  overdueCutoff: string;
  /** Due dates at or past the escalation threshold, with the working day the threshold was reached. */
  escalations: { dueDate: string; escalatedOn: string }[];
  channels: readonly Channel[];
  /** Items listed with their own buttons; the rest are counted. */
  maxItems: number;
  /** An earlier tick planned nudges today: look each item up in the ledger before the costly steps. */
  plannedEarlierToday: boolean;
}

export interface QueuedMessage {
  id: number;
  staffId: number;
  kind: 'nudge' | 'escalation';
  channel: string;
  chatId: string;
  total: number;
}

/** Distinct due dates of open occurrences at or before `cutoff` (the escalation candidates). */
export async function overdueDueDates(db: Db, cutoff: string): Promise<string[]> {
  const rows = await sql<{ due_date: string }>`
    select distinct due_date from occurrences where status in ${OPEN} and due_date <= ${cutoff}::date`.execute(db);
  return rows.rows.map((r) => r.due_date);
}

export async function planNudges(db: Db, s: NudgeSets): Promise<QueuedMessage[]> {
  if (s.channels.length === 0) return [];
  const soonDates = s.soon.map((x) => x.dueDate);
  const soonDays = s.soon.map((x) => x.daysLeft);
  const escDue = s.escalations.map((x) => x.dueDate);
  const escOn = s.escalations.map((x) => x.escalatedOn);
  await sql`create temp table nudge_plan (staff_id int, occurrence_id int, kind text, key_date date, days int) on commit drop`.execute(db);
  await sql`
    insert into nudge_plan
    with soon as (
      select * from unnest(${soonDates}::date[], ${soonDays}::int[]) as s(due_date, days_left)
    ),
    esc as (
      select * from unnest(${escDue}::date[], ${escOn}::date[]) as e(due_date, escalated_on)
    ),
    -- Three index range scans (past the cutoff; today's dates; the due-soon dates) over the
    -- partial index of open occurrences: each visits only rows that are due.
    due_rows as (
      select o.id, o.task_id, o.lead_unit_id, o.due_date from occurrences o
      where o.status in ${OPEN} and o.due_date <= ${s.overdueCutoff}::date
      union all
      select o.id, o.task_id, o.lead_unit_id, o.due_date from occurrences o
      where o.status in ${OPEN} and o.due_date = any(${s.todayDates}::date[])
      union all
      select o.id, o.task_id, o.lead_unit_id, o.due_date from occurrences o
      where o.status in ${OPEN} and o.due_date = any(${soonDates}::date[])
    ),
    -- Correlated scalar subqueries (owners, heads, "answered today") run as per-row index lookups:
    -- their cost follows the rows due, never the size of task_owners, staff or updates.
    due as (
      select r.id as occurrence_id, r.task_id, r.lead_unit_id, r.due_date,
        case when r.due_date <= ${s.overdueCutoff}::date then 'overdue'
             when r.due_date = any(${s.todayDates}::date[]) then 'due_today' else 'due_soon' end as kind,
        case when r.due_date <= ${s.overdueCutoff}::date then ${s.today}::date - r.due_date
             when r.due_date = any(${s.todayDates}::date[]) then 0 else soon.days_left end as days,
        (select array_agg(ow.staff_id) from task_owners ow where ow.task_id = r.task_id) as owners
      from due_rows r
      left join soon on soon.due_date = r.due_date
      where not exists (select 1 from tasks t where t.id = r.task_id and t.cancelled_at is not null)
    ),
    -- Owners, or the lead unit's heads when nobody owns the task.
    owned as (
      select d.occurrence_id, d.kind, d.days, u.staff_id
      from due d
      cross join lateral unnest(coalesce(d.owners, (
        select array_agg(h.id) from staff h where h.unit_id = d.lead_unit_id and h.role = 'unit_head' and h.active
      ))) as u(staff_id)
    ),
    nudges as (
      select n.staff_id, n.occurrence_id, n.kind, ${s.today}::date as key_date, n.days
      from owned n
      where (select 1 from updates u
             where u.occurrence_id = n.occurrence_id and u.staff_id = n.staff_id and u.created_at >= ${s.dayStart} limit 1) is null
        -- Planned by an earlier tick today: skip it before the steps below (the insert would skip it too).
        and (not ${s.plannedEarlierToday}::boolean or (select 1 from nudge_log g
             where g.staff_id = n.staff_id and g.occurrence_id = n.occurrence_id and g.kind = n.kind and g.local_date = ${s.today}::date) is null)
    ),
    -- Escalations not yet planned (for anyone) for their date: only these need their heads found.
    late as (
      select d.occurrence_id, d.lead_unit_id, d.owners, e.escalated_on, d.days
      from due d join esc e on e.due_date = d.due_date
      where d.lead_unit_id is not null
        and (select 1 from nudge_log g
             where g.occurrence_id = d.occurrence_id and g.kind = 'escalation' and g.local_date = e.escalated_on limit 1) is null
    ),
    -- The nearest level above the lead unit (itself first) with a unit head, or else a leader.
    heads as (
      select l.lead_unit_id, h.staff_id, h.unit_id, h.role
      from (select distinct lead_unit_id from late) l
      cross join lateral (
        select s.id as staff_id, s.unit_id, s.role,
          dense_rank() over (order by c.depth, s.role <> 'unit_head') as rk
        from unit_closure c
        join staff s on s.unit_id = c.ancestor_id and s.role in ('unit_head','leader') and s.active
        where c.unit_id = l.lead_unit_id
        offset 0
      ) h
      where h.rk = 1
    ),
    -- Never escalate to someone nudged for the task as its owner: an owner, or the lead unit's
    -- head when nobody owns it.
    escalations as (
      select hd.staff_id, x.occurrence_id, 'escalation' as kind, x.escalated_on as key_date, x.days
      from late x
      join heads hd on hd.lead_unit_id = x.lead_unit_id
      where not (hd.staff_id = any(coalesce(x.owners, '{}')))
        and not (x.owners is null and hd.unit_id = x.lead_unit_id and hd.role = 'unit_head')
    ),
    candidates as (
      select * from nudges union all select * from escalations
    )
    select * from candidates`.execute(db);
  // Real statistics for the second statement: a few rows get per-person index probes, tens of
  // thousands a hash join, whichever the size of the day.
  await sql`analyze nudge_plan`.execute(db);
  return queueMessages(db, s);
}

/** Folds the planned items into one outbox row per person and message kind (one statement). */
async function queueMessages(db: Db, s: NudgeSets): Promise<QueuedMessage[]> {
  const result = await sql<{ id: number; staff_id: number; kind: 'nudge' | 'escalation'; channel: string; chat_id: string; total: number }>`
    with links as (
      select distinct on (p.id) p.id as staff_id, l.channel, l.chat_id
      from staff p join chat_links l on l.staff_id = p.id
      where p.id in (select staff_id from nudge_plan) and p.active
        and l.unreachable_at is null and l.channel = any(${[...s.channels]}::text[])
      order by p.id, (l.channel = p.preferred_channel) desc nulls last, l.last_seen_at desc nulls last, l.linked_at desc
    ),
    -- In key order: the ledger's index takes the rows page by page instead of at random.
    logged as (
      insert into nudge_log (staff_id, occurrence_id, kind, local_date, days, created_at)
      select c.staff_id, c.occurrence_id, c.kind, c.key_date, c.days, ${s.now}
      from nudge_plan c where c.staff_id in (select staff_id from links)
      order by c.staff_id, c.occurrence_id, c.kind
      on conflict (staff_id, occurrence_id, kind, local_date) do nothing
      returning id, staff_id, occurrence_id, kind, days
    ),
    -- One message per person and kind; items most urgent first (compareUrgency in
    -- domain/nudge-policy.ts): longest overdue, due today, fewest working days left; escalations
    -- longest overdue first. The first few (maxItems) are listed, the rest counted. The payload is
    -- built by outbox-payloads.ts's nudgeSql (JSON text, parsed once).
    messages as (
      select l.staff_id, case when l.kind = 'escalation' then 'escalation' else 'nudge' end as kind,
        min(l.id) as first_id, count(*) as total,
        (array_agg(${nudgeSql.item(sql`l.occurrence_id`, sql`l.kind`, sql`l.days`)}
          order by case l.kind when 'escalation' then -l.days when 'overdue' then -1000000 - l.days when 'due_today' then 0 else l.days end,
            l.occurrence_id))[1:${s.maxItems}] as items
      from logged l
      group by 1, 2
    )
    insert into outbox (dedupe_key, staff_id, channel, chat_id, kind, payload, next_attempt_at, created_at)
    select m.kind || ':' || m.staff_id || ':' || ${s.today}::text || ':' || m.first_id, m.staff_id, k.channel, k.chat_id, m.kind,
      ${nudgeSql.payload(sql`m.kind`, s.today, sql`m.total`, sql`m.items`)},
      ${s.now}, ${s.now}
    from messages m join links k on k.staff_id = m.staff_id
    order by m.kind desc, m.staff_id
    on conflict (dedupe_key) do nothing
    returning id, staff_id, kind, channel, chat_id, (payload->>'total')::int as total`.execute(db);
  return result.rows.map((r) => ({ id: Number(r.id), staffId: r.staff_id, kind: r.kind, channel: r.channel, chatId: r.chat_id, total: Number(r.total) }));
}
