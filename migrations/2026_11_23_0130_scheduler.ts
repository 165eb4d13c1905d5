/**
 * What the scheduler needs (issue 3): the admin's calendar overrides (date → off | work), the
 * nudge ledger that makes every (person, occurrence, kind, local date) nudge happen once, a
 * 'skipped' outbox status for messages that went stale before they could be sent, and the
 * indexes the planner, the digest and /overdue read through.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('calendar_overrides')
    .addColumn('date', 'date', (c) => c.primaryKey())
    .addColumn('mark', 'text', (c) => c.notNull().check(sql`mark in ('off','work')`))
    .addColumn('note', 'text')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // One row per nudge owed and planned; the unique key is the outbox's dedupe key per item, while
  // the outbox row itself is one consolidated message per person per tick. No foreign keys: the
  // planner writes thousands of rows a tick and the checks would double its cost; the daily
  // upkeep prunes the ledger, and every reader joins staff and occurrences anyway.
  await db.schema
    .createTable('nudge_log')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('staff_id', 'integer', (c) => c.notNull())
    .addColumn('occurrence_id', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('local_date', 'date', (c) => c.notNull())
    // Days left (due soon) or days late (overdue, escalation) when it was planned.
    .addColumn('days', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('nudge_log_key_uq', ['staff_id', 'occurrence_id', 'kind', 'local_date'])
    .execute();
  await db.schema.createIndex('nudge_log_date_idx').on('nudge_log').columns(['local_date', 'staff_id']).execute();

  await sql`alter table outbox drop constraint outbox_status_check`.execute(db);
  await sql`alter table outbox add constraint outbox_status_check check (status in ('pending','sent','dead','skipped'))`.execute(db);
  await sql`create index outbox_chat_pending_idx on outbox (channel, chat_id) where status = 'pending'`.execute(db);

  // Decisions point at their request: "is this request still waiting" is one index probe.
  await sql`create index updates_ref_idx on updates (ref_update_id) where ref_update_id is not null`.execute(db);
  // "Is this task cancelled?" answered from a tiny index, whatever the number of tasks.
  await sql`create index tasks_cancelled_idx on tasks (id) where cancelled_at is not null`.execute(db);
  // The daily pass that creates upcoming occurrences reads only live recurring tasks.
  await sql`create index tasks_recurring_idx on tasks (id) where due_kind in ('recurring','ongoing') and cancelled_at is null`.execute(db);
  // Digest: what a subtree completed since yesterday.
  await sql`create index occurrences_done_idx on occurrences (lead_unit_id, completed_at) where status = 'done'`.execute(db);
  // /overdue counts a subtree's open occurrences from the index alone.
  await sql`create index occurrences_unit_open_cover_idx on occurrences (lead_unit_id, due_date) include (status, last_update_at, created_at)
    where status in ('open','in_progress','blocked')`.execute(db);
  await sql`drop index occurrences_unit_open_idx`.execute(db);
  // Blocked occurrences of a subtree, whatever their due date (/overdue, the digest).
  await sql`create index occurrences_unit_blocked_idx on occurrences (lead_unit_id, due_date) where status = 'blocked'`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`create index occurrences_unit_open_idx on occurrences (lead_unit_id, due_date) where status in ('open','in_progress','blocked')`.execute(db);
  for (const index of [
    'occurrences_unit_blocked_idx',
    'occurrences_unit_open_cover_idx',
    'occurrences_done_idx',
    'tasks_recurring_idx',
    'tasks_cancelled_idx',
    'updates_ref_idx',
    'outbox_chat_pending_idx',
  ]) {
    await sql`drop index if exists ${sql.id(index)}`.execute(db);
  }
  await sql`update outbox set status = 'dead', last_error = coalesce(last_error, 'skipped') where status = 'skipped'`.execute(db);
  await sql`alter table outbox drop constraint outbox_status_check`.execute(db);
  await sql`alter table outbox add constraint outbox_status_check check (status in ('pending','sent','dead'))`.execute(db);
  await db.schema.dropTable('nudge_log').ifExists().execute();
  await db.schema.dropTable('calendar_overrides').ifExists().execute();
}
