/** Runs the migrations listed in migrations/index.ts (Kysely's migrator; order = names). */
import { Migrator, sql, type MigrationResultSet } from 'kysely';
import { migrations } from '../../migrations/index.js';
import type { Db } from './index.js';

/** `schema` names where Kysely keeps its bookkeeping tables when it is not the default (per-test schemas). */
export function createMigrator(db: Db, schema?: string): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => migrations }, ...(schema ? { migrationTableSchema: schema } : {}) });
}

export class MigrationError extends Error {
  constructor(
    readonly results: MigrationResultSet['results'],
    cause: unknown,
  ) {
    super(`database migration failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'MigrationError';
  }
}

/** Brings the schema to the latest version; returns the names of the migrations it applied. */
export async function migrateToLatest(db: Db, schema?: string): Promise<string[]> {
  const { error, results } = await createMigrator(db, schema).migrateToLatest();
  if (error) throw new MigrationError(results, error);
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * Whether the newest migration is already applied: one query, where the migrator takes a lock
 * and reads its tables (the command line checks this first and migrates only when needed).
 */
export async function schemaIsCurrent(db: Db): Promise<boolean> {
  const latest = Object.keys(migrations).sort().at(-1);
  try {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration where name = ${latest}`.execute(db);
    return rows.length === 1;
  } catch {
    return false;
  }
}
