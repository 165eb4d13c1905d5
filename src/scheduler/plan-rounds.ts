/**
 * The report rounds' tick: opens the period's round by policy when the office asked for that
 * (`round policy set --auto on`), then for each round whose collection has started asks the
 * heads (once per task), reminds those who have not answered (once a working day), and on the
 * due date (from the send time) compiles the report and queues it for the office and leaders. Every step is keyed,
 * so repeated ticks and two instances change nothing twice.
 */
import type { Logger } from 'pino';
import type { Db } from '../db/index.js';
import { localMinutes } from '../domain/time.js';
import { collectFrom, defaultDue, periodContaining } from '../domain/rounds.js';
import { inSendWindow } from '../domain/nudge-policy.js';
import { localDate } from '../domain/time.js';
import type { Channel, Locale } from '../domain/types.js';
import type { Translator } from '../i18n.js';
import { compileRound } from '../reports/compile.js';
import { queueRoundAsks, queueRoundReminders, queueRoundReport } from '../store/round-plan.js';
import { collectingRounds, loadReportPolicy, openRound } from '../store/rounds.js';
import { withPlannerLock } from '../store/planning.js';
import { loadSchedulePlan } from '../store/schedule.js';

export interface RoundsResult {
  ran: boolean;
  opened: number;
  asked: number;
  reminded: number;
  compiled: number[];
  reported: number;
}

export interface RoundsOptions {
  now: Date;
  channels: readonly Channel[];
  translator: Translator;
  defaultLocale: Locale;
  logger?: Logger | undefined;
}

export async function planRounds(db: Db, o: RoundsOptions): Promise<RoundsResult> {
  const result = await withPlannerLock(db, 'rounds', async (trx) => {
    const out: RoundsResult = { ran: true, opened: 0, asked: 0, reminded: 0, compiled: [], reported: 0 };
    const { calendar, policy } = await loadSchedulePlan(trx, o.logger);
    const reportPolicy = await loadReportPolicy(trx);
    const today = localDate(o.now);
    if (reportPolicy.autoOpen) {
      for (const kind of ['quarter', 'year'] as const) {
        const period = periodContaining(kind, today);
        const due = defaultDue(period, reportPolicy);
        const from = collectFrom(due, calendar, reportPolicy.collectWorkingDays);
        if (today >= from && today <= due) {
          const opened = await openRound(trx, { period, due, collectFrom: from, documentId: null, openedBy: 'policy', now: o.now });
          if (opened.created) out.opened++;
        }
      }
    }
    const asking = inSendWindow(o.now, calendar, policy) && localMinutes(o.now) >= policy.sendAtMinutes;
    for (const round of await collectingRounds(trx, today)) {
      // On the due date itself, from the send time: answers given that morning still count.
      if (today > round.due || (today === round.due && asking)) {
        await compileRound(trx, o.translator.for(o.defaultLocale), round, today, o.now);
        out.compiled.push(round.id);
        out.reported += await queueRoundReport(trx, round.id, o.channels, o.now);
      } else if (asking) {
        out.asked += await queueRoundAsks(trx, round, reportPolicy, o.channels, o.now);
        out.reminded += await queueRoundReminders(trx, round, today, o.now);
      }
    }
    return out;
  });
  return result ?? { ran: false, opened: 0, asked: 0, reminded: 0, compiled: [], reported: 0 };
}
