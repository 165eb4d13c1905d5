/**
 * Measured at national scale (bench/, 2 000 000 occurrences, ~90 000 items due a day):
 * - The planner's scan of due occurrences becomes index-only: the partial index of open
 *   occurrences carries the columns the planner reads, so ~75 000 overdue rows scattered over
 *   the table no longer cost ~20 000 random heap page reads each tick.
 * - The outbox loses its foreign key to staff. Each of the tick's ~84 000 inserts checked it
 *   with a row lock on the person (FOR KEY SHARE, written to the staff row): ~0.5 s a tick.
 *   Staff rows are never deleted (people are deactivated), and the worker already skips a row
 *   whose person is gone, so the queue keeps its integrity without it.
 * Never edit once landed: add a new migration instead.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`drop index occurrences_open_due_idx`.execute(db);
  await sql`create index occurrences_open_due_idx on occurrences (due_date, id) include (task_id, lead_unit_id)
    where status in ('open','in_progress','blocked')`.execute(db);
  await sql`alter table outbox drop constraint outbox_staff_id_fkey`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from outbox o where o.staff_id is not null and not exists (select 1 from staff s where s.id = o.staff_id)`.execute(db);
  await sql`alter table outbox add constraint outbox_staff_id_fkey foreign key (staff_id) references staff (id) on delete cascade`.execute(db);
  await sql`drop index occurrences_open_due_idx`.execute(db);
  await sql`create index occurrences_open_due_idx on occurrences (due_date, id) where status in ('open','in_progress','blocked')`.execute(db);
}
