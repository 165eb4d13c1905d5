/**
 * Named prepared statements for the few statements every chat answer runs (claiming the update
 * with its conversation, the person's task list, a status answer, what the sent messages were
 * about). Postgres then parses and plans each of them once per connection instead of on every
 * call, which at 200 answers a second was more than half of Postgres's CPU (bench/inbound.ts).
 *
 * Only statements run through `runPrepared` are named, so their number stays small and known;
 * their parameters are keys (ids, a chat, a date), for which a generic plan is as good as a
 * custom one. Everything else goes unnamed, as before. PGlite ignores the names.
 *
 * Postgres refuses a prepared statement whose result columns changed under it (a migration that
 * alters a table it reads with `*`): the connection then prepares it afresh under a new name.
 */
import { createHash } from 'node:crypto';
import type { CompiledQuery, QueryResult } from 'kysely';
import type pg from 'pg';
import type { Db } from './index.js';

/** More distinct texts than this (the statements above have a few variants each) are run unnamed. */
const MAX_NAMED = 256;
const names = new Map<string, string>();

/** Runs a query as a named prepared statement on Postgres (plainly on PGlite). */
export async function runPrepared<R>(db: Db, query: { compile(db: Db): CompiledQuery<R> }): Promise<QueryResult<R>> {
  const compiled = query.compile(db);
  if (!names.has(compiled.sql) && names.size < MAX_NAMED) {
    names.set(compiled.sql, `dondoc_${createHash('sha1').update(compiled.sql).digest('hex').slice(0, 24)}`);
  }
  return db.executeQuery(compiled);
}

/** The statement name for a text run through runPrepared, if any. */
export function preparedName(text: string): string | undefined {
  return names.get(text);
}

type QueryFn = (...args: unknown[]) => unknown;

/**
 * Makes a pool client send the texts runPrepared knows as named statements. Kysely calls
 * `client.query(text, values)`; other calls pass through untouched.
 */
export function namePreparedStatements(client: pg.PoolClient): void {
  // Looked up on each call, so whatever wraps the class's method (a test's spy) still sees every statement.
  const query: QueryFn = (...args) => (Object.getPrototypeOf(client) as { query: QueryFn }).query.apply(client, args);
  // Bumped when Postgres refuses a cached plan; the next call prepares under a fresh name.
  let generation = 0;
  const named: QueryFn = (text, values, callback) => {
    const name = typeof text === 'string' && callback === undefined ? preparedName(text) : undefined;
    if (name === undefined) return query(text, values, callback);
    const at = generation;
    return (query({ name: at === 0 ? name : `${name}_${at}`, text, values: values ?? [] }) as Promise<unknown>).catch((error: unknown) => {
      if (isStalePlan(error) && generation === at) generation++;
      throw error;
    });
  };
  (client as unknown as { query: QueryFn }).query = named;
}

/** Postgres's "cached plan must not change result type" (feature_not_supported, 0A000). */
function isStalePlan(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '0A000' && /cached plan/i.test(String((error as Error).message));
}
