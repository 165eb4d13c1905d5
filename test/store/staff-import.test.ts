import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KyselyPlugin } from 'kysely';
import type { DatabaseHandle } from '../../src/db/index.js';
import type { StaffRow } from '../../src/import/staff-file.js';
import { applyStaffImport, previewStaffImport } from '../../src/store/staff-import.js';
import { createTestDatabase } from '../helpers/db.js';

let handle: DatabaseHandle;
const now = new Date('2026-12-01T02:00:00Z');

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle.close();
});

function people(n: number, unit = 'Tỉnh X / Sở Y / Phòng Z'): StaffRow[] {
  return Array.from({ length: n }, (_, i) => ({
    line: i + 2,
    name: `Cán bộ ${i}`,
    unitPath: unit.split(' / '),
    role: 'staff' as const,
    phone: `09${String(10_000_000 + i).padStart(8, '0')}`,
  }));
}

/** Counts the statements a piece of work sends to the database. */
function counting() {
  let count = 0;
  const plugin: KyselyPlugin = {
    transformQuery: (args) => {
      count++;
      return args.node;
    },
    transformResult: (args) => Promise.resolve(args.result),
  };
  return { db: handle.db.withPlugin(plugin), count: () => count };
}

describe('storing a staff list', () => {
  it('stores 2 500 people in batches, not one statement per person', async () => {
    const rows = people(2500);
    const counter = counting();
    const seen: number[] = [];
    await counter.db.transaction().execute((trx) => applyStaffImport(trx, rows, now, (done) => seen.push(done)));
    expect(seen).toEqual([1000, 2000, 2500]);
    expect(counter.count()).toBeLessThan(20);
    const stored = await handle.db
      .selectFrom('staff')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(2500);
  });

  it('previews adds, changes and unchanged rows, then touches only the changed people', async () => {
    const rows = people(3);
    rows[1] = { ...rows[1]!, name: 'Tên mới' };
    rows.push({ line: 9, name: 'Người mới', unitPath: ['Tỉnh X', 'Sở Y'], role: 'unit_head', phone: '0988000000' });
    const preview = await previewStaffImport(handle.db, rows);
    expect(preview.counts).toEqual({ add: 1, change: 1, same: 2 });
    expect(preview.changes[1]).toMatchObject({ kind: 'change', before: { name: 'Cán bộ 1', unitPath: 'Tỉnh X / Sở Y / Phòng Z' } });
    const later = new Date(now.getTime() + 60_000);
    await handle.db.transaction().execute((trx) => applyStaffImport(trx, rows, later));
    const touched = await handle.db.selectFrom('staff').select('name').where('updated_at', '=', later).orderBy('name').execute();
    expect(touched.map((r) => r.name)).toEqual(['Người mới', 'Tên mới']);
  });
});
