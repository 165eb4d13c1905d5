/**
 * Conversation memory: which messages were about which occurrences (so a reply to one finds its
 * task), what the bot is waiting for from a person, and the inbound log that dedupes redeliveries.
 */
import type { Db } from '../db/index.js';
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

export async function saveMessageRef(db: Db, channel: Channel, chatId: string, messageId: string, occurrenceIds: number[], now: Date): Promise<void> {
  if (occurrenceIds.length === 0) return;
  await db
    .insertInto('message_refs')
    .values({ channel, chat_id: chatId, message_id: messageId, occurrence_ids: occurrenceIds, created_at: now })
    .onConflict((oc) => oc.columns(['channel', 'chat_id', 'message_id']).doUpdateSet({ occurrence_ids: occurrenceIds, created_at: now }))
    .execute();
}

export async function findMessageRef(db: Db, channel: Channel, chatId: string, messageId: string): Promise<number[] | undefined> {
  const row = await db
    .selectFrom('message_refs')
    .select('occurrence_ids')
    .where('channel', '=', channel)
    .where('chat_id', '=', chatId)
    .where('message_id', '=', messageId)
    .executeTakeFirst();
  return row?.occurrence_ids;
}

/** The occurrences of the latest message sent to a chat about tasks since a moment (the "bare answer" target). */
export async function latestMessageRef(db: Db, channel: Channel, chatId: string, since: Date): Promise<number[] | undefined> {
  const row = await db
    .selectFrom('message_refs')
    .select('occurrence_ids')
    .where('channel', '=', channel)
    .where('chat_id', '=', chatId)
    .where('created_at', '>=', since)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.occurrence_ids;
}

export type PromptKind = 'blocked_reason' | 'extension';

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

export async function activePrompt(db: Db, staffId: number, channel: Channel, now: Date) {
  return db
    .selectFrom('prompts')
    .selectAll()
    .where('staff_id', '=', staffId)
    .where('channel', '=', channel)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

export async function setPromptMessage(db: Db, staffId: number, channel: Channel, messageId: string): Promise<void> {
  await db.updateTable('prompts').set({ message_id: messageId }).where('staff_id', '=', staffId).where('channel', '=', channel).execute();
}

export async function clearPrompt(db: Db, staffId: number, channel: Channel): Promise<void> {
  await db.deleteFrom('prompts').where('staff_id', '=', staffId).where('channel', '=', channel).execute();
}

/** Drops message refs older than the cut-off; they only serve replies to recent messages. */
export async function pruneMessageRefs(db: Db, before: Date): Promise<void> {
  await db.deleteFrom('message_refs').where('created_at', '<', before).execute();
}

/**
 * For platforms without replies to a message (Zalo), only the latest task message matters: this
 * keeps exactly one ref per chat, so "the last message" never depends on timestamps that tie.
 */
export async function setLatestMessageRef(db: Db, channel: Channel, chatId: string, messageId: string, occurrenceIds: number[], now: Date): Promise<void> {
  if (occurrenceIds.length === 0) return;
  await db.deleteFrom('message_refs').where('channel', '=', channel).where('chat_id', '=', chatId).where('message_id', '!=', messageId).execute();
  await saveMessageRef(db, channel, chatId, messageId, occurrenceIds, now);
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

/** Remembers the numbered menu just sent to a chat, replacing the previous one (empty: no menu now). */
export async function saveChatMenu(db: Db, channel: Channel, chatId: string, menu: ChatMenu, now: Date): Promise<void> {
  const values = { entries: JSON.stringify(menu.entries), needs_task: menu.needsTask, created_at: now };
  await db
    .insertInto('chat_menus')
    .values({ channel, chat_id: chatId, ...values })
    .onConflict((oc) => oc.columns(['channel', 'chat_id']).doUpdateSet(values))
    .execute();
}

/** The last numbered menu sent to a chat, if it was sent after `since`. */
export async function recentChatMenu(db: Db, channel: Channel, chatId: string, since: Date): Promise<ChatMenu | undefined> {
  const row = await db
    .selectFrom('chat_menus')
    .select(['entries', 'needs_task'])
    .where('channel', '=', channel)
    .where('chat_id', '=', chatId)
    .where('created_at', '>=', since)
    .executeTakeFirst();
  return row ? { entries: row.entries, needsTask: row.needs_task } : undefined;
}
