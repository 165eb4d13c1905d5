import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import type { DatabaseHandle } from '../../src/db/index.js';
import { loadDemo, readDemoPlan } from '../../src/demo/load.js';
import { createDemoGate, demoWanted } from '../../src/demo/mode.js';
import { DEMO_PEOPLE } from '../../src/demo/organisation.js';
import { fixedClock } from '../../src/domain/time.js';
import { upsertStaff } from '../../src/store/staff.js';
import { ensureUnitPath } from '../../src/store/units.js';
import { cliRunner } from '../helpers/cli.js';
import { createTestDatabase } from '../helpers/db.js';

const clock = fixedClock('2026-11-24T02:00:00Z');
const today = '2026-11-24';

async function counts(db: DatabaseHandle['db']) {
  const n = async (table: 'units' | 'staff' | 'tasks' | 'occurrences' | 'updates' | 'documents' | 'task_owners' | 'link_codes') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    units: await n('units'),
    staff: await n('staff'),
    documents: await n('documents'),
    tasks: await n('tasks'),
    occurrences: await n('occurrences'),
    updates: await n('updates'),
    owners: await n('task_owners'),
    codes: await n('link_codes'),
  };
}

describe('the demo organisation', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => {
    await handle.close();
  });

  it('loads a Sở Tư pháp with its units, a dozen people with every role, and the tasks of the seed plan', async () => {
    const result = await loadDemo(handle.db, clock.now(), { linkCodeTtlDays: 7 });
    expect(result).toMatchObject({ loaded: true, units: 5, people: DEMO_PEOPLE.length });
    const roles = await handle.db.selectFrom('staff').select('role').distinct().execute();
    expect(roles.map((r) => r.role).sort()).toEqual(['admin', 'leader', 'staff', 'unit_head']);
    expect(DEMO_PEOPLE.length).toBeGreaterThanOrEqual(12);
    const units = await handle.db.selectFrom('units').select('name').orderBy('id').execute();
    expect(units.map((u) => u.name)).toEqual(expect.arrayContaining(['Sở Tư pháp', 'Văn phòng Sở', 'Phòng Xây dựng, kiểm tra VBQPPL - QLXLVPHC']));
    // Every task of the plan is there (a task led by "the phòng and centres" becomes one per unit).
    const titles = new Set((await handle.db.selectFrom('tasks').select('title').execute()).map((t) => t.title));
    for (const task of readDemoPlan().tasks) expect(titles.has(task.title), task.title).toBe(true);
  });

  it('tells a story around today: some late, some blocked with a reason, some done, an extension waiting', async () => {
    const open = ['open', 'in_progress', 'blocked'];
    const rows = await handle.db.selectFrom('occurrences').select(['status', 'due_date', 'last_note']).execute();
    const late = rows.filter((r) => open.includes(r.status) && r.due_date! < today);
    expect(late.length).toBeGreaterThanOrEqual(3);
    expect(rows.filter((r) => r.status === 'blocked' && r.last_note).length).toBeGreaterThanOrEqual(2);
    expect(rows.filter((r) => r.status === 'done').length).toBeGreaterThanOrEqual(2);
    expect(rows.filter((r) => open.includes(r.status) && r.due_date! >= today).length).toBeGreaterThanOrEqual(3);
    const waiting = await handle.db.selectFrom('updates').select('id').where('kind', '=', 'extension_request').execute();
    expect(waiting).toHaveLength(1);
    const unowned = await handle.db
      .selectFrom('tasks as t')
      .select('t.id')
      .where((eb) => eb.not(eb.exists(eb.selectFrom('task_owners as w').select('w.task_id').whereRef('w.task_id', '=', 't.id'))))
      .execute();
    expect(unowned).toEqual([]);
  });

  it('loading it twice changes nothing', async () => {
    const before = await counts(handle.db);
    expect(await loadDemo(handle.db, clock.now(), { linkCodeTtlDays: 7 })).toEqual({ loaded: false, reason: 'already_loaded' });
    const cli = cliRunner(handle.db, clock);
    const again = await cli('demo');
    expect(again.code).toBe(0);
    expect(again.stdout.join('\n')).toContain('đã có sẵn');
    expect(await counts(handle.db)).toEqual(before);
  });

  it('is never loaded over a real organisation', async () => {
    const real = await createTestDatabase();
    try {
      const unit = await ensureUnitPath(real.db, ['UBND tỉnh', 'Sở Nội vụ']);
      await upsertStaff(real.db, { name: 'Người Thật', unitId: unit, role: 'staff', phone: '0911222333' }, clock.now());
      expect(await loadDemo(real.db, clock.now(), { linkCodeTtlDays: 7 })).toEqual({ loaded: false, reason: 'not_empty' });
      const result = await cliRunner(real.db, clock)('demo');
      expect(result.code).toBe(1);
      expect(result.stderr.join('\n')).toContain('không nạp');
      expect(await counts(real.db)).toMatchObject({ units: 2, staff: 1, tasks: 0 });
      const gate = createDemoGate(parseConfig({ DEMO: '1' }), real.db);
      expect(await gate.active()).toBe(false);
    } finally {
      await real.close();
    }
  });
});

describe('demo mode', () => {
  it('is on with no chat token or DEMO=1, and off with a token or DEMO=0', () => {
    expect(demoWanted(parseConfig({}))).toBe(true);
    expect(demoWanted(parseConfig({ DEMO: '1', TELEGRAM_BOT_TOKEN: '1:abc' }))).toBe(true);
    expect(demoWanted(parseConfig({ TELEGRAM_BOT_TOKEN: '1:abc' }))).toBe(false);
    expect(demoWanted(parseConfig({ ZALO_BOT_TOKEN: 'zalo-token' }))).toBe(false);
    expect(demoWanted(parseConfig({ DEMO: '0' }))).toBe(false);
  });
});
