/**
 * /metrics counts the dead outbox rows by channel and kind at every scrape: a partial index keeps
 * that a walk over the few dead rows instead of a scan of a month of sent ones.
 * Never edit once landed: add a new migration instead.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index outbox_dead_idx on outbox (channel, kind) where status = 'dead'`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists outbox_dead_idx`.execute(db);
}
