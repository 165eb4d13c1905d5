/**
 * Runs once per test run: migrates a fresh PGlite and dumps its data dir, so each test file
 * starts from a copy (~0.4 s) instead of initdb plus migrations (~3 s). On Postgres
 * (DATABASE_URL set) each file makes its own schema instead, named with this run's prefix, and
 * the schemas are dropped here when the whole run is over, never while other files run: Kysely's
 * migrator introspects every schema of the database (has_schema_privilege, pg_get_serial_sequence
 * by name), and a schema dropped between its catalog scan and those calls fails another file's
 * migration with 3F000 "schema … does not exist".
 */
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/index.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import type { PGlite } from '@electric-sql/pglite';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDump: string;
    /** Prefix of this run's per-file schemas on Postgres. */
    schemaPrefix: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const prefix = `t_${randomBytes(3).toString('hex')}_`;
    project.provide('pgliteDump', '');
    project.provide('schemaPrefix', prefix);
    return () => dropRunSchemas(url, prefix);
  }
  project.provide('schemaPrefix', '');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dondoc-test-'));
  const dumpFile = path.join(dir, 'migrated.tar.gz');
  const handle = await openDatabase({});
  await migrateToLatest(handle.db);
  const pglite = getPglite(handle);
  const dump = await pglite.dumpDataDir('gzip');
  fs.writeFileSync(dumpFile, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  project.provide('pgliteDump', dumpFile);
  return async () => fs.rmSync(dir, { recursive: true, force: true });
}

async function dropRunSchemas(url: string, prefix: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(`select nspname as name from pg_namespace where starts_with(nspname, $1)`, [prefix]);
    for (const { name } of rows) await client.query(`drop schema ${name} cascade`);
  } finally {
    await client.end();
  }
}

function getPglite(handle: Awaited<ReturnType<typeof openDatabase>>): PGlite {
  if (!handle.pglite) throw new Error('expected an embedded database');
  return handle.pglite;
}
