/**
 * The overview's numbers for a unit's subtree: periods by status, and how many periods were
 * overdue at the end of each of the last eight weeks. The per-unit table reuses /overdue's
 * counts (store/overdue-report.ts), so the chat and the dashboard never disagree.
 */
import { sql } from 'kysely';
import type { Db } from '../db/index.js';
import { addDays, localInstant } from '../domain/time.js';
import { inSubtree } from './scope.js';
import { OPEN } from './statuses.js';

export interface StatusCounts {
  open: number;
  in_progress: number;
  blocked: number;
  done: number;
  overdue: number;
  total: number;
}

const COUNTS = (today: string) => sql`
  count(*) filter (where o.status = 'open')::int as open,
  count(*) filter (where o.status = 'in_progress')::int as in_progress,
  count(*) filter (where o.status = 'blocked')::int as blocked,
  count(*) filter (where o.status = 'done')::int as done,
  count(*) filter (where o.status in ${OPEN} and o.due_date < ${today}::date)::int as overdue,
  count(*) filter (where o.status <> 'cancelled')::int as total`;

type CountRow = StatusCounts;

function numbers(r: CountRow): StatusCounts {
  return {
    open: Number(r.open),
    in_progress: Number(r.in_progress),
    blocked: Number(r.blocked),
    done: Number(r.done),
    overdue: Number(r.overdue),
    total: Number(r.total),
  };
}

export async function statusCounts(db: Db, unitId: number, today: string): Promise<StatusCounts> {
  const result = await sql<CountRow>`
    select ${COUNTS(today)} from occurrences o join tasks t on t.id = o.task_id and t.cancelled_at is null
    where ${inSubtree(sql`o.lead_unit_id`, unitId)}`.execute(db);
  return numbers(result.rows[0] ?? { open: 0, in_progress: 0, blocked: 0, done: 0, overdue: 0, total: 0 });
}

export interface TrendPoint {
  /** The week's last day (local date). */
  date: string;
  overdue: number;
}

/**
 * Periods overdue at the end of each of the last `weeks` weeks (the last point is today): due
 * before that day, known by then, and not finished by its end. Cancelled periods are left out.
 */
export async function overdueTrend(db: Db, unitId: number, today: string, weeks = 8): Promise<TrendPoint[]> {
  const dates = Array.from({ length: weeks }, (_, i) => addDays(today, -7 * (weeks - 1 - i)));
  const ends = dates.map((d) => localInstant(addDays(d, 1)));
  const result = await sql<{ day: string; overdue: number }>`
    select p.day::text as day, count(o.id)::int as overdue
    from unnest(${dates}::date[], ${ends.map((e) => e.toISOString())}::timestamptz[]) as p(day, day_end)
    left join occurrences o on o.due_date < p.day
      and o.status <> 'cancelled'
      and o.created_at < p.day_end
      and (o.completed_at is null or o.completed_at >= p.day_end)
      and ${inSubtree(sql`o.lead_unit_id`, unitId)}
    left join tasks t on t.id = o.task_id
    where o.id is null or t.cancelled_at is null
    group by p.day order by p.day`.execute(db);
  const byDay = new Map(result.rows.map((r) => [String(r.day).slice(0, 10), Number(r.overdue)]));
  return dates.map((date) => ({ date, overdue: byDay.get(date) ?? 0 }));
}
