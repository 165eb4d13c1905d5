/**
 * Runs once per test run: migrates a fresh PGlite and dumps its data dir, so each test file
 * starts from a copy (~0.4 s) instead of initdb plus migrations (~3 s). On Postgres
 * (DATABASE_URL set) each file makes its own schema instead.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/index.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import type { PGlite } from '@electric-sql/pglite';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDump: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  if (process.env.DATABASE_URL) {
    project.provide('pgliteDump', '');
    return () => undefined;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dondoc-test-'));
  const dumpFile = path.join(dir, 'migrated.tar.gz');
  const handle = await openDatabase({});
  await migrateToLatest(handle.db);
  const pglite = getPglite(handle);
  const dump = await pglite.dumpDataDir('gzip');
  fs.writeFileSync(dumpFile, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  project.provide('pgliteDump', dumpFile);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

function getPglite(handle: Awaited<ReturnType<typeof openDatabase>>): PGlite {
  if (!handle.pglite) throw new Error('expected an embedded database');
  return handle.pglite;
}
