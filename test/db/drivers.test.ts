import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../../src/db/index.js';
import { createTestDatabase, usingPostgres } from '../helpers/db.js';
import { createTask } from '../../src/store/tasks.js';
import { ensureUnitPath } from '../../src/store/units.js';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle.close();
});

describe(`database driver (${usingPostgres ? 'Postgres' : 'PGlite'})`, () => {
  it('returns dates as YYYY-MM-DD strings and counts as numbers', async () => {
    const { db } = handle;
    const unitId = await ensureUnitPath(db, ['Sở Tư pháp']);
    await createTask(db, { title: 'Báo cáo', leadUnitId: unitId, due: { kind: 'date', date: '2026-11-30' } }, new Date('2026-11-23T01:00:00Z'));
    const row = await db.selectFrom('occurrences').select(['due_date']).executeTakeFirstOrThrow();
    expect(row.due_date).toBe('2026-11-30');
    const count = await db
      .selectFrom('occurrences')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(count.n).toBe(1);
    const big = await sql<{ b: number }>`select 5::int8 as b`.execute(db);
    expect(big.rows[0]!.b).toBe(5);
  });

  it('serializes concurrent work: a rolled back transaction loses nothing written outside it', async () => {
    const { db } = handle;
    const inside = db.transaction().execute(async (trx) => {
      await trx.insertInto('settings').values({ key: 'inside', value: '1' }).execute();
      await new Promise((r) => setTimeout(r, 30));
      throw new Error('roll back');
    });
    await new Promise((r) => setTimeout(r, 5));
    const outside = db.insertInto('settings').values({ key: 'outside', value: '2' }).execute();
    await expect(inside).rejects.toThrow('roll back');
    await outside;
    const keys = (await db.selectFrom('settings').select('key').execute()).map((r) => r.key);
    expect(keys).toEqual(['outside']);
  });

  it('counts updated rows', async () => {
    const result = await handle.db.updateTable('settings').set({ value: '3' }).executeTakeFirst();
    expect(result.numUpdatedRows).toBe(1n);
  });
});
