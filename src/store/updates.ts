/** Append-only updates: every change to an occurrence is a row saying who, when, from where, what. */
import { sql, type RawBuilder } from 'kysely';
import { z } from 'zod';
import type { Db } from '../db/index.js';
import { runPrepared } from '../db/prepared.js';
import type { Staff } from '../db/schema.js';
import type { Status, UpdateSource } from '../domain/types.js';
import { occurrenceViewRow, type OccurrenceView } from './tasks.js';

interface Who {
  occurrenceId: number;
  staffId: number | null;
  channel: UpdateSource;
  now: Date;
}

async function taskIdOf(db: Db, occurrenceId: number): Promise<number> {
  const row = await db.selectFrom('occurrences').select('task_id').where('id', '=', occurrenceId).executeTakeFirstOrThrow();
  return row.task_id;
}

export interface StatusChange {
  status: Status;
  percent?: number | null | undefined;
  note?: string | null | undefined;
}

export interface StatusAnswer {
  /** The occurrence exists and `actor` may change it (always, without an actor). */
  allowed: boolean;
  cancelled: boolean;
  changed: boolean;
  updateId?: number;
  /** The task card's fields after the change (before it, when nothing changed). */
  view?: OccurrenceView;
}

const answerRow = occurrenceViewRow.extend({ allowed: z.boolean(), update_id: z.coerce.number().int().nullable() });

/**
 * Who may change an occurrence through a status answer: an owner, or a unit head, leader or admin
 * over the lead unit. Given as values, or as SQL (the claim's `me` row, store/conversation-state.ts).
 */
export interface AnswerActor {
  id: RawBuilder<unknown>;
  /** True unless the actor's role is plain staff. */
  aboveStaff: RawBuilder<unknown>;
  unitId: RawBuilder<unknown>;
}

export function actorValues(actor: Pick<Staff, 'id' | 'role' | 'unit_id'>): AnswerActor {
  return { id: sql`${actor.id}`, aboveStaff: sql`${actor.role !== 'staff'}`, unitId: sql`${actor.unit_id}` };
}

/**
 * A status answer as SQL, to run alone (answerStatus) or inside a larger statement (the claim of a
 * button press, store/conversation-state.ts): `ctes` lock the occurrence, check the actor, write
 * the update row and the new status; `result` selects the row answerRow reads (none when the
 * occurrence does not exist). `gate` must hold for anything to be written. The CTE names are
 * answer_target, answer_allowed, answer_changing, answer_inserted and answer_updated.
 */
export function statusAnswerSql(
  who: { occurrenceId: number; staffId: RawBuilder<unknown>; channel: UpdateSource; now: Date },
  actor: AnswerActor | null,
  change: StatusChange,
  gate: RawBuilder<unknown> = sql`true`,
): { ctes: RawBuilder<unknown>; result: RawBuilder<unknown> } {
  const note = change.note || null;
  const percent = change.percent ?? null;
  const mayAct = actor
    ? sql`(exists (select 1 from task_owners ow where ow.task_id = t.task_id and ow.staff_id = ${actor.id})
        or (${actor.aboveStaff} and exists (select 1 from unit_closure c where c.ancestor_id = ${actor.unitId} and c.unit_id = t.lead_unit_id)))`
    : sql`true`;
  const ctes = sql`answer_target as (
      select o.id, o.task_id, o.status, o.percent, o.status_changed_at, o.lead_unit_id from occurrences o where o.id = ${who.occurrenceId} and ${gate} for update
    ),
    answer_allowed as (
      select t.* from answer_target t where ${mayAct}
    ),
    answer_changing as (
      select a.*, n.new_percent from answer_allowed a
      cross join lateral (select case when ${change.status} = 'done' then 100
        else coalesce(${percent}::int, case when ${change.status} = a.status then a.percent end) end as new_percent) n
      where a.status <> 'cancelled'
        and not (a.status = ${change.status} and n.new_percent is not distinct from a.percent and ${note}::text is null)
    ),
    answer_inserted as (
      insert into updates (occurrence_id, task_id, staff_id, channel, kind, status, percent, note, created_at, data)
      select c.id, c.task_id, ${who.staffId}, ${who.channel}, 'status', ${change.status}, c.new_percent, ${note}, ${who.now}, jsonb_build_object('from', c.status)
      from answer_changing c
      returning id
    ),
    answer_updated as (
      update occurrences o set status = ${change.status}, percent = c.new_percent,
        status_changed_at = case when c.status = ${change.status} then c.status_changed_at else ${who.now}::timestamptz end,
        last_update_at = ${who.now}, last_note = coalesce(${note}, o.last_note),
        completed_at = case when ${change.status} = 'done' then ${who.now}::timestamptz end
      from answer_changing c where o.id = c.id
      returning o.id, o.status, o.percent, o.last_note
    )`;
  const result = sql`select exists (select 1 from answer_allowed) as allowed, (select id from answer_inserted) as update_id,
      o.id as "occurrenceId", t.id as "taskId", t.title, t.product, o.due_date as "dueDate", t.due_text as "dueText",
      coalesce(u.status, o.status) as status, case when u.id is null then o.percent else u.percent end as percent,
      case when u.id is null then o.last_note else u.last_note end as "lastNote", un.name as "leadUnitName"
    from occurrences o
    join tasks t on t.id = o.task_id
    left join units un on un.id = o.lead_unit_id
    left join answer_updated u on u.id = o.id
    where o.id = ${who.occurrenceId}`;
  return { ctes, result };
}

/** Reads the row statusAnswerSql's `result` selects (undefined: the occurrence does not exist). */
export function readStatusAnswer(row: unknown): StatusAnswer {
  if (row === undefined || row === null) return { allowed: false, cancelled: false, changed: false };
  const { allowed, update_id: updateId, ...view } = answerRow.parse(row);
  if (!allowed) return { allowed, cancelled: false, changed: false };
  if (updateId === null) return { allowed, cancelled: view.status === 'cancelled', changed: false, view };
  return { allowed, cancelled: false, changed: true, updateId, view };
}

/**
 * Sets the status (and percent, note) of an occurrence and records it as an update row, in one
 * statement that also checks the actor (an owner, or a unit head, leader or admin over the lead
 * unit), leaves a cancelled occurrence alone, and returns the card as it is now. Nothing is
 * written when the status and percent stay and there is no note.
 */
export async function answerStatus(db: Db, who: Who & { actor?: Pick<Staff, 'id' | 'role' | 'unit_id'> }, change: StatusChange): Promise<StatusAnswer> {
  const { ctes, result } = statusAnswerSql({ ...who, staffId: sql`${who.staffId}` }, who.actor ? actorValues(who.actor) : null, change);
  const { rows } = await runPrepared(db, sql<Record<string, unknown>>`with ${ctes} ${result}`);
  return readStatusAnswer(rows[0]);
}

/** Sets the status (and percent/note) of an occurrence and records it. Returns false when nothing changed. */
export async function recordStatus(db: Db, who: Who, change: StatusChange): Promise<{ changed: boolean; updateId?: number }> {
  const answer = await answerStatus(db, who, change);
  if (!answer.allowed) throw new Error(`occurrence ${who.occurrenceId} does not exist`);
  return answer.updateId === undefined ? { changed: false } : { changed: true, updateId: answer.updateId };
}

/** Adds a free-text note to an occurrence. */
export async function recordNote(db: Db, who: Who, note: string): Promise<number> {
  const row = await db
    .insertInto('updates')
    .values({
      occurrence_id: who.occurrenceId,
      task_id: await taskIdOf(db, who.occurrenceId),
      staff_id: who.staffId,
      channel: who.channel,
      kind: 'note',
      note,
      created_at: who.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.updateTable('occurrences').set({ last_note: note, last_update_at: who.now }).where('id', '=', who.occurrenceId).execute();
  return Number(row.id);
}

/** Records a request to move the due date; a unit head or leader decides on it later. */
export async function recordExtensionRequest(db: Db, who: Who, requestedDue: string, note: string | null): Promise<number> {
  const row = await db
    .insertInto('updates')
    .values({
      occurrence_id: who.occurrenceId,
      task_id: await taskIdOf(db, who.occurrenceId),
      staff_id: who.staffId,
      channel: who.channel,
      kind: 'extension_request',
      requested_due: requestedDue,
      note,
      created_at: who.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('occurrences')
    .set({ last_update_at: who.now, ...(note ? { last_note: note } : {}) })
    .where('id', '=', who.occurrenceId)
    .execute();
  return Number(row.id);
}
