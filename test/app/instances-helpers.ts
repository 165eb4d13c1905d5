/** Small lookups for the multi-instance tests. */
import type { Db } from '../../src/db/index.js';

export async function staffIdByName(db: Db, name: string): Promise<number> {
  const row = await db.selectFrom('staff').select('id').where('name', '=', name).executeTakeFirstOrThrow();
  return row.id;
}
