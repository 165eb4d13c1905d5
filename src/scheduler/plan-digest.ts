/**
 * The morning digest: on a working day from the digest time until the window closes, one outbox
 * row per leader and unit head who wants it (digest_enabled) and can be reached. The row holds
 * the period it covers (since the previous working day's digest); the worker renders the
 * content when it sends, from the database, bounded by those instants.
 */
import type { Logger } from 'pino';
import type { Db } from '../db/index.js';
import { digestDateAt } from '../domain/nudge-policy.js';
import { addDays, localInstant } from '../domain/time.js';
import type { Channel } from '../domain/types.js';
import { withPlannerLock } from '../store/planning.js';
import { queueDigests, type QueuedDigest } from '../store/digest-plan.js';
import { queueGroupDigests } from '../store/groups.js';
import type { DigestPayload } from '../store/outbox-payloads.js';
import { loadSchedulePlan } from '../store/schedule.js';

export interface DigestPlanResult {
  ran: boolean;
  date: string | null;
  queued: QueuedDigest[];
  /** Digests queued for subscribed group chats. */
  groups?: number;
}

export async function planDigest(db: Db, options: { now: Date; channels: readonly Channel[]; logger?: Logger | undefined }): Promise<DigestPlanResult> {
  const { now, channels, logger } = options;
  const result = await withPlannerLock(db, 'digest', async (trx) => {
    const { policy, calendar } = await loadSchedulePlan(trx, logger);
    const date = digestDateAt(now, calendar, policy);
    if (!date || channels.length === 0) return { ran: true, date, queued: [] };
    const sinceDate = calendar.previousWorkingDay(addDays(date, -1));
    const payload: DigestPayload = {
      type: 'digest',
      date,
      sinceDate,
      since: localInstant(sinceDate, 0, policy.digestAtMinutes).toISOString(),
      at: localInstant(date, 0, policy.digestAtMinutes).toISOString(),
    };
    const queued = await queueDigests(trx, payload, channels, now);
    const groups = await queueGroupDigests(trx, payload, channels, now);
    return { ran: true, date, queued, groups };
  });
  return result ?? { ran: false, date: null, queued: [] };
}
