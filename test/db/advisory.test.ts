import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDatabase, type DatabaseHandle } from '../../src/db/index.js';
import { tryJobLock } from '../../src/db/advisory.js';
import { planTick } from '../../src/scheduler/planner.js';
import { createTestDatabase, usingPostgres } from '../helpers/db.js';

const now = new Date('2025-12-01T01:00:00Z');
let mine: DatabaseHandle;
let neighbour: DatabaseHandle;

beforeAll(async () => {
  mine = await createTestDatabase();
  if (usingPostgres) neighbour = await createTestDatabase();
});
afterAll(async () => {
  await mine.close();
  await neighbour?.close();
});

describe('job locks', () => {
  it('are released when the transaction ends', async () => {
    expect(await mine.db.transaction().execute((trx) => tryJobLock(trx, 'planner'))).toBe(true);
    expect(await mine.db.transaction().execute((trx) => tryJobLock(trx, 'planner'))).toBe(true);
    expect((await planTick(mine.db, { now, channels: ['telegram'] })).ran).toBe(true);
  });

  it.skipIf(!usingPostgres)('stop a second instance of the same deployment but not a deployment in another schema', async () => {
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(mine.db);
    const sameSchema = await openDatabase({ databaseUrl: process.env.DATABASE_URL, pgOptions: `-c search_path=${rows[0]!.schema}`, poolSize: 1 });
    try {
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let held!: () => void;
      const holding = new Promise<void>((resolve) => (held = resolve));
      const holder = mine.db.transaction().execute(async (trx) => {
        expect(await tryJobLock(trx, 'planner')).toBe(true);
        held();
        await released;
      });
      await holding;
      try {
        expect((await planTick(sameSchema.db, { now, channels: ['telegram'] })).ran).toBe(false);
        expect((await planTick(neighbour.db, { now, channels: ['telegram'] })).ran).toBe(true);
        // Another job of the same deployment is not held up either.
        expect(await sameSchema.db.transaction().execute((trx) => tryJobLock(trx, 'digest'))).toBe(true);
      } finally {
        release();
        await holder;
      }
      expect((await planTick(sameSchema.db, { now, channels: ['telegram'] })).ran).toBe(true);
    } finally {
      await sameSchema.close();
    }
  });
});
