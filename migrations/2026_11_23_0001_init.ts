/**
 * The foundation schema: organisation (units tree + closure, staff), chat links and link codes,
 * documents and tasks, occurrences with append-only updates, the outbox, and processed inbound
 * updates. Never edit once landed: add a new migration instead.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('units')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('parent_id', 'integer', (c) => c.references('units.id').onDelete('restrict'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_folded', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull().unique())
    .addColumn('depth', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('units_parent_idx').on('units').column('parent_id').execute();
  await db.schema.createIndex('units_name_folded_idx').on('units').column('name_folded').execute();

  // Closure table: one row per (ancestor, descendant) including (u, u), so a subtree is one join.
  await db.schema
    .createTable('unit_closure')
    .addColumn('ancestor_id', 'integer', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('unit_closure_pk', ['ancestor_id', 'unit_id'])
    .execute();
  await db.schema.createIndex('unit_closure_unit_idx').on('unit_closure').columns(['unit_id', 'ancestor_id']).execute();

  await db.schema
    .createTable('staff')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('restrict'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_folded', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull().unique())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('staff','unit_head','leader','admin')`))
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('vi'))
    .addColumn('preferred_channel', 'text')
    .addColumn('digest_enabled', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('staff_unit_idx').on('staff').columns(['unit_id', 'role']).execute();

  await db.schema
    .createTable('chat_links')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id').onDelete('cascade'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('chat_id', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text')
    .addColumn('linked_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_seen_at', 'timestamptz')
    .addColumn('unreachable_at', 'timestamptz')
    .addColumn('unreachable_reason', 'text')
    .addUniqueConstraint('chat_links_channel_user_uq', ['channel', 'user_id'])
    .addUniqueConstraint('chat_links_channel_staff_uq', ['channel', 'staff_id'])
    .execute();
  await db.schema.createIndex('chat_links_staff_idx').on('chat_links').column('staff_id').execute();

  await db.schema
    .createTable('link_codes')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .addColumn('used_by_link_id', 'integer', (c) => c.references('chat_links.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('link_codes_staff_idx').on('link_codes').column('staff_id').execute();

  await db.schema
    .createTable('documents')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('number', 'text')
    .addColumn('doc_date', 'date')
    .addColumn('issuer', 'text')
    .addColumn('title', 'text')
    .addColumn('file_name', 'text')
    .addColumn('file_hash', 'text', (c) => c.unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('tasks')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('document_id', 'integer', (c) => c.references('documents.id').onDelete('set null'))
    .addColumn('ref', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('product', 'text')
    .addColumn('due_kind', 'text', (c) => c.notNull().check(sql`due_kind in ('date','recurring','ongoing','roadmap','none')`))
    .addColumn('due_date', 'date')
    .addColumn('due_rule', 'text')
    .addColumn('due_spec', 'jsonb')
    .addColumn('due_text', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('staff.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('cancelled_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('tasks_document_idx').on('tasks').columns(['document_id', 'ref']).execute();

  await db.schema
    .createTable('task_units')
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('restrict'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('lead','support')`))
    .addPrimaryKeyConstraint('task_units_pk', ['task_id', 'unit_id'])
    .execute();
  await db.schema.createIndex('task_units_unit_idx').on('task_units').columns(['unit_id', 'role']).execute();

  await db.schema
    .createTable('task_owners')
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id').onDelete('cascade'))
    .addColumn('assigned_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('task_owners_pk', ['task_id', 'staff_id'])
    .execute();
  await db.schema.createIndex('task_owners_staff_idx').on('task_owners').columns(['staff_id', 'task_id']).execute();

  // One due instance of a task. lead_unit_id is copied from task_units so leadership queries
  // over a unit subtree need no join through tasks.
  await db.schema
    .createTable('occurrences')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('period_key', 'text', (c) => c.notNull())
    .addColumn('due_date', 'date')
    .addColumn('lead_unit_id', 'integer', (c) => c.references('units.id').onDelete('set null'))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('open')
        .check(sql`status in ('open','in_progress','blocked','done','cancelled')`),
    )
    .addColumn('percent', 'integer')
    .addColumn('status_changed_at', 'timestamptz')
    .addColumn('last_update_at', 'timestamptz')
    .addColumn('last_note', 'text')
    .addColumn('completed_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('occurrences_task_period_uq', ['task_id', 'period_key'])
    .execute();
  await sql`create index occurrences_open_due_idx on occurrences (due_date, id) where status in ('open','in_progress','blocked')`.execute(db);
  await sql`create index occurrences_unit_open_idx on occurrences (lead_unit_id, due_date) where status in ('open','in_progress','blocked')`.execute(db);

  await db.schema
    .createTable('updates')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('occurrence_id', 'integer', (c) => c.references('occurrences.id').onDelete('cascade'))
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('staff_id', 'integer', (c) => c.references('staff.id').onDelete('set null'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text')
    .addColumn('percent', 'integer')
    .addColumn('note', 'text')
    .addColumn('requested_due', 'date')
    .addColumn('decision', 'text')
    .addColumn('ref_update_id', 'bigint', (c) => c.references('updates.id'))
    .addColumn('data', 'jsonb')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('updates_occurrence_idx').on('updates').columns(['occurrence_id', 'created_at']).execute();
  await db.schema.createIndex('updates_task_idx').on('updates').columns(['task_id', 'created_at']).execute();
  await db.schema.createIndex('updates_staff_idx').on('updates').columns(['staff_id', 'created_at']).execute();
  await sql`create index updates_pending_extension_idx on updates (id) where kind = 'extension_request' and decision is null`.execute(db);

  // Messages the bot sent about occurrences, so a reply to one finds its task.
  await db.schema
    .createTable('message_refs')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('chat_id', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('occurrence_ids', sql`integer[]`, (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('message_refs_pk', ['channel', 'chat_id', 'message_id'])
    .execute();
  await db.schema.createIndex('message_refs_recent_idx').on('message_refs').columns(['channel', 'chat_id', 'created_at']).execute();

  // What the bot is waiting for from a person (the reason for "Vướng mắc", the date for "Xin gia hạn").
  await db.schema
    .createTable('prompts')
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id').onDelete('cascade'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('occurrence_id', 'integer', (c) => c.notNull().references('occurrences.id').onDelete('cascade'))
    .addColumn('message_id', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('prompts_pk', ['staff_id', 'channel'])
    .execute();

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('staff_id', 'integer', (c) => c.references('staff.id').onDelete('cascade'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('chat_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('pending')
        .check(sql`status in ('pending','sent','dead')`),
    )
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('platform_message_id', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('sent_at', 'timestamptz')
    .execute();
  await sql`create index outbox_pending_idx on outbox (next_attempt_at, id) where status = 'pending'`.execute(db);
  await db.schema.createIndex('outbox_staff_idx').on('outbox').columns(['staff_id', 'created_at']).execute();

  // Every inbound update, kept whole: dedupes redeliveries and means nothing a user said is lost.
  await db.schema
    .createTable('inbound_updates')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('update_key', 'text', (c) => c.notNull())
    .addColumn('staff_id', 'integer', (c) => c.references('staff.id').onDelete('set null'))
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addPrimaryKeyConstraint('inbound_updates_pk', ['channel', 'update_key'])
    .execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'jsonb', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'settings',
    'inbound_updates',
    'outbox',
    'prompts',
    'message_refs',
    'updates',
    'occurrences',
    'task_owners',
    'task_units',
    'tasks',
    'documents',
    'link_codes',
    'chat_links',
    'staff',
    'unit_closure',
    'units',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
