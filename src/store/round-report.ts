/**
 * What a report up the chain reads: every task of a scope with its status, the result its unit
 * gave, and how it stands against its deadline; the units that have not answered a round; and
 * each unit's scorecard. The docx, the xlsx, the monitoring export and the dashboard all count
 * from `scopeItems`, so the numbers in the text and in the tables are the same numbers.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/index.js';
import { TIME_ZONE } from '../domain/time.js';
import type { Status } from '../domain/types.js';
import { inSubtree } from './scope.js';
import { OPEN } from './statuses.js';

export interface ScopeFilter {
  /** Periods due in [from, to], and open ones due before `from` (still owed). Absent: every period. */
  from?: string | undefined;
  to?: string | undefined;
  documentId?: number | null | undefined;
  unitId?: number | undefined;
  /** Answers of this round only count as "given in this round". */
  roundId?: number | undefined;
}

/** How a period stands on the report date. */
export type Standing = 'done_on_time' | 'done_late' | 'overdue' | 'in_progress';

export interface ScopeItem {
  occurrenceId: number;
  taskId: number;
  ref: string | null;
  title: string;
  leadUnitId: number | null;
  leadUnit: string;
  dueDate: string;
  status: Status;
  completedOn: string | null;
  standing: Standing;
  result: string | null;
  product: string | null;
  difficulties: string | null;
  proposals: string | null;
  kept: boolean;
  /** An answer was given in the round of the filter (or ever, without a round). */
  answered: boolean;
  lastNote: string | null;
  lastUpdate: Date | null;
}

function where(f: ScopeFilter): RawBuilder<boolean>[] {
  const w: RawBuilder<boolean>[] = [sql<boolean>`t.cancelled_at is null`, sql<boolean>`o.status <> 'cancelled'`, sql<boolean>`o.due_date is not null`];
  if (f.from && f.to) w.push(sql<boolean>`(o.due_date between ${f.from}::date and ${f.to}::date or (o.status in ${OPEN} and o.due_date < ${f.from}::date))`);
  if (f.documentId) w.push(sql<boolean>`t.document_id = ${f.documentId}`);
  if (f.unitId !== undefined) w.push(inSubtree(sql`o.lead_unit_id`, f.unitId));
  return w;
}

export function standingOf(status: Status, dueDate: string, completedOn: string | null, asOf: string): Standing {
  if (status === 'done') return completedOn !== null && completedOn > dueDate ? 'done_late' : 'done_on_time';
  return dueDate < asOf ? 'overdue' : 'in_progress';
}

/** Every period of the scope, by lead unit then deadline, with its latest answer. */
export async function scopeItems(db: Db, f: ScopeFilter, asOf: string): Promise<ScopeItem[]> {
  const answerRound = f.roundId === undefined ? sql`true` : sql`a.round_id = ${f.roundId}`;
  const { rows } = await sql<{
    occurrence_id: number;
    task_id: number;
    ref: string | null;
    title: string;
    lead_unit_id: number | null;
    lead_unit: string | null;
    due_date: string;
    status: Status;
    completed_on: string | null;
    result: string | null;
    product: string | null;
    task_product: string | null;
    difficulties: string | null;
    proposals: string | null;
    kept: boolean | null;
    answered: boolean;
    last_note: string | null;
    last_update_at: Date | null;
  }>`
    select o.id as occurrence_id, t.id as task_id, t.ref, t.title, o.lead_unit_id, u.name as lead_unit, o.due_date, o.status,
      (o.completed_at at time zone ${TIME_ZONE})::date as completed_on,
      a.result, a.product, t.product as task_product, a.difficulties, a.proposals, a.kept,
      exists (select 1 from round_answers a where a.occurrence_id = o.id and ${answerRound}) as answered,
      o.last_note, greatest(o.last_update_at, a.created_at) as last_update_at
    from occurrences o
    join tasks t on t.id = o.task_id
    left join units u on u.id = o.lead_unit_id
    left join lateral (select * from round_answers a where a.occurrence_id = o.id order by a.id desc limit 1) a on true
    where ${sql.join(where(f), sql` and `)}
    order by u.path nulls last, o.due_date, o.id`.execute(db);
  return rows.map((r) => ({
    occurrenceId: Number(r.occurrence_id),
    taskId: Number(r.task_id),
    ref: r.ref,
    title: r.title,
    leadUnitId: r.lead_unit_id,
    leadUnit: r.lead_unit ?? '',
    dueDate: r.due_date,
    status: r.status,
    completedOn: r.completed_on,
    standing: standingOf(r.status, r.due_date, r.completed_on, asOf),
    result: r.result,
    product: r.product ?? r.task_product,
    difficulties: r.difficulties,
    proposals: r.proposals,
    kept: r.kept ?? false,
    answered: Boolean(r.answered),
    lastNote: r.last_note,
    lastUpdate: r.last_update_at ? new Date(r.last_update_at) : null,
  }));
}

export interface UnitScore {
  unit: string;
  total: number;
  doneOnTime: number;
  doneLate: number;
  overdue: number;
  inProgress: number;
  answered: number;
}

/** Each lead unit's counts (the evaluation criterion the plans name), and the organisation's total. */
export function scorecard(items: readonly ScopeItem[]): { units: UnitScore[]; total: UnitScore } {
  const blank = (unit: string): UnitScore => ({ unit, total: 0, doneOnTime: 0, doneLate: 0, overdue: 0, inProgress: 0, answered: 0 });
  const byUnit = new Map<string, UnitScore>();
  const total = blank('');
  for (const item of items) {
    const score = byUnit.get(item.leadUnit) ?? blank(item.leadUnit);
    byUnit.set(item.leadUnit, score);
    for (const s of [score, total]) {
      s.total++;
      if (item.standing === 'done_on_time') s.doneOnTime++;
      if (item.standing === 'done_late') s.doneLate++;
      if (item.standing === 'overdue') s.overdue++;
      if (item.standing === 'in_progress') s.inProgress++;
      if (item.answered) s.answered++;
    }
  }
  return { units: [...byUnit.values()], total };
}

/** Lead units of a round's scope and whether each has answered for every one of its tasks. */
export async function roundProgress(
  db: Db,
  round: { id: number; from: string; to: string; documentId: number | null },
  unitId?: number,
): Promise<{ unit: string; asked: number; answered: number }[]> {
  const { rows } = await sql<{ unit: string; asked: number; answered: number }>`
    select coalesce(u.name, '') as unit, count(*)::int as asked,
      count(*) filter (where exists (select 1 from round_answers a where a.round_id = ${round.id} and a.occurrence_id = o.id))::int as answered
    from occurrences o
    join tasks t on t.id = o.task_id
    left join units u on u.id = o.lead_unit_id
    where ${sql.join(where({ from: round.from, to: round.to, documentId: round.documentId, unitId }), sql` and `)}
    group by u.name, u.path
    order by u.path nulls last`.execute(db);
  return rows.map((r) => ({ unit: r.unit, asked: Number(r.asked), answered: Number(r.answered) }));
}
