/**
 * Conversation memory: which messages were about which occurrences (so a reply to one finds its
 * task), what the bot is waiting for from a person, and the inbound log that dedupes redeliveries.
 */
import type { Db } from '../db/index.js';
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

/** Drops message refs older than the cut-off; they only serve replies to recent messages. */
export async function pruneMessageRefs(db: Db, before: Date): Promise<void> {
  await db.deleteFrom('message_refs').where('created_at', '<', before).execute();
}

/**
 * Remembers which occurrences a message sent to a chat was about, so a reply to it (or a bare
 * "xong" after it) finds its task. `latestOnly` is for platforms without replies to a message
 * (Zalo): only the latest task message matters there, so the chat keeps exactly one ref and
 * "the last message" never depends on timestamps that tie. A message about no task leaves the
 * refs as they are.
 */
export async function rememberMessage(
  db: Db,
  m: { channel: Channel; chatId: string; messageId: string; occurrenceIds: readonly number[]; now: Date; latestOnly?: boolean },
): Promise<void> {
  if (m.occurrenceIds.length === 0) return;
  const values = { channel: m.channel, chat_id: m.chatId, message_id: m.messageId, occurrence_ids: [...m.occurrenceIds], created_at: m.now };
  const refresh = { occurrence_ids: values.occurrence_ids, created_at: m.now };
  if (!m.latestOnly) {
    await db
      .insertInto('message_refs')
      .values(values)
      .onConflict((oc) => oc.columns(['channel', 'chat_id', 'message_id']).doUpdateSet(refresh))
      .execute();
    return;
  }
  await db
    .with('older', (qb) =>
      qb
        .deleteFrom('message_refs')
        .where('channel', '=', m.channel)
        .where('chat_id', '=', m.chatId)
        .where('message_id', '!=', m.messageId)
        .returning('message_id'),
    )
    .insertInto('message_refs')
    .values(values)
    .onConflict((oc) => oc.columns(['channel', 'chat_id', 'message_id']).doUpdateSet(refresh))
    .execute();
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
