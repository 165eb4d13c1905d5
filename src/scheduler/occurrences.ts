/**
 * Upcoming occurrences (kỳ) of recurring and ongoing tasks, created ahead of time so that their
 * due-soon nudges can go out: every period due within the horizon, and at least the next one.
 * A task's schedules come from `due_spec` when it holds TaskSchedule(s), else from its due
 * fields read by the domain parser (the plan importer's `due` object).
 */
import { z } from 'zod';
import type { Db } from '../db/index.js';
import type { RecurringTask } from '../store/recurring.js';
import { nextOccurrences, occurrencesBetween, parseScheduleSpecs, type TaskSchedule } from '../domain/recurrence.js';
import { addDays } from '../domain/time.js';
import { insertMissingOccurrences, liveRecurringTasks, storedDueText, storedSchedules } from '../store/recurring.js';
import { getSetting } from '../store/settings.js';

export const CHECK_IN_DAY_KEY = 'ongoing_check_in_day';
export const DEFAULT_CHECK_IN_DAY = 25;
/** Far enough ahead for a due-soon nudge 7 working days out, even across Tết. */
export const HORIZON_DAYS = 45;

/** The schedules a task follows; empty when nothing can be read (the office sets it by hand). */
export function schedulesOf(task: RecurringTask, checkInDay: number): TaskSchedule[] {
  const stored = storedSchedules(task.due_spec);
  if (stored) return stored;
  const text = storedDueText(task.due_spec) ?? task.due_text ?? '';
  return parseScheduleSpecs({ kind: task.due_kind, date: task.due_date, rule: task.due_rule, text }, checkInDay);
}

/** The periods a schedule owes from `today` on: every one due within the horizon, and the next. */
export function upcomingPeriods(schedules: TaskSchedule[], today: string, horizonDays = HORIZON_DAYS) {
  const wanted = new Map<string, string>();
  for (const schedule of schedules) {
    for (const o of [...occurrencesBetween(schedule, today, addDays(today, horizonDays)), ...nextOccurrences(schedule, addDays(today, -1), 1)]) {
      if (!wanted.has(o.periodKey)) wanted.set(o.periodKey, o.dueDate);
    }
  }
  return [...wanted].map(([periodKey, dueDate]) => ({ periodKey, dueDate }));
}

/** Creates the missing upcoming occurrences of every live recurring task; returns how many. */
export async function ensureUpcomingOccurrences(db: Db, today: string, now: Date): Promise<number> {
  const checkInDay = (await getSetting(db, CHECK_IN_DAY_KEY, z.number().int().min(1).max(31))) ?? DEFAULT_CHECK_IN_DAY;
  const tasks = await liveRecurringTasks(db);
  const rows = tasks.flatMap((task) =>
    upcomingPeriods(schedulesOf(task, checkInDay), today).map((p) => ({
      taskId: task.id,
      periodKey: p.periodKey,
      dueDate: p.dueDate,
      leadUnitId: task.leadUnitId,
    })),
  );
  return insertMissingOccurrences(db, rows, now);
}
