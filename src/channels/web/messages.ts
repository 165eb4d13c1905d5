/** The messages of web chats (web_messages): what the page shows, and what it shows again after a reload. */
import type { Db } from '../../db/index.js';
import type { WebBody } from './render.js';

export interface WebMessage {
  id: number;
  from: 'bot' | 'user';
  text: string;
  rows?: WebBody['rows'];
  at: string;
}

/** How much history a page gets when it opens. */
export const HISTORY_LIMIT = 60;

type Row = { id: number | string; sender: 'bot' | 'user'; body: unknown; created_at: Date | string };

function toMessage(row: Row): WebMessage {
  const body = row.body as WebBody;
  return {
    id: Number(row.id),
    from: row.sender,
    text: String(body.text ?? ''),
    ...(body.rows ? { rows: body.rows } : {}),
    at: new Date(row.created_at).toISOString(),
  };
}

export async function addMessage(db: Db, chatKey: string, from: 'bot' | 'user', body: WebBody, now: Date): Promise<WebMessage> {
  const row = await db
    .insertInto('web_messages')
    .values({ chat_key: chatKey, sender: from, body: JSON.stringify(body), created_at: now })
    .returning(['id', 'sender', 'body', 'created_at'])
    .executeTakeFirstOrThrow();
  return toMessage(row);
}

/** Replaces a bot message of this chat (a card after its button was pressed); undefined when it is not theirs. */
export async function editMessage(db: Db, chatKey: string, id: number, body: WebBody, now: Date): Promise<WebMessage | undefined> {
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
export async function messagesAfter(db: Db, chatKey: string, afterId: number | null): Promise<WebMessage[]> {
  let query = db.selectFrom('web_messages').select(['id', 'sender', 'body', 'created_at']).where('chat_key', '=', chatKey);
  if (afterId !== null) query = query.where('id', '>', afterId);
  const rows = await query.orderBy('id', 'desc').limit(afterId === null ? HISTORY_LIMIT : 500).execute();
  return rows.reverse().map(toMessage);
}
