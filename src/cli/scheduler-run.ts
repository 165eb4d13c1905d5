/**
 * What `remind` and `digest` share: reading `--at`, building the scheduler on a clock fixed at
 * that instant with the configured channels' senders, and printing what was queued and sent.
 */
import { parseArgs } from 'node:util';
import type { Deps } from '../chat/types.js';
import { fixedClock, type Clock } from '../domain/time.js';
import { createScheduler, type Scheduler } from '../scheduler/index.js';
import { createSenders } from '../channels/senders.js';
import type { DeliveryReport } from '../scheduler/worker.js';
import { staffNames as namesOf } from '../store/staff.js';
import { UsageError, type CliEnv, type CliIo } from './types.js';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** The `--at` instant (an ISO instant with its offset), or the clock's now when absent. */
export function parseAt(args: string[], env: CliEnv, usageKey: string): Date {
  let values;
  try {
    ({ values } = parseArgs({ args, options: { at: { type: 'string' } }, strict: true }));
  } catch {
    throw new UsageError(env.t(usageKey));
  }
  if (values.at === undefined) return env.clock.now();
  const at = new Date(values.at);
  if (!ISO_INSTANT.test(values.at) || Number.isNaN(at.getTime())) throw new UsageError(env.t('cli-bad-instant', { value: values.at }));
  return at;
}

export function schedulerAt(env: CliEnv, at: Date): { scheduler: Scheduler; clock: Clock; channels: string[] } {
  const clock = fixedClock(at);
  const deps: Deps = {
    db: env.db,
    clock,
    translator: env.translator,
    logger: env.logger,
    settings: { linkCodeTtlDays: env.config.linkCodeTtlDays, defaultLocale: env.config.defaultLocale, publicUrl: env.config.publicUrl },
  };
  const senders = createSenders(env.config, deps).all;
  const scheduler = createScheduler({
    db: env.db,
    clock,
    logger: env.logger,
    translator: env.translator,
    defaultLocale: env.config.defaultLocale,
    senders,
    publicUrl: () => env.config.publicUrl,
  });
  return { scheduler, clock, channels: [...senders.keys()] };
}

export function staffNames(env: CliEnv, ids: (number | null)[]): Promise<Map<number, string>> {
  return namesOf(env.db, [...new Set(ids.filter((id): id is number => id !== null))]);
}

export const kindLabel = (env: CliEnv, kind: string): string => env.t(`cli-kind-${kind.replace(/_/g, '-')}`);

const MARKS = { sent: '✓', retry: '…', dead: '✗', skipped: '↷', unreachable: '✗' } as const;

export async function printDelivery(env: CliEnv, io: CliIo, report: DeliveryReport): Promise<void> {
  const names = await staffNames(
    env,
    report.outcomes.map((o) => o.staffId),
  );
  for (const o of report.outcomes) {
    const who = (o.staffId !== null ? names.get(o.staffId) : undefined) ?? o.chatId;
    const detail = o.status === 'sent' ? env.t('cli-sent-detail', { message: o.messageId ?? '' }) : (o.detail ?? '');
    io.stdout(env.t('cli-delivery-line', { mark: MARKS[o.status], kind: kindLabel(env, o.kind), name: who, status: env.t(`cli-status-${o.status}`), detail }));
  }
  const c = report.counts;
  io.stdout(env.t('cli-delivered', { sent: c.sent, retry: c.retry, skipped: c.skipped, dead: c.dead, unreachable: c.unreachable }));
}
