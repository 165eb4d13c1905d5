/**
 * The outbox: every message the bot sends because of time or of someone else's action is a row
 * here first, so it survives restarts, is sent once (unique dedupe key) and is retried by the
 * delivery worker. Rows are claimed with FOR UPDATE SKIP LOCKED and a lease (next_attempt_at in
 * the future), so several workers never send the same row at once.
 */
import { sql } from 'kysely';
import type { Db } from '../db/index.js';
import type { OutboxKind, OutboxRow } from '../db/schema.js';
import type { Channel } from '../domain/types.js';
import { payloadJson, type OutboxPayload } from './outbox-payloads.js';

export interface NewOutboxRow {
  dedupeKey: string;
  staffId: number;
  channel: Channel;
  chatId: string;
  kind: OutboxKind;
  payload: OutboxPayload;
  notBefore: Date;
  now: Date;
}

/** Inserts a row unless its dedupe key exists; returns the new id, or undefined for a duplicate. */
export async function enqueue(db: Db, row: NewOutboxRow): Promise<number | undefined> {
  const inserted = await db
    .insertInto('outbox')
    .values({
      dedupe_key: row.dedupeKey,
      staff_id: row.staffId,
      channel: row.channel,
      chat_id: row.chatId,
      kind: row.kind,
      payload: payloadJson(row.payload),
      next_attempt_at: row.notBefore,
      created_at: row.now,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted ? Number(inserted.id) : undefined;
}

export interface Reachable {
  channel: Channel;
  chatId: string;
}

/** The chat to reach a person on: their preferred channel first, then the one they used last; none when all are unreachable. */
export async function reachableChat(db: Db, staffId: number): Promise<Reachable | undefined> {
  const row = await db
    .selectFrom('chat_links as l')
    .innerJoin('staff as s', 's.id', 'l.staff_id')
    .select(['l.channel', 'l.chat_id'])
    .where('l.staff_id', '=', staffId)
    .where('s.active', '=', true)
    .where('l.unreachable_at', 'is', null)
    .orderBy(sql`(l.channel = s.preferred_channel) desc nulls last`)
    .orderBy(sql`l.last_seen_at desc nulls last`)
    .orderBy('l.linked_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { channel: row.channel, chatId: row.chat_id } : undefined;
}

/** Claims up to `limit` due rows of the given channels for `leaseMs`; counts the attempt. Oldest first. */
export async function claimDue(db: Db, channels: readonly Channel[], now: Date, limit: number, leaseMs: number): Promise<OutboxRow[]> {
  if (channels.length === 0) return [];
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const result = await sql<OutboxRow>`
    with claimed as (
      select id from outbox
      where status = 'pending' and next_attempt_at <= ${now} and channel = any(${[...channels]}::text[])
      order by next_attempt_at, id
      limit ${limit}
      for update skip locked
    )
    update outbox o set attempts = o.attempts + 1, next_attempt_at = ${leaseUntil}
    from claimed where o.id = claimed.id
    returning o.*`.execute(db);
  return result.rows.map((r) => ({ ...r, id: Number(r.id) })).sort((a, b) => a.id - b.id);
}

export async function markSent(db: Db, id: number, platformMessageId: string, now: Date): Promise<void> {
  await db.updateTable('outbox').set({ status: 'sent', platform_message_id: platformMessageId, sent_at: now, last_error: null }).where('id', '=', id).execute();
}

/** Records that part `partsSent - 1` of a split message was delivered as `platformMessageId`. */
export async function markPartSent(db: Db, id: number, partsSent: number, platformMessageId: string): Promise<void> {
  await db.updateTable('outbox').set({ parts_sent: partsSent, platform_message_id: platformMessageId }).where('id', '=', id).execute();
}

/** Puts a row back for a later attempt; `refundAttempt` when the platform only asked us to slow down. */
export async function markRetry(db: Db, id: number, at: Date, error: string, refundAttempt: boolean): Promise<void> {
  await db
    .updateTable('outbox')
    .set((eb) => ({
      next_attempt_at: at,
      last_error: error,
      ...(refundAttempt ? { attempts: eb('attempts', '-', 1) } : {}),
    }))
    .where('id', '=', id)
    .execute();
}

export async function markFinal(db: Db, id: number, status: 'dead' | 'skipped', reason: string): Promise<void> {
  await db.updateTable('outbox').set({ status, last_error: reason }).where('id', '=', id).execute();
}

/**
 * The person blocked the bot (or left): their link is marked unreachable, and every pending row
 * for that chat is given up, so nothing retries against a closed door. Returns the rows given up.
 */
export async function markChatUnreachable(
  db: Db,
  chat: { staffId: number | null; channel: Channel; chatId: string },
  reason: string,
  now: Date,
): Promise<number> {
  const { channel, chatId } = chat;
  await db
    .updateTable('chat_links')
    .set({ unreachable_at: now, unreachable_reason: reason })
    .where('channel', '=', channel)
    .where('chat_id', '=', chatId)
    .execute();
  // By person first (outbox_staff_idx), then the exact chat.
  const pending = db
    .updateTable('outbox')
    .set({ status: 'dead', last_error: `unreachable: ${reason}` })
    .where('channel', '=', channel)
    .where('chat_id', '=', chatId)
    .where('status', '=', 'pending');
  const dropped = await (chat.staffId === null ? pending.where('staff_id', 'is', null) : pending.where('staff_id', '=', chat.staffId)).executeTakeFirst();
  return Number(dropped.numUpdatedRows ?? 0);
}

/** Messages waiting or given up, by channel, kind and status (pending and dead rows have partial indexes). */
export async function outboxBacklog(db: Db): Promise<{ channel: string; kind: string; status: 'pending' | 'dead'; count: number }[]> {
  const { rows } = await sql<{ channel: string; kind: string; status: 'pending' | 'dead'; count: number }>`
    select channel, kind, 'pending' as status, count(*)::int as count from outbox where status = 'pending' group by 1, 2
    union all
    select channel, kind, 'dead' as status, count(*)::int as count from outbox where status = 'dead' group by 1, 2`.execute(db);
  return rows;
}
