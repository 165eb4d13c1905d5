/** Organisation-wide settings (key → JSON): the nudge policy, the scheduler's daily bookkeeping. */
import type { z } from 'zod';
import type { Db } from '../db/index.js';

/** The stored value as it is; undefined when the key is not set. */
export async function getSetting(db: Db, key: string): Promise<unknown>;
/** The stored value read through `schema`; undefined when the key is not set or holds something else. */
export async function getSetting<T>(db: Db, key: string, schema: z.ZodType<T>): Promise<T | undefined>;
export async function getSetting<T>(db: Db, key: string, schema?: z.ZodType<T>): Promise<unknown> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  if (!row) return undefined;
  if (!schema) return row.value;
  const parsed = schema.safeParse(row.value);
  return parsed.success ? parsed.data : undefined;
}

export async function setSetting(db: Db, key: string, value: unknown, now: Date): Promise<void> {
  const json = JSON.stringify(value);
  await db
    .insertInto('settings')
    .values({ key, value: json, updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: now }))
    .execute();
}
