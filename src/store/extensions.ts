/**
 * Extension requests and their decisions. Both are append-only update rows: a decision is an
 * 'extension_decision' row whose ref_update_id names the request, so "still waiting" means no
 * decision row points at it. Approving moves the occurrence's due date to the requested one.
 */
import { sql, type NotNull } from 'kysely';
import { z } from 'zod';
import type { Db } from '../db/index.js';
import type { Channel } from '../domain/types.js';

export interface ExtensionRequest {
  id: number;
  occurrenceId: number;
  taskId: number;
  staffId: number | null;
  requestedDue: string;
  note: string | null;
}

export interface ExtensionDecision {
  id: number;
  decision: 'approved' | 'rejected';
  staffId: number | null;
}

/** The request, locked for the caller's transaction when `forUpdate`. */
export async function getExtensionRequest(db: Db, updateId: number, forUpdate = false): Promise<ExtensionRequest | undefined> {
  let query = db
    .selectFrom('updates')
    .select(['id', 'occurrence_id', 'task_id', 'staff_id', 'requested_due', 'note'])
    .where('id', '=', updateId)
    .where('kind', '=', 'extension_request');
  if (forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row || row.occurrence_id === null || !row.requested_due) return undefined;
  return {
    id: Number(row.id),
    occurrenceId: row.occurrence_id,
    taskId: row.task_id,
    staffId: row.staff_id,
    requestedDue: row.requested_due,
    note: row.note,
  };
}

export async function decisionOf(db: Db, requestId: number): Promise<ExtensionDecision | undefined> {
  const row = await db
    .selectFrom('updates')
    .select(['id', 'decision', 'staff_id'])
    .where('ref_update_id', '=', requestId)
    .where('kind', '=', 'extension_decision')
    .where('decision', 'is not', null)
    .$narrowType<{ decision: NotNull }>()
    .orderBy('id')
    .executeTakeFirst();
  return row ? { id: Number(row.id), decision: row.decision, staffId: row.staff_id } : undefined;
}

export interface StoredDecision extends ExtensionDecision {
  requestId: number;
  /** The due date before the decision (what an approval moved). */
  previousDue: string | null;
}

/** A decision row by its own id (the outbox message to the requester names it). */
export async function getExtensionDecision(db: Db, decisionId: number): Promise<StoredDecision | undefined> {
  const row = await db
    .selectFrom('updates')
    .select(['id', 'decision', 'staff_id', 'ref_update_id', 'data'])
    .where('id', '=', decisionId)
    .where('kind', '=', 'extension_decision')
    .where('decision', 'is not', null)
    .where('ref_update_id', 'is not', null)
    .$narrowType<{ decision: NotNull; ref_update_id: NotNull }>()
    .executeTakeFirst();
  if (!row) return undefined;
  const data = previousDueData.safeParse(row.data);
  return {
    id: Number(row.id),
    decision: row.decision,
    staffId: row.staff_id,
    requestId: Number(row.ref_update_id),
    previousDue: data.success ? data.data.previousDue : null,
  };
}

/** What a decision row keeps in `data`. */
const previousDueData = z.object({ previousDue: z.string().nullable() });

/** Stores the decision; an approval moves the due date. Returns the decision's update id and the due date before. */
export async function recordExtensionDecision(
  db: Db,
  input: { request: ExtensionRequest; deciderId: number; channel: Channel | 'cli'; approve: boolean; now: Date },
): Promise<{ decisionId: number; previousDue: string | null }> {
  const { request, now } = input;
  const occ = await db.selectFrom('occurrences').select('due_date').where('id', '=', request.occurrenceId).forUpdate().executeTakeFirstOrThrow();
  const row = await db
    .insertInto('updates')
    .values({
      occurrence_id: request.occurrenceId,
      task_id: request.taskId,
      staff_id: input.deciderId,
      channel: input.channel,
      kind: 'extension_decision',
      decision: input.approve ? 'approved' : 'rejected',
      requested_due: request.requestedDue,
      ref_update_id: request.id,
      data: JSON.stringify({ previousDue: occ.due_date }),
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('occurrences')
    .set({ last_update_at: now, ...(input.approve ? { due_date: request.requestedDue } : {}) })
    .where('id', '=', request.occurrenceId)
    .execute();
  return { decisionId: Number(row.id), previousDue: occ.due_date };
}

/**
 * Who answers for an occurrence's lead unit upward: the unit heads of the nearest unit (the lead
 * unit itself, then its parents) that has one other than `excludeStaffId`; leaders of that level
 * when it has no unit head. Used for blocked escalations and extension requests.
 */
export async function nearestHeads(db: Db, occurrenceId: number, excludeStaffId: number | null): Promise<number[]> {
  const rows = await sql<{ id: number; role: string; depth: number }>`
    select s.id, s.role, c.depth
    from occurrences o
    join unit_closure c on c.unit_id = o.lead_unit_id
    join staff s on s.unit_id = c.ancestor_id and s.active and s.role in ('unit_head','leader')
    where o.id = ${occurrenceId} and s.id <> ${excludeStaffId ?? -1}
    order by c.depth, s.id`.execute(db);
  const first = rows.rows[0];
  if (!first) return [];
  const level = rows.rows.filter((r) => r.depth === first.depth);
  const heads = level.filter((r) => r.role === 'unit_head');
  return (heads.length > 0 ? heads : level).map((r) => r.id);
}
