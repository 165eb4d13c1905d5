/**
 * The scheduler (DESIGN.md §3): node-cron jobs in Asia/Ho_Chi_Minh that call the same functions
 * as `dondoc remind` and `dondoc digest` — plan nudges every few minutes during office hours,
 * plan the morning digest (first owed at 07:30; later ticks catch up after a restart), and drain
 * the outbox every few seconds. Every job takes the time from the injected Clock; holidays and
 * the send window are checked inside the functions, not by the cron expressions.
 */
import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from 'pino';
import type { Observer } from '../chat/observe.js';
import type { Sender } from '../chat/sender.js';
import type { Db } from '../db/index.js';
import { isConnectionError, type DbHealth } from '../db/health.js';
import { TIME_ZONE, type Clock } from '../domain/time.js';
import type { Channel, Locale } from '../domain/types.js';
import type { Translator } from '../i18n.js';
import { planDigest, type DigestPlanResult } from './plan-digest.js';
import { planTick, type PlanResult } from './planner.js';
import { planRounds, type RoundsResult } from './plan-rounds.js';
import { deliverOutbox, type DeliverOptions, type DeliveryReport } from './worker.js';

export interface SchedulerDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  translator: Translator;
  defaultLocale: Locale;
  senders: ReadonlyMap<Channel, Sender>;
  observe?: Observer | undefined;
  /** Where download links point (see WorkerDeps). */
  publicUrl?: () => string | undefined;
  /** Outages are logged there once; a job that failed for lack of a connection says nothing more. */
  health?: DbHealth;
}

/**
 * The planning jobs run every 5 minutes around the clock, so that any send time, window and digest
 * time the office sets (`dondoc policy set`) is reachable: the planners themselves check working
 * days, the send window, the send time and the digest time, so a tick outside them plans nothing
 * (the nudge tick still does the once-a-day upkeep, on the first tick of the day).
 */
export const CRON = {
  /** Every 5 minutes; nudges are planned only on working days, inside the window, past the send time. */
  nudges: '*/5 * * * *',
  /** Every 5 minutes; owed from the digest time until the window closes. Idempotent, so later
   *  ticks only catch up a digest missed during a restart. */
  digest: '*/5 * * * *',
  /** Every 5 seconds. */
  deliver: '*/5 * * * * *',
} as const;

export interface Scheduler {
  /** One planner tick at the clock's instant (what `dondoc remind` runs before delivering). */
  planNudges(): Promise<PlanResult>;
  planDigest(): Promise<DigestPlanResult>;
  /** Report rounds at the clock's instant: open by policy, ask, remind, compile on the due date. */
  planRounds(): Promise<RoundsResult>;
  deliver(options?: DeliverOptions): Promise<DeliveryReport>;
  start(): void;
  stop(): Promise<void>;
}

export function createScheduler(deps: SchedulerDeps): Scheduler {
  const log = deps.logger.child({ component: 'scheduler' });
  const channels = () => [...deps.senders.keys()];
  let stopping = false;
  let tasks: ScheduledTask[] = [];
  const running = new Set<Promise<unknown>>();

  const scheduler: Scheduler = {
    planNudges: () => planTick(deps.db, { now: deps.clock.now(), channels: channels(), logger: log }),
    planDigest: () => planDigest(deps.db, { now: deps.clock.now(), channels: channels(), logger: log }),
    planRounds: () =>
      planRounds(deps.db, { now: deps.clock.now(), channels: channels(), translator: deps.translator, defaultLocale: deps.defaultLocale, logger: log }),
    deliver: (options = {}) => deliverOutbox({ ...deps, logger: log }, { shouldStop: () => stopping, ...options }),
    start() {
      stopping = false;
      // A firing while the job's previous run is still going (a long delivery) is skipped here,
      // quietly: node-cron's own noOverlap prints a coloured non-JSON warning every time.
      const busy = new Set<string>();
      const job = (name: string, expression: string, work: () => Promise<unknown>) =>
        cron.schedule(
          expression,
          async () => {
            if (busy.has(name) || stopping) return;
            busy.add(name);
            const run = work().then(
              () => deps.health?.up(),
              (error: unknown) => {
                if (deps.health && isConnectionError(error)) deps.health.down(error);
                else log.error({ err: error, job: name }, 'scheduled job failed');
              },
            );
            running.add(run);
            await run;
            running.delete(run);
            busy.delete(name);
          },
          { name: `dondoc-${name}`, timezone: TIME_ZONE },
        );
      tasks = [
        job('nudges', CRON.nudges, async () => {
          const started = performance.now();
          const plan = await scheduler.planNudges();
          if (plan.ran) deps.observe?.job('nudges', (performance.now() - started) / 1000, plan.quiet);
          if (plan.queued.length > 0) log.info({ queued: plan.queued.length }, 'nudges planned');
          const rounds = await scheduler.planRounds();
          if (rounds.asked + rounds.reminded + rounds.compiled.length > 0) log.info(rounds, 'report rounds planned');
          await scheduler.deliver();
        }),
        job('digest', CRON.digest, async () => {
          const started = performance.now();
          const plan = await scheduler.planDigest();
          deps.observe?.job('digest', (performance.now() - started) / 1000);
          if (plan.queued.length > 0) log.info({ queued: plan.queued.length, date: plan.date }, 'digests planned');
        }),
        job('deliver', CRON.deliver, async () => {
          const started = performance.now();
          const report = await scheduler.deliver();
          if (report.outcomes.length > 0) deps.observe?.job('deliver', (performance.now() - started) / 1000);
        }),
      ];
      log.info({ channels: channels() }, 'scheduler started');
    },
    async stop() {
      stopping = true;
      for (const task of tasks) await task.destroy();
      tasks = [];
      await Promise.all([...running]);
    },
  };
  return scheduler;
}
