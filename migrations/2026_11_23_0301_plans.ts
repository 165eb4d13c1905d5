/**
 * Plan import: other names a unit goes by (abbreviations, old names) for resolving the names a
 * document writes; drafts of a plan sent in chat, stored only as a proposal until confirmed;
 * one task per (document, ref) so re-importing a document updates instead of duplicating.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('unit_aliases')
    .addColumn('alias_folded', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('alias', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('unit_aliases_pk', ['alias_folded', 'unit_id'])
    .execute();

  await db.schema
    .createTable('plan_drafts')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_hash', 'text', (c) => c.notNull())
    .addColumn('plan', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('pending')
        .check(sql`status in ('pending','confirmed','cancelled')`),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('decided_at', 'timestamptz')
    .execute();

  await sql`create unique index tasks_document_ref_uq on tasks (document_id, ref) where document_id is not null and ref is not null`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists tasks_document_ref_uq`.execute(db);
  await db.schema.dropTable('plan_drafts').ifExists().execute();
  await db.schema.dropTable('unit_aliases').ifExists().execute();
}
