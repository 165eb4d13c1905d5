/**
 * A database of its own for each test file: PGlite from the migrated dump by default, or a fresh
 * schema on the real Postgres named by DATABASE_URL (what .ci/run's second pass does).
 */
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { sql } from 'kysely';
import { openDatabase, type DatabaseHandle } from '../../src/db/index.js';
import { migrateToLatest } from '../../src/db/migrate.js';

export const usingPostgres = Boolean(process.env.DATABASE_URL);

/**
 * On Postgres the schema is left in place when the file closes its handle: the global teardown
 * drops the run's schemas once no other file can be migrating (see global-setup.ts).
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const schema = `${inject('schemaPrefix')}${randomBytes(6).toString('hex')}`;
    const handle = await openDatabase({ databaseUrl: url, pgOptions: `-c search_path=${schema}`, poolSize: 5 });
    try {
      await sql.raw(`create schema ${schema}`).execute(handle.db);
      await migrateToLatest(handle.db, schema);
    } catch (error) {
      await handle.close();
      throw error;
    }
    return handle;
  }
  const dump = fs.readFileSync(inject('pgliteDump'));
  return openDatabase({ loadDataDir: new Blob([dump]) });
}
