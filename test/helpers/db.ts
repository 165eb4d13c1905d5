/**
 * A database of its own for each test file: PGlite from the migrated dump by default, or a fresh
 * schema on the real Postgres named by DATABASE_URL (what .ci/run's second pass does).
 */
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import pg from 'pg';
import { sql } from 'kysely';
import { openDatabase, type DatabaseHandle } from '../../src/db/index.js';
import { migrateToLatest } from '../../src/db/migrate.js';

export const usingPostgres = Boolean(process.env.DATABASE_URL);

/** Error seen intermittently on Postgres while migrating a just-created schema (cause not yet found). */
function isMissingSchema(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code === '3F000';
}

export async function createTestDatabase(): Promise<DatabaseHandle> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await createOnce();
    } catch (error) {
      if (!process.env.DATABASE_URL || !isMissingSchema(error) || attempt >= 3) throw error;
      console.warn(`test database: schema vanished during migration (attempt ${attempt}); retrying with a new schema`);
    }
  }
}

async function createOnce(): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const handle = await openDatabase({ databaseUrl: url, pgOptions: `-c search_path=${schema}`, poolSize: 5 });
    // Created through the test's own pool, so its connections see the schema from the start.
    await sql.raw(`create schema if not exists ${schema}`).execute(handle.db);
    try {
      await migrateToLatest(handle.db, schema);
    } catch (error) {
      await handle.close();
      throw error;
    }
    return {
      ...handle,
      async close() {
        await handle.close();
        const cleanup = new pg.Client({ connectionString: url });
        await cleanup.connect();
        await cleanup.query(`drop schema ${schema} cascade`);
        await cleanup.end();
      },
    };
  }
  const dump = fs.readFileSync(inject('pgliteDump'));
  return openDatabase({ loadDataDir: new Blob([dump]) });
}
