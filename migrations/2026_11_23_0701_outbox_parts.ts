/**
 * A long outbox message goes out as several platform messages (Telegram 4096, Zalo 2000
 * characters). `parts_sent` counts the parts already delivered, so a retry after a failed later
 * part resumes where it stopped instead of sending the first parts again; platform_message_id
 * holds the id of the last part sent. Never edit once landed: add a new migration instead.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table outbox add column parts_sent integer not null default 0`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table outbox drop column parts_sent`.execute(db);
}
