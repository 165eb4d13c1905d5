/**
 * The organisation's nudge policy and working-day calendar, read from the database: the policy is
 * the `nudge_policy` setting laid over DEFAULT_NUDGE_POLICY, the calendar is the Vietnamese
 * holiday table with the `calendar_overrides` rows on top.
 */
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Db } from '../db/index.js';
import { createCalendar, type WorkCalendar } from '../domain/calendar.js';
import { DEFAULT_NUDGE_POLICY, inSendWindow, validateNudgePolicy, type NudgePolicy } from '../domain/nudge-policy.js';
import { addDays, localDate, localInstant } from '../domain/time.js';
import { loadCalendarOverrides } from './calendar.js';
import { getSetting } from './settings.js';

export const NUDGE_POLICY_KEY = 'nudge_policy';

export interface SchedulePlan {
  policy: NudgePolicy;
  calendar: WorkCalendar;
}

/** What the nudge_policy setting may hold: any of the policy's keys (others are ignored). */
export const storedNudgePolicy = z
  .object({
    dueSoonWorkingDays: z.array(z.number()),
    sendAtMinutes: z.number(),
    windowStartMinutes: z.number(),
    windowEndMinutes: z.number(),
    escalateAfterWorkingDays: z.number(),
    digestAtMinutes: z.number(),
  })
  .partial() satisfies z.ZodType<Partial<NudgePolicy>>;

/** The stored policy over the defaults; an invalid stored policy is logged and the defaults are used. */
export async function loadNudgePolicy(db: Db, logger?: Logger): Promise<NudgePolicy> {
  const raw = await getSetting(db, NUDGE_POLICY_KEY);
  if (!raw || typeof raw !== 'object') return DEFAULT_NUDGE_POLICY;
  const stored = storedNudgePolicy.safeParse(raw);
  const merged: NudgePolicy = { ...DEFAULT_NUDGE_POLICY, ...stored.data };
  const problems = stored.success ? validateNudgePolicy(merged) : [z.prettifyError(stored.error)];
  if (problems.length === 0) return merged;
  logger?.error({ problems }, `the ${NUDGE_POLICY_KEY} setting is invalid; using the default policy until it is fixed`);
  return DEFAULT_NUDGE_POLICY;
}

export async function loadCalendar(db: Db): Promise<WorkCalendar> {
  return createCalendar(await loadCalendarOverrides(db));
}

export async function loadSchedulePlan(db: Db, logger?: Logger): Promise<SchedulePlan> {
  return { policy: await loadNudgePolicy(db, logger), calendar: await loadCalendar(db) };
}

/** `instant` itself when the send window is open then, else the next instant the window opens. */
export function nextWindowOpen(instant: Date, calendar: WorkCalendar, policy: NudgePolicy): Date {
  if (inSendWindow(instant, calendar, policy)) return instant;
  const today = localDate(instant);
  const opensToday = localInstant(today, 0, policy.windowStartMinutes);
  if (calendar.isWorkingDay(today) && instant < opensToday) return opensToday;
  return localInstant(calendar.nextWorkingDay(addDays(today, 1)), 0, policy.windowStartMinutes);
}
