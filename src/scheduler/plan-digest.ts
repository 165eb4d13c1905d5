/**
 * The morning digest: on a working day from the digest time until the window closes, one outbox
 * row per leader and unit head who wants it (digest_enabled) and can be reached. The row holds
 * the period it covers (since the previous working day's digest); the worker renders the
 * content when it sends, from the database, bounded by those instants.
 */
import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Db } from '../db/index.js';
import { digestDateAt } from '../domain/nudge-policy.js';
import { addDays, localInstant } from '../domain/time.js';
import type { Channel } from '../domain/types.js';
import { withPlannerLock } from './planner.js';
import { loadSchedulePlan } from './policy.js';

export interface DigestPayload {
  type: 'digest';
  /** The digest's local date. */
  date: string;
  /** The previous working day (its digest covered up to `since`). */
  sinceDate: string;
  since: string;
  at: string;
}

export interface DigestPlanResult {
  ran: boolean;
  date: string | null;
  queued: { id: number; staffId: number; channel: string; chatId: string }[];
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
    const rows = await sql<{ id: number; staff_id: number; channel: string; chat_id: string }>`
      with links as (
        select distinct on (p.id) p.id as staff_id, l.channel, l.chat_id
        from staff p join chat_links l on l.staff_id = p.id
        where p.active and p.digest_enabled and p.role in ('leader','unit_head')
          and l.unreachable_at is null and l.channel = any(${[...channels]}::text[])
        order by p.id, (l.channel = p.preferred_channel) desc nulls last, l.last_seen_at desc nulls last, l.linked_at desc
      )
      insert into outbox (dedupe_key, staff_id, channel, chat_id, kind, payload, next_attempt_at, created_at)
      select 'digest:' || staff_id || ':' || ${date}::text, staff_id, channel, chat_id, 'digest', ${JSON.stringify(payload)}::jsonb, ${now}, ${now}
      from links order by staff_id
      on conflict (dedupe_key) do nothing
      returning id, staff_id, channel, chat_id`.execute(trx);
    return { ran: true, date, queued: rows.rows.map((r) => ({ id: Number(r.id), staffId: r.staff_id, channel: r.channel, chatId: r.chat_id })) };
  });
  return result ?? { ran: false, date: null, queued: [] };
}
