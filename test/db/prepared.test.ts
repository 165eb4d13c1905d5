/**
 * Named prepared statements (src/db/prepared.ts): on Postgres a statement run through runPrepared
 * is sent with a name, so the server parses and plans it once per connection; other statements
 * stay unnamed; a plan Postgres refuses after a table changed under it is prepared afresh on the
 * next call. On PGlite runPrepared simply runs the query.
 */
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '../../src/db/index.js';
import { preparedName, runPrepared } from '../../src/db/prepared.js';
import { createTestDatabase, usingPostgres } from '../helpers/db.js';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
  await sql`create table prepared_probe (id int primary key, label text)`.execute(handle.db);
  await sql`insert into prepared_probe values (1, 'một'), (2, 'hai')`.execute(handle.db);
});
afterAll(async () => {
  await handle.close();
});

describe('runPrepared', () => {
  it('returns what the query returns', async () => {
    const { rows } = await runPrepared(
      handle.db,
      handle.db
        .selectFrom('prepared_probe' as never)
        .select(sql<string>`label`.as('label'))
        .where(sql`id`, '=', 2),
    );
    expect(rows).toEqual([{ label: 'hai' }]);
  });

  it.runIf(usingPostgres)('sends the statement with a name on Postgres, and others without', async () => {
    const spy = vi.spyOn(pg.Client.prototype, 'query');
    try {
      const query = sql<{ label: string }>`select label from prepared_probe where id = ${1}`;
      await runPrepared(handle.db, query);
      await runPrepared(handle.db, query);
      await sql`select label from prepared_probe where id >= ${2}`.execute(handle.db);
      const sent = spy.mock.calls.map((call) => call[0] as unknown);
      const named = sent.filter((c): c is { name: string; text: string } => typeof c === 'object' && c !== null && 'name' in c);
      expect(named).toHaveLength(2);
      expect(named[0]!.name).toBe(preparedName(named[0]!.text));
      expect(named[0]!.name).toMatch(/^dondoc_[0-9a-f]{24}$/);
      expect(sent.at(-1)).toBe('select label from prepared_probe where id >= $1');
    } finally {
      spy.mockRestore();
    }
  });

  it.runIf(usingPostgres)('prepares afresh when the table it reads changed under it', async () => {
    // One connection, so the second call meets the statement the first one prepared.
    await handle.db.connection().execute(async (db) => {
      const query = sql<Record<string, unknown>>`select * from prepared_probe where id = ${1}`;
      expect((await runPrepared(db, query)).rows).toEqual([{ id: 1, label: 'một' }]);
      await sql`alter table prepared_probe add column note text`.execute(db);
      // Postgres refuses the old plan once ("cached plan must not change result type") …
      await expect(runPrepared(db, query)).rejects.toMatchObject({ code: '0A000' });
      // … and the next call prepares it again under a new name.
      expect((await runPrepared(db, query)).rows).toEqual([{ id: 1, label: 'một', note: null }]);
    });
  });
});
