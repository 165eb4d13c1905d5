/** One task with everything said about it (for the task page), and the people still to link (for the people page). */
import { sql } from 'kysely';
import type { Db } from '../db/index.js';
import type { Status } from '../domain/types.js';
import { documentLabel, inSubtree } from './scope.js';

export interface TaskDetail {
  id: number;
  ref: string | null;
  title: string;
  product: string | null;
  dueText: string | null;
  document: string;
  leadUnit: string;
  supportUnits: string[];
  owners: string[];
  periods: {
    id: number;
    periodKey: string;
    dueDate: string | null;
    status: Status;
    percent: number | null;
    completedAt: Date | null;
    lastNote: string | null;
  }[];
  history: {
    id: number;
    at: Date;
    who: string | null;
    channel: string;
    kind: string;
    status: Status | null;
    percent: number | null;
    note: string | null;
    requestedDue: string | null;
    decision: string | null;
    periodDue: string | null;
    /** What an office change or assignment changed ({field: [before, after]}), when recorded. */
    data: unknown;
  }[];
}

export async function taskDetail(db: Db, taskId: number): Promise<TaskDetail | undefined> {
  const task = await db
    .selectFrom('tasks as t')
    .leftJoin('documents as d', 'd.id', 't.document_id')
    .select(['t.id', 't.ref', 't.title', 't.product', 't.due_text', 'd.number', 'd.title as docTitle', 'd.file_name'])
    .where('t.id', '=', taskId)
    .executeTakeFirst();
  if (!task) return undefined;
  const units = await db
    .selectFrom('task_units as tu')
    .innerJoin('units as u', 'u.id', 'tu.unit_id')
    .select(['u.name', 'tu.role'])
    .where('tu.task_id', '=', taskId)
    .orderBy('u.path')
    .execute();
  const owners = await db
    .selectFrom('task_owners as w')
    .innerJoin('staff as s', 's.id', 'w.staff_id')
    .select('s.name')
    .where('w.task_id', '=', taskId)
    .orderBy('s.name_folded')
    .execute();
  const periods = await db
    .selectFrom('occurrences')
    .select(['id', 'period_key', 'due_date', 'status', 'percent', 'completed_at', 'last_note'])
    .where('task_id', '=', taskId)
    .orderBy(sql`due_date desc nulls first`)
    .execute();
  const history = await db
    .selectFrom('updates as up')
    .leftJoin('staff as s', 's.id', 'up.staff_id')
    .leftJoin('occurrences as o', 'o.id', 'up.occurrence_id')
    .select([
      'up.id',
      'up.created_at',
      's.name',
      'up.channel',
      'up.kind',
      'up.status',
      'up.percent',
      'up.note',
      'up.requested_due',
      'up.decision',
      'up.data',
      'o.due_date',
    ])
    .where('up.task_id', '=', taskId)
    .orderBy('up.created_at', 'desc')
    .orderBy('up.id', 'desc')
    .execute();
  return {
    id: task.id,
    ref: task.ref,
    title: task.title,
    product: task.product,
    dueText: task.due_text,
    document: documentLabel({ number: task.number, title: task.docTitle, file_name: task.file_name }),
    leadUnit: units.find((u) => u.role === 'lead')?.name ?? '',
    supportUnits: units.filter((u) => u.role === 'support').map((u) => u.name),
    owners: owners.map((o) => o.name),
    periods: periods.map((p) => ({
      id: p.id,
      periodKey: p.period_key,
      dueDate: p.due_date,
      status: p.status,
      percent: p.percent,
      completedAt: p.completed_at ? new Date(p.completed_at) : null,
      lastNote: p.last_note,
    })),
    history: history.map((h) => ({
      id: Number(h.id),
      at: new Date(h.created_at),
      who: h.name,
      channel: h.channel,
      kind: h.kind,
      status: h.status,
      percent: h.percent,
      note: h.note,
      requestedDue: h.requested_due,
      decision: h.decision,
      periodDue: h.due_date,
      data: h.data,
    })),
  };
}

export interface UnlinkedPerson {
  id: number;
  name: string;
  role: string;
  phone: string;
  unitName: string;
  code: string | null;
  codeExpiresAt: Date | null;
}

/** Active people of the subtree with no chat account yet, and the code they can use now (if any). */
export async function unlinkedPeople(db: Db, unitId: number, now: Date): Promise<UnlinkedPerson[]> {
  const rows = await sql<{ id: number; name: string; role: string; phone: string; unit_name: string; code: string | null; expires_at: Date | string | null }>`
    select s.id, s.name, s.role, s.phone, u.name as unit_name, lc.code, lc.expires_at
    from staff s
    join units u on u.id = s.unit_id
    left join lateral (
      select code, expires_at from link_codes k
      where k.staff_id = s.id and k.used_at is null and k.expires_at > ${now}
      order by k.expires_at desc limit 1
    ) lc on true
    where s.active and ${inSubtree(sql`s.unit_id`, unitId)}
      and not exists (select 1 from chat_links l where l.staff_id = s.id)
    order by u.path, s.name_folded
    limit 5000`.execute(db);
  return rows.rows.map((r) => ({
    id: r.id,
    name: r.name,
    role: r.role,
    phone: r.phone,
    unitName: r.unit_name,
    code: r.code,
    codeExpiresAt: r.expires_at ? new Date(r.expires_at) : null,
  }));
}
