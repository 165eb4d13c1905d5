/** Occurrences as messages about them need them: the task card fields plus who owns the task. */
import { sql } from 'kysely';
import type { Db } from '../db/index.js';
import { occurrenceViewQuery, type OccurrenceView } from './tasks.js';

export interface OccurrenceDetail extends OccurrenceView {
  leadUnitId: number | null;
  owners: string[];
}

export async function occurrenceDetails(db: Db, ids: readonly number[]): Promise<Map<number, OccurrenceDetail>> {
  if (ids.length === 0) return new Map();
  const rows = await occurrenceViewQuery(db)
    .select([
      'o.lead_unit_id as leadUnitId',
      sql<string[]>`coalesce((select array_agg(s.name order by s.name) from task_owners ow join staff s on s.id = ow.staff_id
        where ow.task_id = t.id), '{}')`.as('owners'),
    ])
    .where('o.id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.occurrenceId, { ...r, owners: r.owners ?? [] }]));
}

/** Who the worker renders an outbox message for: their language, unit, and whether they are still active. */
export async function recipientOf(db: Db, staffId: number) {
  return db.selectFrom('staff').select(['locale', 'unit_id', 'active']).where('id', '=', staffId).executeTakeFirst();
}
