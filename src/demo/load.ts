/**
 * Loads the demo organisation into an empty database: units, people, and the tasks of the seed
 * plan read by the plan importer (parsePlanText → applyPlan, as `plan import` would), then gives
 * each task an owner and a story around today (see scenarios.ts). Idempotent: a database that
 * already holds the demo is left alone, and one that holds anything else is never touched.
 */
import { createHash } from 'node:crypto';
import { jobLock } from '../db/advisory.js';
import type { Db } from '../db/index.js';
import { periodKey, type TaskSchedule } from '../domain/recurrence.js';
import { addDays, lastDayOfMonth, localDate, localInstant, parseIsoDate } from '../domain/time.js';
import { parsePlanText } from '../import/plan-parser.js';
import type { PlanImport } from '../import/types.js';
import { createLinkCode } from '../store/links.js';
import { applyPlan, setDocumentTitle } from '../store/plans.js';
import { storedSchedules } from '../store/recurring.js';
import { getSetting, setSetting } from '../store/settings.js';
import { findStaffByPhone, upsertStaff } from '../store/staff.js';
import { addOccurrence, addOwner, occurrencesOfDocument, setOccurrenceDue } from '../store/tasks.js';
import { ensureUnitPath, organisationIsEmpty } from '../store/units.js';
import { recordExtensionRequest, recordStatus } from '../store/updates.js';
import { KE_HOACH_57 } from './ke-hoach-57.js';
import { DEMO_SETTING } from './mode.js';
import { DEMO_PEOPLE, DEMO_PLAN_FILE, DEMO_PLAN_TITLE, DEMO_ROOT, DEMO_UNITS } from './organisation.js';
import { SCENARIOS, type Scenario } from './scenarios.js';

/** The plan was "imported" this many days before the demo starts, so the overdue trend has weeks behind it. */
const IMPORTED_DAYS_AGO = 75;

export type DemoLoadResult = { loaded: true; units: number; people: number; tasks: number } | { loaded: false; reason: 'already_loaded' | 'not_empty' };

export function readDemoPlan(): PlanImport {
  const plan = parsePlanText(KE_HOACH_57);
  // A document may restate a task in its closing part; the demo keeps the first of each ref.
  const seen = new Set<string>();
  const tasks = plan.tasks.filter((task) => {
    if (seen.has(task.ref)) return false;
    seen.add(task.ref);
    return true;
  });
  return { ...plan, tasks };
}

export async function loadDemo(db: Db, now: Date, options: { linkCodeTtlDays: number }): Promise<DemoLoadResult> {
  return db.transaction().execute(async (trx) => {
    await jobLock(trx, 'demo');
    if ((await getSetting(trx, DEMO_SETTING)) !== undefined) return { loaded: false, reason: 'already_loaded' } as const;
    if (!(await organisationIsEmpty(trx))) return { loaded: false, reason: 'not_empty' } as const;

    const unitIds = await createUnits(trx);
    const people = await createPeople(trx, unitIds, now);
    const tasks = await createTasks(trx, now);
    await assignAndTell(trx, tasks, people, localDate(now));
    await handOutCodes(trx, people, now, options.linkCodeTtlDays);
    await setSetting(trx, DEMO_SETTING, { loadedAt: now.toISOString(), plan: DEMO_PLAN_FILE }, now);
    return { loaded: true, units: unitIds.size, people: people.length, tasks: tasks.length } as const;
  });
}

async function createUnits(db: Db): Promise<Map<string | null, number>> {
  const ids = new Map<string | null, number>([[null, await ensureUnitPath(db, [DEMO_ROOT])]]);
  for (const name of DEMO_UNITS) ids.set(name, await ensureUnitPath(db, [DEMO_ROOT, name]));
  return ids;
}

interface Person {
  id: number;
  unitId: number;
  role: string;
}

async function createPeople(db: Db, unitIds: Map<string | null, number>, now: Date): Promise<Person[]> {
  const created: Person[] = [];
  for (const p of DEMO_PEOPLE) {
    const unitId = unitIds.get(p.unit)!;
    await upsertStaff(db, { name: p.name, unitId, role: p.role, phone: p.phone }, now);
    const row = await findStaffByPhone(db, p.phone);
    if (!row) throw new Error(`demo person ${p.phone} was not stored`);
    created.push({ id: row.id, unitId, role: p.role });
  }
  return created;
}

interface DemoTask {
  taskId: number;
  occurrenceId: number;
  leadUnitId: number | null;
  schedule: TaskSchedule | null;
}

async function createTasks(db: Db, now: Date): Promise<DemoTask[]> {
  const plan = readDemoPlan();
  const importedAt = new Date(now.getTime() - IMPORTED_DAYS_AGO * 86_400_000);
  const hash = createHash('sha256').update(KE_HOACH_57).digest('hex');
  const report = await applyPlan(db, plan, { fileName: DEMO_PLAN_FILE, fileHash: hash }, importedAt);
  await setDocumentTitle(db, report.documentId, DEMO_PLAN_TITLE);
  const rows = await occurrencesOfDocument(db, report.documentId);
  return rows.map((r) => ({ taskId: r.taskId, occurrenceId: r.occurrenceId, leadUnitId: r.leadUnitId, schedule: storedSchedules(r.spec)?.[0] ?? null }));
}

/** The same day one month earlier, clamped to the month's length. */
function monthBefore(date: string): string {
  const [y, m, d] = parseIsoDate(date);
  const year = m === 1 ? y - 1 : y;
  const month = m === 1 ? 12 : m - 1;
  const last = lastDayOfMonth(year, month);
  return `${last.slice(0, 8)}${String(Math.min(d, Number(last.slice(8)))).padStart(2, '0')}`;
}

function keyFor(schedule: TaskSchedule | null, due: string): string {
  return schedule ? periodKey(schedule, due) : 'once';
}

/** Owners in turn among a unit's staff (its head when it has none), so work spreads like in an office. */
function ownerPicker(people: Person[]): (unitId: number | null) => Person | undefined {
  const turn = new Map<number, number>();
  return (unitId) => {
    if (unitId === null) return undefined;
    const staff = people.filter((p) => p.unitId === unitId && p.role === 'staff');
    const pool = staff.length > 0 ? staff : people.filter((p) => p.unitId === unitId);
    const i = turn.get(unitId) ?? 0;
    turn.set(unitId, i + 1);
    return pool[i % pool.length];
  };
}

async function assignAndTell(db: Db, tasks: DemoTask[], people: Person[], today: string): Promise<void> {
  const pick = ownerPicker(people);
  for (const [i, task] of tasks.entries()) {
    const owner = pick(task.leadUnitId);
    const scenario = SCENARIOS[i % SCENARIOS.length]!;
    if (owner) await addOwner(db, task.taskId, owner.id, localInstant(addDays(today, -IMPORTED_DAYS_AGO), 9));
    const due = addDays(today, scenario.due);
    await setOccurrenceDue(db, task.occurrenceId, { dueDate: due, periodKey: keyFor(task.schedule, due) });
    await addPreviousPeriod(db, task, scenario, due, owner);
    if (owner) await tell(db, task.occurrenceId, owner.id, scenario, today);
  }
}

/** Monthly check-ins get last month's period too, done early or late, which shapes the trend. */
async function addPreviousPeriod(db: Db, task: DemoTask, scenario: Scenario, due: string, owner: Person | undefined): Promise<void> {
  if (task.schedule?.kind !== 'ongoing' && task.schedule?.kind !== 'monthly') return;
  if (scenario.previousDoneAfter === undefined) return;
  const previousDue = monthBefore(due);
  const created = localInstant(addDays(previousDue, -30), 8);
  const id = await addOccurrence(db, {
    taskId: task.taskId,
    periodKey: keyFor(task.schedule, previousDue),
    dueDate: previousDue,
    leadUnitId: task.leadUnitId,
    createdAt: created,
  });
  if (id === undefined || !owner) return;
  const doneOn = addDays(previousDue, scenario.previousDoneAfter);
  await recordStatus(db, { occurrenceId: id, staffId: owner.id, channel: scenario.channel, now: localInstant(doneOn, 15, 20) }, { status: 'done' });
}

async function tell(db: Db, occurrenceId: number, staffId: number, scenario: Scenario, today: string): Promise<void> {
  if (scenario.answered === undefined) return;
  const day = addDays(today, scenario.answered);
  const who = { occurrenceId, staffId, channel: scenario.channel, now: localInstant(day, 9, 40) };
  if (scenario.status === 'done' && scenario.percent === undefined) {
    // A task is usually reported in progress first, then done.
    await recordStatus(db, { ...who, now: localInstant(addDays(day, -5), 10, 15) }, { status: 'in_progress', percent: 50 });
  }
  await recordStatus(db, who, { status: scenario.status, percent: scenario.percent, note: scenario.note });
  if (scenario.extensionDays !== undefined) {
    await recordExtensionRequest(db, { ...who, now: localInstant(day, 9, 45) }, addDays(today, scenario.extensionDays), scenario.note ?? null);
  }
}

/** Half the people already have a link code from the office, as after a first round of linking. */
async function handOutCodes(db: Db, people: Person[], now: Date, ttlDays: number): Promise<void> {
  for (const [i, person] of people.entries()) {
    if (i % 2 === 0) await createLinkCode(db, person.id, now, ttlDays);
  }
}
