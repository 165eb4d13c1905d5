/**
 * From a parsed plan to tasks: stores the document (number, date, issuer, file hash) and its
 * tasks, resolving unit names; re-importing the same document updates its tasks and never
 * duplicates them (one task per document and ref). A task led by a group of units ("Các phòng,
 * đơn vị thuộc Sở") becomes one task per unit, since each unit reports on its own share.
 */
import type { Db } from '../db/index.js';
import { nextOccurrences, parseScheduleSpec, periodKey, type TaskSchedule } from '../domain/recurrence.js';
import { addDays, localDate } from '../domain/time.js';
import { OPEN_STATUSES } from '../domain/types.js';
import type { PlanImport, PlanTask } from '../import/types.js';
import { createTask } from './tasks.js';
import { createUnitResolver, type UnitResolver } from './unit-resolver.js';

export const DEFAULT_CHECK_IN_DAY = 25;

export interface PlanSource {
  fileName: string;
  fileHash: string;
}

export interface ApplyReport {
  documentId: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Names the document writes that match no unit (lead or support), each once. */
  unresolved: string[];
}

interface Resolved {
  lead: number[];
  support: number[];
}

function resolveNames(resolver: UnitResolver, names: string[], unresolved: Set<string>): number[] {
  const ids: number[] = [];
  for (const name of names) {
    const found = resolver.resolve(name);
    if (found) ids.push(...found.unitIds);
    else unresolved.add(name);
  }
  return [...new Set(ids)];
}

/** The schedule of a task and the first occurrence due on or after today. */
export function firstPeriod(
  due: PlanTask['due'],
  today: string,
  checkInDay = DEFAULT_CHECK_IN_DAY,
): { schedule: TaskSchedule | null; period: { periodKey: string; dueDate: string | null } } {
  if (due.kind === 'date' && due.date) return { schedule: { kind: 'date', due: due.date }, period: { periodKey: 'once', dueDate: due.date } };
  const schedule = due.kind === 'recurring' || due.kind === 'ongoing' ? parseScheduleSpec(due, checkInDay) : null;
  if (schedule) {
    const [next] = nextOccurrences(schedule, addDays(today, -1), 1);
    if (next) return { schedule, period: { periodKey: periodKey(schedule, next.dueDate), dueDate: next.dueDate } };
  }
  return { schedule, period: { periodKey: 'once', dueDate: null } };
}

async function upsertDocument(db: Db, plan: PlanImport, source: PlanSource): Promise<number> {
  const values = {
    number: plan.document.number || null,
    doc_date: plan.document.date,
    issuer: plan.document.issuer,
    file_name: source.fileName,
    file_hash: source.fileHash,
  };
  const byHash = await db.selectFrom('documents').select('id').where('file_hash', '=', source.fileHash).executeTakeFirst();
  const byNumber =
    !byHash && values.number
      ? await db
          .selectFrom('documents')
          .select('id')
          .where('number', '=', values.number)
          .where('issuer', 'is not distinct from', values.issuer)
          .executeTakeFirst()
      : undefined;
  const existing = byHash ?? byNumber;
  if (existing) {
    await db.updateTable('documents').set(values).where('id', '=', existing.id).execute();
    return existing.id;
  }
  return (await db.insertInto('documents').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

async function upsertTask(
  db: Db,
  documentId: number,
  ref: string,
  task: PlanTask,
  units: { lead: number | null; support: number[] },
  now: Date,
  createdBy: number | null,
): Promise<'created' | 'updated' | 'unchanged'> {
  const { schedule, period } = firstPeriod(task.due, localDate(now));
  const fields = {
    title: task.title,
    product: task.product ?? null,
    due_kind: task.due.kind,
    due_date: task.due.date,
    due_rule: task.due.rule,
    due_text: task.due.text || null,
  };
  const existing = await db.selectFrom('tasks').selectAll().where('document_id', '=', documentId).where('ref', '=', ref).executeTakeFirst();
  if (!existing) {
    await createTask(
      db,
      {
        ...fields,
        documentId,
        ref,
        leadUnitId: units.lead,
        supportUnitIds: units.support,
        due: { kind: task.due.kind, date: task.due.date, rule: task.due.rule, text: task.due.text, spec: schedule ?? undefined },
        createdBy,
        occurrences: [period],
      },
      now,
    );
    return 'created';
  }
  const currentUnits = await db.selectFrom('task_units').select(['unit_id', 'role']).where('task_id', '=', existing.id).execute();
  const currentLead = currentUnits.find((u) => u.role === 'lead')?.unit_id ?? null;
  const currentSupport = currentUnits
    .filter((u) => u.role === 'support')
    .map((u) => u.unit_id)
    .sort();
  const same =
    Object.entries(fields).every(([k, v]) => existing[k as keyof typeof existing] === v) &&
    currentLead === units.lead &&
    JSON.stringify(currentSupport) === JSON.stringify([...units.support].filter((id) => id !== units.lead).sort());
  if (same) return 'unchanged';
  await db
    .updateTable('tasks')
    .set({ ...fields, due_spec: schedule ? JSON.stringify(schedule) : null })
    .where('id', '=', existing.id)
    .execute();
  await db.deleteFrom('task_units').where('task_id', '=', existing.id).execute();
  if (units.lead) await db.insertInto('task_units').values({ task_id: existing.id, unit_id: units.lead, role: 'lead' }).execute();
  const support = [...new Set(units.support)].filter((id) => id !== units.lead);
  if (support.length)
    await db
      .insertInto('task_units')
      .values(support.map((unit_id) => ({ task_id: existing.id, unit_id, role: 'support' as const })))
      .execute();
  // Open occurrences follow the amended document; answered ones keep their history.
  await db
    .updateTable('occurrences')
    .set({ lead_unit_id: units.lead, ...(period.periodKey === 'once' ? { due_date: period.dueDate } : {}) })
    .where('task_id', '=', existing.id)
    .where('status', 'in', OPEN_STATUSES)
    .execute();
  return 'updated';
}

/** Gives a stored document its title (the demo's plan, whose text has none the parser reads). */
export async function setDocumentTitle(db: Db, documentId: number, title: string): Promise<void> {
  await db.updateTable('documents').set({ title }).where('id', '=', documentId).execute();
}

/** Stores a plan's document and tasks. Run it inside a transaction. */
export async function applyPlan(db: Db, plan: PlanImport, source: PlanSource, now: Date, createdBy: number | null = null): Promise<ApplyReport> {
  const resolver = await createUnitResolver(db, { issuer: plan.document.issuer });
  const documentId = await upsertDocument(db, plan, source);
  const unresolved = new Set<string>();
  const report: ApplyReport = { documentId, created: 0, updated: 0, unchanged: 0, unresolved: [] };
  for (const task of plan.tasks) {
    const resolved: Resolved = { lead: resolveNames(resolver, task.lead, unresolved), support: resolveNames(resolver, task.support, unresolved) };
    const leads = resolved.lead.length > 0 ? resolved.lead : [null];
    for (const [i, lead] of leads.entries()) {
      const ref = leads.length > 1 ? `${task.ref}/${i + 1}` : task.ref;
      report[await upsertTask(db, documentId, ref, task, { lead, support: resolved.support }, now, createdBy)]++;
    }
  }
  report.unresolved = [...unresolved];
  return report;
}
