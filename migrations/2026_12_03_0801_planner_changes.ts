/**
 * What the planner must look at again: triggers note every change that can add a nudge after the
 * day's plan was made (an open occurrence created, reopened, moved to another date or unit; an
 * owner added or removed; a task uncancelled; a chat linked or reachable again; a person's role,
 * unit, activity or channel changed; the unit tree, the calendar or the nudge policy changed).
 * Each note carries the writing transaction's id (xid8), so a tick that planned under a snapshot
 * knows which notes it may not have seen: those of transactions still running when it started
 * (xid at or after the snapshot's xmin). A tick with no such note has nothing new to plan.
 * Changes that can only remove nudges (an answer, a status done) are not noted: the ledger and
 * the worker's checks already handle them.
 * Never edit once landed: add a new migration instead.
 */
import { sql, type Kysely } from 'kysely';

const OPEN = `('open','in_progress','blocked')`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table planner_changes (
    id bigserial primary key,
    xid xid8 not null default pg_current_xact_id(),
    source text not null,
    at timestamptz not null default now()
  )`.execute(db);
  await sql`create index planner_changes_xid_idx on planner_changes (xid)`.execute(db);
  await sql`create index planner_changes_at_idx on planner_changes (at)`.execute(db);

  await sql`create function planner_note_change() returns trigger language plpgsql as $$
    begin
      insert into planner_changes (source) values (TG_TABLE_NAME);
      return null;
    end $$`.execute(db);
  await sql
    .raw(
      `create function planner_note_occurrences_inserted() returns trigger language plpgsql as $$
    begin
      if exists (select 1 from new_rows where status in ${OPEN}) then
        insert into planner_changes (source) values ('occurrences');
      end if;
      return null;
    end $$`,
    )
    .execute(db);
  await sql
    .raw(
      `create function planner_note_occurrences_updated() returns trigger language plpgsql as $$
    begin
      if exists (select 1 from new_rows n join old_rows o on o.id = n.id
                 where n.status in ${OPEN}
                   and (o.status not in ${OPEN} or o.due_date is distinct from n.due_date
                        or o.lead_unit_id is distinct from n.lead_unit_id or o.task_id <> n.task_id)) then
        insert into planner_changes (source) values ('occurrences');
      end if;
      return null;
    end $$`,
    )
    .execute(db);
  await sql`create function planner_note_rows() returns trigger language plpgsql as $$
    begin
      if exists (select 1 from changed_rows) then
        insert into planner_changes (source) values (TG_TABLE_NAME);
      end if;
      return null;
    end $$`.execute(db);

  await sql`create trigger planner_occurrences_inserted after insert on occurrences
    referencing new table as new_rows for each statement execute function planner_note_occurrences_inserted()`.execute(db);
  await sql`create trigger planner_occurrences_updated after update on occurrences
    referencing old table as old_rows new table as new_rows for each statement execute function planner_note_occurrences_updated()`.execute(db);
  await sql`create trigger planner_owners_inserted after insert on task_owners
    referencing new table as changed_rows for each statement execute function planner_note_rows()`.execute(db);
  await sql`create trigger planner_owners_deleted after delete on task_owners
    referencing old table as changed_rows for each statement execute function planner_note_rows()`.execute(db);
  await sql`create trigger planner_closure_inserted after insert on unit_closure
    referencing new table as changed_rows for each statement execute function planner_note_rows()`.execute(db);
  await sql`create trigger planner_closure_deleted after delete on unit_closure
    referencing old table as changed_rows for each statement execute function planner_note_rows()`.execute(db);
  await sql`create trigger planner_tasks_uncancelled after update on tasks for each row
    when (old.cancelled_at is not null and new.cancelled_at is null) execute function planner_note_change()`.execute(db);
  await sql`create trigger planner_links_inserted after insert on chat_links for each row execute function planner_note_change()`.execute(db);
  await sql`create trigger planner_links_updated after update on chat_links for each row
    when ((old.unreachable_at is not null and new.unreachable_at is null) or old.chat_id is distinct from new.chat_id
          or old.channel is distinct from new.channel or old.staff_id is distinct from new.staff_id)
    execute function planner_note_change()`.execute(db);
  await sql`create trigger planner_staff_updated after update on staff for each row
    when (old.role is distinct from new.role or old.unit_id is distinct from new.unit_id
          or old.active is distinct from new.active or old.preferred_channel is distinct from new.preferred_channel)
    execute function planner_note_change()`.execute(db);
  await sql`create trigger planner_calendar_changed after insert or update or delete on calendar_overrides
    for each statement execute function planner_note_change()`.execute(db);
  await sql`create trigger planner_policy_written after insert or update on settings for each row
    when (new.key = 'nudge_policy') execute function planner_note_change()`.execute(db);
  await sql`create trigger planner_policy_deleted after delete on settings for each row
    when (old.key = 'nudge_policy') execute function planner_note_change()`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const [trigger, table] of [
    ['planner_occurrences_inserted', 'occurrences'],
    ['planner_occurrences_updated', 'occurrences'],
    ['planner_owners_inserted', 'task_owners'],
    ['planner_owners_deleted', 'task_owners'],
    ['planner_closure_inserted', 'unit_closure'],
    ['planner_closure_deleted', 'unit_closure'],
    ['planner_tasks_uncancelled', 'tasks'],
    ['planner_links_inserted', 'chat_links'],
    ['planner_links_updated', 'chat_links'],
    ['planner_staff_updated', 'staff'],
    ['planner_calendar_changed', 'calendar_overrides'],
    ['planner_policy_written', 'settings'],
    ['planner_policy_deleted', 'settings'],
  ] as const) {
    await sql`drop trigger if exists ${sql.raw(trigger)} on ${sql.table(table)}`.execute(db);
  }
  for (const fn of ['planner_note_change', 'planner_note_occurrences_inserted', 'planner_note_occurrences_updated', 'planner_note_rows']) {
    await sql`drop function if exists ${sql.raw(fn)}()`.execute(db);
  }
  await sql`drop table if exists planner_changes`.execute(db);
}
