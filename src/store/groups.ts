/**
 * Group chats that receive a unit's digest and blockers (/subscribe). A subscription names a
 * unit and the chat; it never binds anyone's account, and nothing personal is sent to a group.
 */
import { sql } from 'kysely';
import type { Db } from '../db/index.js';
import type { Channel } from '../domain/types.js';
import { payloadJson, type DigestPayload, type OutboxPayload } from './outbox-payloads.js';

export async function subscribeGroup(db: Db, s: { channel: Channel; chatId: string; unitId: number; staffId: number; now: Date }): Promise<void> {
  await db
    .insertInto('group_subscriptions')
    .values({ channel: s.channel, chat_id: s.chatId, unit_id: s.unitId, subscribed_by: s.staffId, created_at: s.now })
    .onConflict((oc) => oc.columns(['channel', 'chat_id']).doUpdateSet({ unit_id: s.unitId, subscribed_by: s.staffId, created_at: s.now }))
    .execute();
}

export async function groupSubscription(db: Db, channel: Channel, chatId: string): Promise<{ unitId: number } | undefined> {
  return db.selectFrom('group_subscriptions').select('unit_id as unitId').where('channel', '=', channel).where('chat_id', '=', chatId).executeTakeFirst();
}

export async function unsubscribeGroup(db: Db, channel: Channel, chatId: string): Promise<boolean> {
  const result = await db.deleteFrom('group_subscriptions').where('channel', '=', channel).where('chat_id', '=', chatId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** One digest row per subscribed group, for its unit (deduped per group and date). */
export async function queueGroupDigests(db: Db, payload: DigestPayload, channels: readonly Channel[], now: Date): Promise<number> {
  if (channels.length === 0) return 0;
  const { rows } = await sql<{ id: number }>`
    insert into outbox (dedupe_key, staff_id, channel, chat_id, kind, payload, next_attempt_at, created_at)
    select 'group_digest:' || g.channel || ':' || g.chat_id || ':' || ${payload.date}::text, null, g.channel, g.chat_id, 'group_digest',
      (${payloadJson({ ...payload, type: 'group_digest', unit: 1 })}::jsonb || jsonb_build_object('unit', g.unit_id)), ${now}, ${now}
    from group_subscriptions g where g.channel = any(${[...channels]}::text[])
    order by g.chat_id
    on conflict (dedupe_key) do nothing
    returning id`.execute(db);
  return rows.length;
}

/** A blocked task, told to each group subscribed to a unit above (or at) its lead unit. */
export async function queueGroupBlocked(db: Db, occurrenceId: number, payload: OutboxPayload, day: string, notBefore: Date, now: Date): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    insert into outbox (dedupe_key, staff_id, channel, chat_id, kind, payload, next_attempt_at, created_at)
    select 'blocked:' || g.channel || ':' || g.chat_id || ':' || ${occurrenceId}::int || ':' || ${day}::text, null, g.channel, g.chat_id,
      'escalation_blocked', ${payloadJson(payload)}::jsonb, ${notBefore}, ${now}
    from occurrences o
    join unit_closure v on v.unit_id = o.lead_unit_id
    join group_subscriptions g on g.unit_id = v.ancestor_id
    where o.id = ${occurrenceId}
    on conflict (dedupe_key) do nothing
    returning id`.execute(db);
  return rows.length;
}
