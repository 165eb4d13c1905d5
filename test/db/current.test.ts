/** The command line's one-query check that the schema needs no migration. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../../src/db/index.js';
import { migrateToLatest, schemaIsCurrent } from '../../src/db/migrate.js';
import { migrations } from '../../migrations/index.js';
import { createTestDatabase } from '../helpers/db.js';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('schemaIsCurrent', () => {
  it('is true on a migrated database and false once the newest migration is missing, until migrated again', async () => {
    expect(await schemaIsCurrent(database.db)).toBe(true);
    const latest = Object.keys(migrations).sort().at(-1)!;
    await migrations[latest]!.down!(database.db);
    await sql`delete from kysely_migration where name = ${latest}`.execute(database.db);
    expect(await schemaIsCurrent(database.db)).toBe(false);
    expect(await migrateToLatest(database.db)).toEqual([latest]);
    expect(await schemaIsCurrent(database.db)).toBe(true);
  });
});
