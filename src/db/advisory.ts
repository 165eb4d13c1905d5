/**
 * Transaction-scoped advisory locks for dondoc's jobs. Postgres advisory locks are database-wide,
 * so the key pairs the job number with a hash of the current schema: two deployments (or two test
 * files) sharing one database in different schemas never block each other, while every instance
 * of one deployment contends for the same lock.
 */
import { sql } from 'kysely';
import type { Db } from './index.js';

/** Job numbers, the second half of the lock key. */
export const LOCK_JOBS = { planner: 1, digest: 2, demo: 6, rounds: 7 } as const;
export type LockJob = keyof typeof LOCK_JOBS;

const key = (job: LockJob) => sql`hashtext('dondoc:' || current_schema()), ${sql.lit(LOCK_JOBS[job])}::int`;

/** Takes the lock for `job` until the transaction ends, or returns false when another session holds it. */
export async function tryJobLock(trx: Db, job: LockJob): Promise<boolean> {
  const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(${key(job)}) as locked`.execute(trx);
  return rows[0]?.locked === true;
}

/** Waits for the lock for `job` and holds it until the transaction ends. */
export async function jobLock(trx: Db, job: LockJob): Promise<void> {
  await sql`select pg_advisory_xact_lock(${key(job)})`.execute(trx);
}
