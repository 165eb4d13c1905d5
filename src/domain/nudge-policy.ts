/**
 * The reminder policy: which nudges an occurrence owes at a given instant. It is what makes
 * dondoc chase on time yet only in office hours, and it exists twice on purpose: `nudgesFor`
 * answers for one occurrence, and the set-based helpers at the bottom describe the same rule as
 * due-date sets and cutoffs that one SQL pass over all occurrences can use. Tests keep them equal.
 *
 * Rules (all local Asia/Ho_Chi_Minh time, "working day" per calendar.ts):
 * - Nothing outside the send window: a working day, windowStart <= time < windowEnd.
 * - A due date on a day off is treated as due on the working day before it ("effective due
 *   date"): its due-today nudge goes out on that day (a Saturday due date → Friday) and its
 *   due-soon days are counted back from it. Counting in working days, every trigger day is a
 *   working day by construction, so nothing lands on a holiday and has to be moved.
 * - A day's nudges are owed from max(sendAt, windowStart) until windowEnd of that working day;
 *   the planner may send them late within that window (catch-up after a restart). A day missed
 *   entirely is not replayed: the next working day owes its own, truer nudge (fewer days left,
 *   or overdue), so an outage never floods anyone with stale reminders.
 * - Escalation is the exception: it belongs to the working day the threshold was reached
 *   (its `localDate`), so it is sent once, on that day or the first window after it.
 * - `answeredToday` silences the owner's nudges (due soon, due today, overdue) for the day; it
 *   does not stop an escalation, which goes to the unit head. Escalation on a "blocked" answer
 *   is event-driven and not part of this time policy.
 */
import type { WorkCalendar } from './calendar.js';
import { addDays, daysBetween, localDate, localMinutes } from './time.js';
import type { Status } from './types.js';

export interface NudgePolicy {
  /** Working days before the (effective) due date on which a due-soon nudge goes out. */
  dueSoonWorkingDays: readonly number[];
  /** Local minutes after midnight from which a day's nudges are owed. */
  sendAtMinutes: number;
  windowStartMinutes: number;
  windowEndMinutes: number;
  /** Working days overdue after which the unit head is told. */
  escalateAfterWorkingDays: number;
  /** Local minutes after midnight of the daily digest. */
  digestAtMinutes: number;
}

export const DEFAULT_NUDGE_POLICY: Readonly<NudgePolicy> = Object.freeze({
  dueSoonWorkingDays: Object.freeze([7, 3, 1]),
  sendAtMinutes: 8 * 60,
  windowStartMinutes: 7 * 60 + 30,
  windowEndMinutes: 17 * 60 + 30,
  escalateAfterWorkingDays: 3,
  digestAtMinutes: 7 * 60 + 30,
});

export type NudgeKind = 'due_soon' | 'due_today' | 'overdue' | 'escalation';

/** `localDate` is the day the nudge belongs to (part of the outbox dedupe key). */
export type Nudge =
  | { kind: 'due_soon'; localDate: string; dueDate: string; daysLeft: number; calendarDaysLeft: number }
  | { kind: 'due_today'; localDate: string; dueDate: string; calendarDaysLeft: number }
  | { kind: 'overdue'; localDate: string; dueDate: string; daysLate: number; workingDaysLate: number }
  | { kind: 'escalation'; localDate: string; dueDate: string; daysLate: number; workingDaysLate: number };

export interface NudgeInput {
  dueDate: string;
  status: Status;
  now: Date;
  calendar: WorkCalendar;
  policy?: NudgePolicy;
  /** The owner already answered about this occurrence today. */
  answeredToday?: boolean;
}

/** Problems with a policy (for the admin who edits it); empty when it is usable. */
export function validateNudgePolicy(policy: NudgePolicy): string[] {
  const problems: string[] = [];
  const minute = (v: number) => Number.isInteger(v) && v >= 0 && v < 24 * 60;
  for (const key of ['sendAtMinutes', 'windowStartMinutes', 'windowEndMinutes', 'digestAtMinutes'] as const) {
    if (!minute(policy[key])) problems.push(`${key} must be an integer minute of the day (0..1439)`);
  }
  if (policy.windowStartMinutes >= policy.windowEndMinutes) problems.push('the send window is empty');
  if (policy.sendAtMinutes >= policy.windowEndMinutes) problems.push('sendAtMinutes is after the window closes');
  if (!Array.isArray(policy.dueSoonWorkingDays) || policy.dueSoonWorkingDays.some((n) => !Number.isInteger(n) || n < 1)) {
    problems.push('dueSoonWorkingDays must be whole numbers of at least 1');
  }
  if (!Number.isInteger(policy.escalateAfterWorkingDays) || policy.escalateAfterWorkingDays < 1) {
    problems.push('escalateAfterWorkingDays must be a whole number of at least 1');
  }
  return problems;
}

/** Whether `now` is inside the send window: a working day, windowStart <= local time < windowEnd. */
export function inSendWindow(now: Date, calendar: WorkCalendar, policy: NudgePolicy = DEFAULT_NUDGE_POLICY): boolean {
  const minutes = localMinutes(now);
  return calendar.isWorkingDay(localDate(now)) && minutes >= policy.windowStartMinutes && minutes < policy.windowEndMinutes;
}

/** Whether a day's nudges are owed at `now`: in the window and past the send time. */
function nudgeTime(now: Date, calendar: WorkCalendar, policy: NudgePolicy): boolean {
  return inSendWindow(now, calendar, policy) && localMinutes(now) >= policy.sendAtMinutes;
}

/** The local date whose digest is owed at `now` (working day, digestAt <= time < windowEnd), or null. */
export function digestDateAt(now: Date, calendar: WorkCalendar, policy: NudgePolicy = DEFAULT_NUDGE_POLICY): string | null {
  const minutes = localMinutes(now);
  const today = localDate(now);
  const owed = calendar.isWorkingDay(today) && minutes >= policy.digestAtMinutes && minutes < policy.windowEndMinutes;
  return owed ? today : null;
}

/** The working day a due date counts from: itself, or the working day before a day off. */
export function effectiveDueDate(dueDate: string, calendar: WorkCalendar): string {
  return calendar.previousWorkingDay(dueDate);
}

const escalationDays = (policy: NudgePolicy): number => Math.max(1, policy.escalateAfterWorkingDays);

/** The working day on which an occurrence due on `dueDate` reaches the escalation threshold. */
export function escalationDate(dueDate: string, calendar: WorkCalendar, policy: NudgePolicy = DEFAULT_NUDGE_POLICY): string {
  return calendar.addWorkingDays(dueDate, escalationDays(policy));
}

/** The nudges an occurrence owes at `now`, for the outbox planner to dedupe and send. */
export function nudgesFor(input: NudgeInput): Nudge[] {
  const { dueDate, status, now, calendar, answeredToday = false } = input;
  const policy = input.policy ?? DEFAULT_NUDGE_POLICY;
  if (status === 'done' || status === 'cancelled' || !nudgeTime(now, calendar, policy)) return [];
  const today = localDate(now);
  const nudges: Nudge[] = [];
  if (today > dueDate) {
    const daysLate = daysBetween(dueDate, today);
    const workingDaysLate = calendar.workingDaysBetween(dueDate, today);
    if (!answeredToday) nudges.push({ kind: 'overdue', localDate: today, dueDate, daysLate, workingDaysLate });
    if (workingDaysLate >= escalationDays(policy)) {
      const reachedOn = escalationDate(dueDate, calendar, policy);
      nudges.push({ kind: 'escalation', localDate: reachedOn, dueDate, daysLate, workingDaysLate });
    }
    return nudges;
  }
  if (answeredToday) return [];
  const effective = effectiveDueDate(dueDate, calendar);
  const calendarDaysLeft = daysBetween(today, dueDate);
  if (today === effective) return [{ kind: 'due_today', localDate: today, dueDate, calendarDaysLeft }];
  for (const daysLeft of new Set(policy.dueSoonWorkingDays)) {
    if (daysLeft >= 1 && calendar.addWorkingDays(effective, -daysLeft) === today) {
      nudges.push({ kind: 'due_soon', localDate: today, dueDate, daysLeft, calendarDaysLeft });
    }
  }
  return nudges;
}

/** Most urgent first: overdue (longest late first), due today, due soon (fewest days left first). */
export function compareUrgency(a: Nudge, b: Nudge): number {
  const score = (n: Nudge): number => {
    switch (n.kind) {
      case 'escalation':
      case 'overdue':
        return -1_000_000 - n.daysLate;
      case 'due_today':
        return 0;
      case 'due_soon':
        return n.daysLeft;
    }
  };
  return score(a) - score(b);
}

// ---- The same rules as sets, for one SQL pass: `where due_date = any($dates)` or `<= $cutoff`.
// Each is meant for a `today` whose window is open; on a day off no nudge is owed at all.

/** Due dates owed a due-soon nudge today, with the working days left. */
export function dueSoonTargets(today: string, calendar: WorkCalendar, policy: NudgePolicy = DEFAULT_NUDGE_POLICY): { dueDate: string; daysLeft: number }[] {
  if (!calendar.isWorkingDay(today)) return [];
  const targets: { dueDate: string; daysLeft: number }[] = [];
  for (const daysLeft of new Set(policy.dueSoonWorkingDays)) {
    if (daysLeft < 1) continue;
    for (const dueDate of dueDatesCountingFrom(calendar.addWorkingDays(today, daysLeft), calendar)) {
      targets.push({ dueDate, daysLeft });
    }
  }
  return targets.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
}

/** Due dates for which a due-soon nudge fires today. */
export function dueSoonTargetDates(today: string, calendar: WorkCalendar, policy: NudgePolicy = DEFAULT_NUDGE_POLICY): string[] {
  return dueSoonTargets(today, calendar, policy).map((t) => t.dueDate);
}

/** Due dates whose due-today nudge fires today: today and the days off right after it. */
export function dueTodayTargetDates(today: string, calendar: WorkCalendar): string[] {
  return calendar.isWorkingDay(today) ? dueDatesCountingFrom(today, calendar) : [];
}

/** The latest due date that is overdue today (`due_date <= cutoff`). */
export function overdueCutoff(today: string): string {
  return addDays(today, -1);
}

/** The latest due date that is at least escalateAfterWorkingDays working days late today. */
export function escalationCutoffDate(today: string, calendar: WorkCalendar, policy: NudgePolicy = DEFAULT_NUDGE_POLICY): string {
  // (d, today] holds >= N working days iff d lies before the N-th working day counted back from
  // the last working day on or before today.
  const nth = calendar.addWorkingDays(calendar.previousWorkingDay(today), -(escalationDays(policy) - 1));
  const cutoff = addDays(nth, -1);
  return cutoff < overdueCutoff(today) ? cutoff : overdueCutoff(today);
}

/** The due dates whose effective due date is the working day `workingDay`. */
function dueDatesCountingFrom(workingDay: string, calendar: WorkCalendar): string[] {
  const dates = [workingDay];
  for (let d = addDays(workingDay, 1); !calendar.isWorkingDay(d); d = addDays(d, 1)) dates.push(d);
  return dates;
}
