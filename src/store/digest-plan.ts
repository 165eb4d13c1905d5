/** The digest planner's one statement: one outbox row per leader and unit head who wants the digest and can be reached. */
import { sql } from 'kysely';
import type { Db } from '../db/index.js';
import type { Channel } from '../domain/types.js';
import { payloadJson, type DigestPayload } from './outbox-payloads.js';

export interface QueuedDigest {
  id: number;
  staffId: number;
  channel: string;
  chatId: string;
}

/** Inserts the day's digest rows (deduped per person and date); returns the rows inserted now. */
export async function queueDigests(trx: Db, payload: DigestPayload, channels: readonly Channel[], now: Date): Promise<QueuedDigest[]> {
  const date = payload.date;
  const rows = await sql<{ id: number; staff_id: number; channel: string; chat_id: string }>`
    with links as (
      select distinct on (p.id) p.id as staff_id, l.channel, l.chat_id
      from staff p join chat_links l on l.staff_id = p.id
      where p.active and p.digest_enabled and p.role in ('leader','unit_head')
        and l.unreachable_at is null and l.channel = any(${[...channels]}::text[])
      order by p.id, (l.channel = p.preferred_channel) desc nulls last, l.last_seen_at desc nulls last, l.linked_at desc
    )
    insert into outbox (dedupe_key, staff_id, channel, chat_id, kind, payload, next_attempt_at, created_at)
    select 'digest:' || staff_id || ':' || ${date}::text, staff_id, channel, chat_id, 'digest', ${payloadJson(payload)}::jsonb, ${now}, ${now}
    from links order by staff_id
    on conflict (dedupe_key) do nothing
    returning id, staff_id, channel, chat_id`.execute(trx);
  return rows.rows.map((r) => ({ id: Number(r.id), staffId: r.staff_id, channel: r.channel, chatId: r.chat_id }));
}
