/**
 * Numbered menus on platforms without buttons (Zalo): per chat, what each number of the last
 * menu the bot sent stands for, so "5" after "Trả lời: … 5 Xem tiếp" runs the same action as
 * the button would. One row per chat, replaced by every reply that carries a menu. Also an index
 * to find the person behind a chat id.
 * Never edit once landed: add a new migration instead.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('chat_menus')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('chat_id', 'text', (c) => c.notNull())
    // [{ "n": 1, "action": "st:p:42" }, …]: action ids from commands/actions.ts.
    .addColumn('entries', 'jsonb', (c) => c.notNull())
    // The menu listed status answers for several tasks: a bare status number needs "#task".
    .addColumn('needs_task', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('chat_menus_pk', ['channel', 'chat_id'])
    .execute();
  // Replies on a chat look its person up by chat id (the menu's language, the menu itself).
  await db.schema.createIndex('chat_links_chat_idx').on('chat_links').columns(['channel', 'chat_id']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('chat_links_chat_idx').ifExists().execute();
  await db.schema.dropTable('chat_menus').ifExists().execute();
}
