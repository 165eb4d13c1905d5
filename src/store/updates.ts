/** Append-only updates: every change to an occurrence is a row saying who, when, from where, what. */
import type { Db } from '../db/index.js';
import type { Channel, Status } from '../domain/types.js';

interface Who {
  occurrenceId: number;
  staffId: number | null;
  channel: Channel | 'cli' | 'system';
  now: Date;
}

async function taskIdOf(db: Db, occurrenceId: number): Promise<number> {
  const row = await db.selectFrom('occurrences').select('task_id').where('id', '=', occurrenceId).executeTakeFirstOrThrow();
  return row.task_id;
}

/** Sets the status (and percent/note) of an occurrence and records it. Returns false when nothing changed. */
export async function recordStatus(
  db: Db,
  who: Who,
  change: { status: Status; percent?: number | null | undefined; note?: string | null | undefined },
): Promise<{ changed: boolean; updateId?: number }> {
  const occ = await db.selectFrom('occurrences').selectAll().where('id', '=', who.occurrenceId).forUpdate().executeTakeFirstOrThrow();
  const percent = change.status === 'done' ? 100 : change.percent ?? (change.status === occ.status ? occ.percent : null);
  if (occ.status === change.status && occ.percent === percent && !change.note) return { changed: false };
  const update = await db
    .insertInto('updates')
    .values({
      occurrence_id: who.occurrenceId,
      task_id: occ.task_id,
      staff_id: who.staffId,
      channel: who.channel,
      kind: 'status',
      status: change.status,
      percent,
      note: change.note ?? null,
      created_at: who.now,
      data: JSON.stringify({ from: occ.status }),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('occurrences')
    .set({
      status: change.status,
      percent,
      status_changed_at: occ.status === change.status ? occ.status_changed_at : who.now,
      last_update_at: who.now,
      ...(change.note ? { last_note: change.note } : {}),
      completed_at: change.status === 'done' ? who.now : null,
    })
    .where('id', '=', who.occurrenceId)
    .execute();
  return { changed: true, updateId: Number(update.id) };
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

export async function updatesOfOccurrence(db: Db, occurrenceId: number) {
  return db.selectFrom('updates').selectAll().where('occurrence_id', '=', occurrenceId).orderBy('id').execute();
}
