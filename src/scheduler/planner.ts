/**
 * One planner tick at an instant: under a cross-instance advisory lock, once a day create the
 * upcoming occurrences and prune old bookkeeping; then, when nudges are owed (a working day,
 * inside the send window, past the send time), plan them with one set-based pass.
 * Running it twice, restarting mid-tick or running it in two processes plans nothing twice:
 * the lock serialises planners and nudge_log / outbox dedupe keys make every insert idempotent.
 */
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Db } from '../db/index.js';
import {
  dueSoonTargets,
  dueTodayTargetDates,
  escalationCutoffDate,
  escalationDate,
  inSendWindow,
  overdueCutoff,
  type NudgePolicy,
} from '../domain/nudge-policy.js';
import type { WorkCalendar } from '../domain/calendar.js';
import { addDays, localDate, localInstant, localMinutes } from '../domain/time.js';
import type { Channel } from '../domain/types.js';
import { pruneMessageRefs } from '../store/conversation.js';
import { plannerChangedSince, plannerMark, plannerOwnXid, prunePlannerChanges, pruneNudgeLog, pruneOutbox, withPlannerLock } from '../store/planning.js';
import { pruneSessions } from '../store/sessions.js';
import { pruneWebMessages } from '../store/web-chat.js';
import { getSetting, setSetting } from '../store/settings.js';
import { overdueDueDates, planNudges, type NudgeSets, type QueuedMessage } from '../store/nudge-plan.js';
import { ensureUpcomingOccurrences } from './occurrences.js';
import { loadSchedulePlan, type SchedulePlan } from '../store/schedule.js';

export const NUDGE_ITEMS_SHOWN = 5;
const DAILY_KEY = 'scheduler_daily';
const NUDGED_KEY = 'scheduler_nudged_on';
/** The last pass that planned today's nudges: its date, channels and snapshot (see plannerChangedSince). */
const PASS_KEY = 'scheduler_pass';
const passMark = z.object({ date: z.string(), channels: z.array(z.string()), xmin: z.string(), snapshot: z.string(), self: z.string().nullable() });
const NUDGE_LOG_KEEP_DAYS = 40;
const OUTBOX_KEEP_DAYS = 30;

export interface PlanOptions {
  now: Date;
  /** Channels that can send now; links on other channels are not planned for. */
  channels: readonly Channel[];
  logger?: Logger | undefined;
}

export interface PlanResult {
  /** False when another instance held the planner lock; nothing was done. */
  ran: boolean;
  /** Whether nudges were owed at this instant (working day, window open, past send time). */
  nudgeTime: boolean;
  occurrencesCreated: number;
  queued: QueuedMessage[];
  /**
   * True when today's nudges were already planned and nothing that could add one changed since
   * (no note in planner_changes, same channels): the tick did no planning work.
   */
  quiet: boolean;
}

function nudgesOwed(now: Date, calendar: WorkCalendar, policy: NudgePolicy): boolean {
  return inSendWindow(now, calendar, policy) && localMinutes(now) >= policy.sendAtMinutes;
}

async function dailyUpkeep(db: Db, today: string, now: Date, logger?: Logger): Promise<number> {
  const done = await getSetting(db, DAILY_KEY, z.object({ date: z.string() }));
  if (done?.date === today) return 0;
  const created = await ensureUpcomingOccurrences(db, today, now);
  await pruneNudgeLog(db, addDays(today, -NUDGE_LOG_KEEP_DAYS));
  const old = new Date(now.getTime() - OUTBOX_KEEP_DAYS * 86_400_000);
  await pruneOutbox(db, old);
  await pruneMessageRefs(db, old);
  await prunePlannerChanges(db, new Date(now.getTime() - 2 * 86_400_000));
  await pruneSessions(db, now);
  await pruneWebMessages(db);
  await setSetting(db, DAILY_KEY, { date: today }, now);
  logger?.info({ today, occurrencesCreated: created }, 'daily scheduler upkeep done');
  return created;
}

/** Today's date sets and flags for the set-based pass (domain/nudge-policy.ts does the calendar work). */
async function nudgeSets(trx: Db, now: Date, plan: SchedulePlan, channels: readonly Channel[]): Promise<NudgeSets> {
  const { calendar, policy } = plan;
  const today = localDate(now);
  const overdueDates = await overdueDueDates(trx, escalationCutoffDate(today, calendar, policy));
  return {
    today,
    now,
    dayStart: localInstant(today),
    soon: dueSoonTargets(today, calendar, policy),
    todayDates: dueTodayTargetDates(today, calendar),
    overdueCutoff: overdueCutoff(today),
    escalations: overdueDates.map((dueDate) => ({ dueDate, escalatedOn: escalationDate(dueDate, calendar, policy) })),
    channels,
    maxItems: NUDGE_ITEMS_SHOWN,
    plannedEarlierToday: (await getSetting(trx, NUDGED_KEY, z.string())) === today,
  };
}

export async function planTick(db: Db, options: PlanOptions): Promise<PlanResult> {
  const { now, channels, logger } = options;
  const result = await withPlannerLock(db, 'planner', async (trx) => {
    const plan = await loadSchedulePlan(trx, logger);
    const occurrencesCreated = await dailyUpkeep(trx, localDate(now), now, logger);
    if (!nudgesOwed(now, plan.calendar, plan.policy)) return { ran: true, nudgeTime: false, occurrencesCreated, queued: [], quiet: false };
    // A quiet tick: today's plan was made and nothing that could add a nudge changed since.
    const today = localDate(now);
    const sending = [...channels].sort();
    const last = await getSetting(trx, PASS_KEY, passMark);
    if (last && last.date === today && last.channels.join() === sending.join() && !(await plannerChangedSince(trx, last))) {
      return { ran: true, nudgeTime: true, occurrencesCreated, queued: [], quiet: true };
    }
    const { xmin, snapshot } = await plannerMark(trx);
    const sets = await nudgeSets(trx, now, plan, channels);
    const queued = await planNudges(trx, sets);
    if (!sets.plannedEarlierToday) await setSetting(trx, NUDGED_KEY, sets.today, now);
    await setSetting(trx, PASS_KEY, { date: today, channels: sending, xmin, snapshot, self: await plannerOwnXid(trx) }, now);
    return { ran: true, nudgeTime: true, occurrencesCreated, queued, quiet: false };
  });
  if (!result) logger?.info('planner skipped: another instance holds the planner lock');
  return result ?? { ran: false, nudgeTime: false, occurrencesCreated: 0, queued: [], quiet: false };
}
