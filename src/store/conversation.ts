/**
 * Conversation memory: which messages were about which occurrences (so a reply to one finds its
 * task), what the bot is waiting for from a person, and the inbound log that dedupes redeliveries.
 */
import { sql } from 'kysely';
import type { Db } from '../db/index.js';
import { runPrepared } from '../db/prepared.js';
import type { PromptKind } from '../db/schema.js';
import type { Channel } from '../domain/types.js';

/** Records an inbound update once. Returns false when it was already recorded (a redelivery). */
export async function claimInbound(db: Db, channel: Channel, updateKey: string, payload: unknown, now: Date): Promise<boolean> {
  const row = await db
    .insertInto('inbound_updates')
    .values({ channel, update_key: updateKey, payload: JSON.stringify(payload ?? null), received_at: now })
    .onConflict((oc) => oc.columns(['channel', 'update_key']).doNothing())
    .returning('update_key')
    .executeTakeFirst();
  return row !== undefined;
}

export async function setInboundOutcome(db: Db, channel: Channel, updateKey: string, staffId: number | null, outcome: string): Promise<void> {
  await db.updateTable('inbound_updates').set({ staff_id: staffId, outcome }).where('channel', '=', channel).where('update_key', '=', updateKey).execute();
}

export type { PromptKind };

export async function setPrompt(
  db: Db,
  p: { staffId: number; channel: Channel; kind: PromptKind; occurrenceId: number; messageId?: string | null; now: Date; ttlMs: number },
): Promise<void> {
  const values = {
    staff_id: p.staffId,
    channel: p.channel,
    kind: p.kind,
    occurrence_id: p.occurrenceId,
    message_id: p.messageId ?? null,
    created_at: p.now,
    expires_at: new Date(p.now.getTime() + p.ttlMs),
  };
  await db
    .insertInto('prompts')
    .values(values)
    .onConflict((oc) => oc.columns(['staff_id', 'channel']).doUpdateSet(values))
    .execute();
}

export async function clearPrompt(db: Db, staffId: number, channel: Channel): Promise<void> {
  await db.deleteFrom('prompts').where('staff_id', '=', staffId).where('channel', '=', channel).execute();
}

/**
 * What a message remembered again takes (an edited card, a card pressed): its new occurrences and
 * time, and a new place in the order written, so it is the chat's latest even when times tie.
 */
export const REMEMBER_AGAIN = sql`on conflict (channel, chat_id, message_id) do update
  set occurrence_ids = excluded.occurrence_ids, created_at = excluded.created_at, seq = default`;

/** Drops message refs older than the cut-off; they only serve replies to recent messages. */
export async function pruneMessageRefs(db: Db, before: Date): Promise<void> {
  await db.deleteFrom('message_refs').where('created_at', '<', before).execute();
}

/**
 * Remembers what a message sent to a chat was about, in one statement, so the person's next
 * message can refer to it: the occurrences (a reply to it, or a bare "xong" after it, finds its
 * task) and, on platforms without buttons, its numbered menu (replacing the chat's previous one;
 * an empty menu means "no menu now"). `latestOnly` is for platforms without replies to a message
 * (Zalo): only the latest task message matters there, so the chat keeps exactly one ref and "the
 * last message" never depends on timestamps that tie. A message about no task leaves the refs as
 * they are.
 */
export async function rememberMessage(
  db: Db,
  m: {
    channel: Channel;
    chatId: string;
    messageId: string;
    occurrenceIds: readonly number[];
    menu?: ChatMenu | null | undefined;
    now: Date;
    latestOnly?: boolean;
  },
): Promise<void> {
  const refs = m.occurrenceIds.length > 0;
  const menu = m.menu
    ? sql`insert into chat_menus (channel, chat_id, entries, needs_task, created_at)
        values (${m.channel}, ${m.chatId}, ${JSON.stringify(m.menu.entries)}::jsonb, ${m.menu.needsTask}, ${m.now})
        on conflict (channel, chat_id) do update set entries = excluded.entries, needs_task = excluded.needs_task, created_at = excluded.created_at`
    : null;
  if (!refs) {
    if (menu) await menu.execute(db);
    return;
  }
  const ctes = [
    ...(m.latestOnly
      ? [sql`older as (delete from message_refs where channel = ${m.channel} and chat_id = ${m.chatId} and message_id <> ${m.messageId} returning 1)`]
      : []),
    ...(menu ? [sql`menu as (${menu} returning 1)`] : []),
  ];
  await sql`${ctes.length > 0 ? sql`with ${sql.join(ctes)}` : sql``}
    insert into message_refs (channel, chat_id, message_id, occurrence_ids, created_at)
    values (${m.channel}, ${m.chatId}, ${m.messageId}, ${[...m.occurrenceIds]}::int[], ${m.now})
    ${REMEMBER_AGAIN}`.execute(db);
}

/**
 * Remembers several messages of one chat in one statement (an interactive answer: the pressed
 * card's edit, the cards of a list, the list itself), in the order given, so the last one about a
 * task is the chat's latest. Only for platforms with replies and without menus (Telegram, web);
 * a message id given twice keeps its last occurrences.
 */
export async function rememberMessages(
  db: Db,
  m: { channel: Channel; chatId: string; messages: readonly { messageId: string; occurrenceIds: readonly number[] }[]; now: Date },
): Promise<void> {
  const last = new Map<string, readonly number[]>();
  for (const msg of m.messages) {
    if (msg.occurrenceIds.length === 0) continue;
    last.delete(msg.messageId);
    last.set(msg.messageId, msg.occurrenceIds);
  }
  if (last.size === 0) return;
  const rows = [...last].map(([messageId, ids]) => sql`(${m.channel}, ${m.chatId}, ${messageId}, ${[...ids]}::int[], ${m.now}::timestamptz)`);
  // Outside a transaction this statement commits without waiting for its WAL to reach the disk
  // (synchronous_commit off for this one transaction): what a message was about is a convenience
  // for the next reply, not an answer, and a crash in the next fraction of a second costs at most
  // a "which task?" question. Inside a caller's transaction the setting would cover the caller's
  // writes too, so there the statement commits as usual.
  const relaxed = db.isTransaction ? sql`` : sql`(select set_config('synchronous_commit', 'off', true)) as relaxed(setting), `;
  // VALUES keeps its order, and the identity column numbers the rows in that order.
  await runPrepared(
    db,
    sql`insert into message_refs (channel, chat_id, message_id, occurrence_ids, created_at)
    select v.channel, v.chat_id, v.message_id, v.occurrence_ids, v.created_at
    from ${relaxed}(values ${sql.join(rows)}) as v(channel, chat_id, message_id, occurrence_ids, created_at)
    ${REMEMBER_AGAIN}`,
  );
}

/** One number of a numbered menu (Zalo) and the action id it stands for. */
export interface MenuEntry {
  n: number;
  action: string;
}

export interface ChatMenu {
  entries: MenuEntry[];
  /** Status answers were listed for several tasks: a bare status number needs "#task". */
  needsTask: boolean;
}
