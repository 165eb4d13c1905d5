/**
 * The nudge ledger's key becomes its primary key and only general index, measured at national
 * scale (bench/): the planner writes tens of thousands of ledger rows a tick, and each index
 * costs. `id` stays as a plain sequence (it numbers the rows so a consolidated message gets a
 * unique outbox key). The date index goes (the daily prune scans; the digest reads by person);
 * a small partial index answers "was this occurrence already escalated for that date?" before
 * the planner looks up whom to tell. The outbox loses the per-chat pending index: a blocked chat
 * is found through outbox_staff_idx.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table nudge_log drop constraint nudge_log_pkey`.execute(db);
  await sql`alter table nudge_log drop constraint nudge_log_key_uq`.execute(db);
  await sql`alter table nudge_log add constraint nudge_log_pk primary key (staff_id, occurrence_id, kind, local_date)`.execute(db);
  await sql`drop index nudge_log_date_idx`.execute(db);
  await sql`create index nudge_log_escalation_idx on nudge_log (occurrence_id, local_date) where kind = 'escalation'`.execute(db);
  await sql`drop index outbox_chat_pending_idx`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`create index outbox_chat_pending_idx on outbox (channel, chat_id) where status = 'pending'`.execute(db);
  await sql`drop index nudge_log_escalation_idx`.execute(db);
  await sql`create index nudge_log_date_idx on nudge_log (local_date, staff_id)`.execute(db);
  await sql`alter table nudge_log drop constraint nudge_log_pk`.execute(db);
  await sql`alter table nudge_log add constraint nudge_log_key_uq unique (staff_id, occurrence_id, kind, local_date)`.execute(db);
  await sql`alter table nudge_log add constraint nudge_log_pkey primary key (id)`.execute(db);
}
