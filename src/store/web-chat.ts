/**
 * The web chat's memory: its messages (web_messages), which staff member a chat acts as (a
 * chat_links row on channel 'web'), starting a chat afresh, and the demo picker's people.
 */
import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../db/index.js';
import type { Staff } from '../db/schema.js';
import type { Role } from '../domain/types.js';

/** A stored message: its text and rows of buttons, as the page shows them. */
export const webBody = z.object({
  text: z.string(),
  rows: z.array(z.array(z.object({ label: z.string(), action: z.string() }))).optional(),
});
export type WebBody = z.infer<typeof webBody>;

export interface WebMessage {
  id: number;
  from: 'bot' | 'user';
  text: string;
  rows?: WebBody['rows'];
  at: string;
}

/** How much history a page gets when it opens. */
export const HISTORY_LIMIT = 60;

function toMessage(row: { id: number; sender: 'bot' | 'user'; body: unknown; created_at: Date }): WebMessage {
  const parsed = webBody.safeParse(row.body);
  const body = parsed.success ? parsed.data : { text: '' };
  return { id: Number(row.id), from: row.sender, text: body.text, ...(body.rows ? { rows: body.rows } : {}), at: new Date(row.created_at).toISOString() };
}

export async function addWebMessage(db: Db, chatKey: string, from: 'bot' | 'user', body: WebBody, now: Date): Promise<WebMessage> {
  const row = await db
    .insertInto('web_messages')
    .values({ chat_key: chatKey, sender: from, body: JSON.stringify(body), created_at: now })
    .returning(['id', 'sender', 'body', 'created_at'])
    .executeTakeFirstOrThrow();
  return toMessage(row);
}

/** Replaces a bot message of this chat (a card after its button was pressed); undefined when it is not theirs. */
export async function editWebMessage(db: Db, chatKey: string, id: number, body: WebBody, now: Date): Promise<WebMessage | undefined> {
  const row = await db
    .updateTable('web_messages')
    .set({ body: JSON.stringify(body), updated_at: now })
    .where('id', '=', id)
    .where('chat_key', '=', chatKey)
    .where('sender', '=', 'bot')
    .returning(['id', 'sender', 'body', 'created_at'])
    .executeTakeFirst();
  return row ? toMessage(row) : undefined;
}

/** Messages after `afterId` in order; with no `afterId`, the latest HISTORY_LIMIT. */
export async function webMessagesAfter(db: Db, chatKey: string, afterId: number | null): Promise<WebMessage[]> {
  let query = db.selectFrom('web_messages').select(['id', 'sender', 'body', 'created_at']).where('chat_key', '=', chatKey);
  if (afterId !== null) query = query.where('id', '>', afterId);
  const rows = await query
    .orderBy('id', 'desc')
    .limit(afterId === null ? HISTORY_LIMIT : 500)
    .execute();
  return rows.reverse().map(toMessage);
}

/** A chat keeps at most this many messages; older ones are pruned by the daily upkeep. */
export const MAX_MESSAGES_PER_CHAT = 1000;

/**
 * Drops the messages no one can see any more (their chat has no live session: the browser's
 * cookie is gone with it) and, in every chat, all but the latest MAX_MESSAGES_PER_CHAT.
 * Returns how many were deleted.
 */
export async function pruneWebMessages(db: Db): Promise<number> {
  const orphans = await db
    .deleteFrom('web_messages')
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('web_sessions as s').select('s.chat_key').whereRef('s.chat_key', '=', 'web_messages.chat_key'))),
    )
    .executeTakeFirst();
  const overflow = await sql`
    delete from web_messages m using (
      select id from (select id, row_number() over (partition by chat_key order by id desc) as n from web_messages) ranked
      where n > ${MAX_MESSAGES_PER_CHAT}
    ) old where m.id = old.id`.execute(db);
  return Number(orphans.numDeletedRows ?? 0) + Number(overflow.numAffectedRows ?? 0);
}

/** The staff member a web chat acts as, if it is linked and they are still active. */
export async function webChatStaff(db: Db, chatKey: string): Promise<Staff | undefined> {
  return db
    .selectFrom('chat_links as l')
    .innerJoin('staff as s', 's.id', 'l.staff_id')
    .selectAll('s')
    .where('l.channel', '=', 'web')
    .where('l.user_id', '=', chatKey)
    .where('s.active', '=', true)
    .executeTakeFirst();
}

/** Unlinks the chat `oldKey` and moves its browser session to the empty chat `newKey`. */
export async function moveWebChat(db: Db, oldKey: string, newKey: string): Promise<void> {
  await db.deleteFrom('chat_links').where('channel', '=', 'web').where('user_id', '=', oldKey).execute();
  await db.updateTable('web_sessions').set({ chat_key: newKey }).where('chat_key', '=', oldKey).execute();
}

/** Links the web chat `chatKey` to a staff member, unlinking their previous web chat (one each). */
export async function linkWebChat(db: Db, staff: Pick<Staff, 'id' | 'name'>, chatKey: string, now: Date): Promise<void> {
  await db.deleteFrom('chat_links').where('channel', '=', 'web').where('staff_id', '=', staff.id).execute();
  await db
    .insertInto('chat_links')
    .values({ staff_id: staff.id, channel: 'web', user_id: chatKey, chat_id: chatKey, display_name: staff.name, linked_at: now, last_seen_at: now })
    .execute();
}

export interface PickerPerson {
  id: number;
  name: string;
  role: Role;
  unitName: string;
  unitDepth: number;
}

const ROLE_ORDER: Role[] = ['leader', 'admin', 'unit_head', 'staff'];

/** Everyone active, by unit (top first), then role (leaders first), then name. */
export async function pickerPeople(db: Db): Promise<PickerPerson[]> {
  const rows = await db
    .selectFrom('staff as s')
    .innerJoin('units as u', 'u.id', 's.unit_id')
    .select(['s.id', 's.name', 's.role', 's.name_folded', 'u.id as unitId', 'u.name as unitName', 'u.depth as unitDepth'])
    .where('s.active', '=', true)
    .execute();
  return rows
    .sort(
      (a, b) =>
        a.unitDepth - b.unitDepth ||
        a.unitId - b.unitId ||
        ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) ||
        a.name_folded.localeCompare(b.name_folded),
    )
    .map((r) => ({ id: r.id, name: r.name, role: r.role, unitName: r.unitName, unitDepth: r.unitDepth }));
}

/** The Postgres channel on which instances tell each other about web chat messages. */
export const WEB_NOTIFY_CHANNEL = 'dondoc_web';

export interface WebNote {
  /** The schema the message lives in: instances of other deployments on the same database ignore it. */
  schema: string;
  /** The instance that published it (it has pushed it to its own pages already). */
  from: string;
  chatKey: string;
  event: 'message' | 'edit';
  id: number;
}

export async function currentSchema(db: Db): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return rows[0]!.schema;
}

/** Tells the other instances that a web chat message was stored or edited (sent at commit). */
export async function notifyWebMessage(db: Db, note: WebNote): Promise<void> {
  await sql`select pg_notify(${WEB_NOTIFY_CHANNEL}, ${JSON.stringify(note)})`.execute(db);
}

/** One message of a chat by id (what a notified instance pushes to its pages). */
export async function webMessageById(db: Db, chatKey: string, id: number): Promise<WebMessage | undefined> {
  const row = await db
    .selectFrom('web_messages')
    .select(['id', 'sender', 'body', 'created_at'])
    .where('chat_key', '=', chatKey)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toMessage(row) : undefined;
}
