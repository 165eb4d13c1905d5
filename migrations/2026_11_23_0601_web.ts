/**
 * The web side: one-time dashboard login links, browser sessions (dashboard and web chat), and
 * the messages of web chats, kept so a reloaded page shows its history and a nudge sent while
 * the page was closed is there when it opens. Never edit once landed: add a new migration instead.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // Only the SHA-256 of a token is stored: a leaked table opens no session.
  await db.schema
    .createTable('web_login_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('web_login_tokens_staff_idx').on('web_login_tokens').column('staff_id').execute();

  await db.schema
    .createTable('web_sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('dashboard','chat')`))
    .addColumn('staff_id', 'integer', (c) => c.references('staff.id').onDelete('cascade'))
    // The web chat's public id: chat_links.user_id and chat_id for channel 'web'.
    .addColumn('chat_key', 'text', (c) => c.unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('web_sessions_expires_idx').on('web_sessions').column('expires_at').execute();

  await db.schema
    .createTable('web_messages')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('chat_key', 'text', (c) => c.notNull())
    .addColumn('sender', 'text', (c) => c.notNull().check(sql`sender in ('bot','user')`))
    .addColumn('body', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('web_messages_chat_idx').on('web_messages').columns(['chat_key', 'id']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['web_messages', 'web_sessions', 'web_login_tokens']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
