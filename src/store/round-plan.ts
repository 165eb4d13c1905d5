/**
 * The outbox rows a report round writes, each one set-based statement deduplicated by key: the
 * asks (one message per task, to the head of its lead unit or its owners, by policy), the daily
 * reminder of what is still unanswered, and the compiled report for the office and leaders.
 */
import { sql } from 'kysely';
import type { Db } from '../db/index.js';
import type { ReportPolicy } from '../domain/rounds.js';
import { localInstant } from '../domain/time.js';
import type { Channel } from '../domain/types.js';
import { payloadJson } from './outbox-payloads.js';
import type { Round } from './rounds.js';
import { OPEN } from './statuses.js';

/** Each person's one chat: preferred channel, then the one used last; only reachable ones. */
const reachable = (channels: readonly Channel[]) => sql`
  select distinct on (p.id) p.id as staff_id, l.channel, l.chat_id
  from staff p join chat_links l on l.staff_id = p.id
  where p.active and l.unreachable_at is null and l.channel = any(${[...channels]}::text[])
  order by p.id, (l.channel = p.preferred_channel) desc nulls last, l.last_seen_at desc nulls last, l.linked_at desc`;

/** Queues one ask per task of the round and person to ask; returns how many were new. */
export async function queueRoundAsks(db: Db, round: Round, policy: ReportPolicy, channels: readonly Channel[], now: Date): Promise<number> {
  if (channels.length === 0) return 0;
  const { rows } = await sql<{ id: number }>`
    with scope as (
      select o.id as occurrence_id, o.task_id, o.lead_unit_id from occurrences o join tasks t on t.id = o.task_id
      where t.cancelled_at is null and o.status <> 'cancelled' and o.due_date is not null
        and (o.due_date between ${round.from}::date and ${round.to}::date or (o.status in ${OPEN} and o.due_date < ${round.from}::date))
        and (${round.documentId}::int is null or t.document_id = ${round.documentId}::int)
    ),
    heads as (
      select sc.occurrence_id, s.id as staff_id from scope sc
      join staff s on s.unit_id = sc.lead_unit_id and s.role = 'unit_head' and s.active
      where ${policy.ask} = 'unit_head'
    ),
    recipients as (
      select * from heads
      union
      select sc.occurrence_id, w.staff_id from scope sc join task_owners w on w.task_id = sc.task_id
      where not exists (select 1 from heads h where h.occurrence_id = sc.occurrence_id)
    ),
    links as (${reachable(channels)})
    insert into outbox (dedupe_key, staff_id, channel, chat_id, kind, payload, next_attempt_at, created_at)
    select 'round_ask:' || ${round.id}::int || ':' || r.occurrence_id || ':' || r.staff_id, r.staff_id, l.channel, l.chat_id, 'round_ask',
      ('{"type":"round_ask","r":' || ${round.id}::int || ',"o":' || r.occurrence_id || '}')::jsonb, ${now}, ${now}
    from recipients r join links l on l.staff_id = r.staff_id
    order by r.staff_id, r.occurrence_id
    on conflict (dedupe_key) do nothing
    returning id`.execute(db);
  return rows.length;
}

/** Queues today's reminder for each person asked before today who has tasks of the round unanswered. */
export async function queueRoundReminders(db: Db, round: Round, today: string, now: Date): Promise<number> {
  const payload = payloadJson({ type: 'round_reminder', r: round.id, date: today });
  const { rows } = await sql<{ id: number }>`
    insert into outbox (dedupe_key, staff_id, channel, chat_id, kind, payload, next_attempt_at, created_at)
    select distinct on (x.staff_id) 'round_reminder:' || ${round.id}::int || ':' || x.staff_id || ':' || ${today}::text,
      x.staff_id, x.channel, x.chat_id, 'round_reminder', ${payload}::jsonb, ${now}, ${now}
    from outbox x
    where x.kind = 'round_ask' and (x.payload->>'r')::int = ${round.id} and x.created_at < ${localInstant(today)}
      and not exists (select 1 from round_answers a where a.round_id = ${round.id} and a.occurrence_id = (x.payload->>'o')::int)
    order by x.staff_id, x.id desc
    on conflict (dedupe_key) do nothing
    returning id`.execute(db);
  return rows.length;
}

/** Queues the compiled report for every reachable administrator (the office) and leader. */
export async function queueRoundReport(db: Db, roundId: number, channels: readonly Channel[], now: Date): Promise<number> {
  if (channels.length === 0) return 0;
  const payload = payloadJson({ type: 'round_report', r: roundId });
  const { rows } = await sql<{ id: number }>`
    with links as (${reachable(channels)})
    insert into outbox (dedupe_key, staff_id, channel, chat_id, kind, payload, next_attempt_at, created_at)
    select 'round_report:' || ${roundId}::int || ':' || s.id, s.id, l.channel, l.chat_id, 'round_report', ${payload}::jsonb, ${now}, ${now}
    from staff s join links l on l.staff_id = s.id
    where s.role in ('admin', 'leader')
    order by s.id
    on conflict (dedupe_key) do nothing
    returning id`.execute(db);
  return rows.length;
}

/** The tasks of a round one person was asked about and has not answered, in task order. */
export async function unansweredAsks(db: Db, roundId: number, staffId: number): Promise<{ taskId: number; title: string }[]> {
  const { rows } = await sql<{ taskId: number; title: string }>`
    select distinct t.id as "taskId", t.title from outbox x
    join occurrences o on o.id = (x.payload->>'o')::int join tasks t on t.id = o.task_id
    where x.kind = 'round_ask' and x.staff_id = ${staffId} and (x.payload->>'r')::int = ${roundId}
      and not exists (select 1 from round_answers a where a.round_id = ${roundId} and a.occurrence_id = o.id)
    order by t.id`.execute(db);
  return rows.map((r) => ({ taskId: Number(r.taskId), title: r.title }));
}

/** Lead units (of `unitId`'s subtree) that have tasks of a collecting round not answered yet. */
export async function unitsNotReported(db: Db, unitId: number, today: string): Promise<{ period: string; units: string[] }[]> {
  const { rows } = await sql<{ period: string; unit: string }>`
    select distinct r.period_key as period, u.name as unit, u.path from report_rounds r
    join outbox x on x.kind = 'round_ask' and (x.payload->>'r')::int = r.id
    join occurrences o on o.id = (x.payload->>'o')::int
    join units u on u.id = o.lead_unit_id
    join unit_closure v on v.unit_id = u.id and v.ancestor_id = ${unitId}
    where r.status = 'collecting' and r.collect_from <= ${today}::date
      and not exists (select 1 from round_answers a where a.round_id = r.id and a.occurrence_id = o.id)
    order by r.period_key, u.path`.execute(db);
  const byPeriod = new Map<string, string[]>();
  for (const r of rows) byPeriod.set(r.period, [...(byPeriod.get(r.period) ?? []), r.unit]);
  return [...byPeriod].map(([period, units]) => ({ period, units }));
}
