/**
 * Report rounds (issue 12): a period the office reports on, the answers unit heads give for each
 * task of it, the compiled files, one-time download links for them, and the unit groups that
 * subscribed to their unit's digest. Never edit once landed: add a new migration instead.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('report_rounds')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('period_key', 'text', (c) => c.notNull())
    .addColumn('period_from', 'date', (c) => c.notNull())
    .addColumn('period_to', 'date', (c) => c.notNull())
    .addColumn('due_date', 'date', (c) => c.notNull())
    .addColumn('collect_from', 'date', (c) => c.notNull())
    .addColumn('document_id', 'integer', (c) => c.references('documents.id'))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('collecting')
        .check(sql`status in ('collecting','compiled')`),
    )
    .addColumn('opened_by', 'text', (c) => c.notNull().check(sql`opened_by in ('office','policy','plan')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('compiled_at', 'timestamptz')
    .execute();
  await sql`create unique index report_rounds_scope_uq on report_rounds (period_key, coalesce(document_id, 0))`.execute(db);
  await db.schema
    .createTable('round_answers')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('round_id', 'integer', (c) => c.notNull().references('report_rounds.id').onDelete('cascade'))
    .addColumn('occurrence_id', 'integer', (c) => c.notNull().references('occurrences.id').onDelete('cascade'))
    .addColumn('staff_id', 'integer', (c) => c.references('staff.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('product', 'text')
    .addColumn('difficulties', 'text')
    .addColumn('proposals', 'text')
    .addColumn('kept', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await sql`create index round_answers_round_idx on round_answers (round_id, occurrence_id, id)`.execute(db);
  await db.schema
    .createTable('round_files')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('round_id', 'integer', (c) => c.notNull().references('report_rounds.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('bytes', 'bytea', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('download_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('file_id', 'integer', (c) => c.notNull().references('round_files.id').onDelete('cascade'))
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .execute();
  await db.schema
    .createTable('group_subscriptions')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('chat_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('subscribed_by', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('group_subscriptions_pk', ['channel', 'chat_id'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['group_subscriptions', 'download_tokens', 'round_files', 'round_answers', 'report_rounds']) {
    await db.schema.dropTable(table).execute();
  }
}
