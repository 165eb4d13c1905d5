import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/index.js';
import { parsePlanText } from '../../src/import/plan-parser.js';
import { applyPlan, firstPeriod } from '../../src/store/plans.js';
import { addUnitAlias, createUnitResolver } from '../../src/store/unit-resolver.js';
import { ensureUnitPath } from '../../src/store/units.js';
import { createTestDatabase } from '../helpers/db.js';
import { seedsDir } from '../import/seeds.js';

const ORG = [
  'Văn phòng Sở',
  'Phòng Phổ biến, giáo dục pháp luật và Theo dõi thi hành pháp luật',
  'Phòng Xây dựng, kiểm tra văn bản quy phạm pháp luật và Quản lý xử lý vi phạm hành chính',
  'Phòng Hành chính tư pháp',
  'Trung tâm Trợ giúp pháp lý nhà nước',
];
const NOW = new Date('2026-11-23T02:00:00Z');

let handle: DatabaseHandle;
const ids: Record<string, number> = {};

beforeAll(async () => {
  handle = await createTestDatabase();
  ids.root = await ensureUnitPath(handle.db, ['Sở Tư pháp']);
  for (const name of ORG) ids[name] = await ensureUnitPath(handle.db, ['Sở Tư pháp', name]);
  ids.other = await ensureUnitPath(handle.db, ['Sở Tài chính', 'Văn phòng Sở']);
});
afterAll(async () => {
  await handle.close();
});

describe('resolving the unit names a document writes', () => {
  it('matches names without diacritics, abbreviations, close wording and group phrases', async () => {
    const resolver = await createUnitResolver(handle.db, { issuer: 'SỞ TƯ PHÁP' });
    expect(resolver.resolve('VAN PHONG SO')).toEqual({ unitIds: [ids['Văn phòng Sở']], how: 'name' });
    expect(resolver.resolve('Phòng xây dựng, kiểm tra VBQPPL - QLXLVPHC')).toEqual({
      unitIds: [ids['Phòng Xây dựng, kiểm tra văn bản quy phạm pháp luật và Quản lý xử lý vi phạm hành chính']],
      how: 'abbreviation',
    });
    expect(resolver.resolve('Phòng Phổ biến, giáo dục pháp luật - Theo dõi thi hành pháp luật')?.unitIds).toEqual([
      ids['Phòng Phổ biến, giáo dục pháp luật và Theo dõi thi hành pháp luật'],
    ]);
    const all = ORG.map((n) => ids[n]).sort();
    expect(resolver.resolve('Các phòng, đơn vị sự nghiệp thuộc Sở')?.unitIds.sort()).toEqual(all);
    expect(resolver.resolve('các phòng thuộc Sở')?.unitIds.sort()).toEqual(
      ORG.slice(0, 4)
        .map((n) => ids[n])
        .sort(),
    );
    expect(resolver.resolve('Sở Tài chính')).toEqual({ unitIds: [ids.other! - 1], how: 'name' });
  });

  it('prefers the issuing Sở when a name occurs twice, and says nothing when it cannot tell', async () => {
    const inJustice = await createUnitResolver(handle.db, { issuer: 'Sở Tư pháp' });
    expect(inJustice.resolve('Văn phòng Sở')?.unitIds).toEqual([ids['Văn phòng Sở']]);
    const nowhere = await createUnitResolver(handle.db, {});
    expect(nowhere.resolve('Văn phòng Sở')).toBeNull();
    expect(nowhere.resolve('Công an tỉnh')).toBeNull();
  });

  it('uses aliases the office records', async () => {
    await addUnitAlias(handle.db, ids['Trung tâm Trợ giúp pháp lý nhà nước']!, 'TTTGPL');
    const resolver = await createUnitResolver(handle.db, { issuer: 'Sở Tư pháp' });
    expect(resolver.resolve('tttgpl')).toEqual({ unitIds: [ids['Trung tâm Trợ giúp pháp lý nhà nước']], how: 'alias' });
  });
});

describe('storing a plan', () => {
  it('gives each kind of due its first occurrence', () => {
    expect(firstPeriod({ kind: 'date', date: '2026-12-31', rule: null, text: '31/12/2026' }, '2026-11-23').period).toEqual({
      periodKey: 'once',
      dueDate: '2026-12-31',
    });
    expect(firstPeriod({ kind: 'recurring', date: null, rule: 'yearly', text: 'ngày 10/12 hằng năm' }, '2026-11-23').period).toEqual({
      periodKey: '2026',
      dueDate: '2026-12-10',
    });
    expect(firstPeriod({ kind: 'ongoing', date: null, rule: null, text: 'Thường xuyên' }, '2026-11-26').period.dueDate).toBe('2026-12-25');
    expect(firstPeriod({ kind: 'roadmap', date: null, rule: null, text: 'theo lộ trình' }, '2026-11-23').period).toEqual({ periodKey: 'once', dueDate: null });
  });

  it('stores the seed plan with its units, one task per unit for group leads, and updates on re-import', async () => {
    const text = fs.readFileSync(path.join(seedsDir, '004_287c31982e94b98a.txt'), 'utf8');
    const parsed = parsePlanText(text);
    // A document is recognised by its file, or by its number and issuer when the file changed.
    const plan = { ...parsed, document: { ...parsed.document, number: '123/KH-STP' } };
    const source = { fileName: '004.txt', fileHash: 'abc' };
    const first = await handle.db.transaction().execute((trx) => applyPlan(trx, plan, source, NOW));
    expect(first.unresolved).toEqual([]);
    const groupTask = plan.tasks.find((t) => /danh mục các chương trình/.test(t.title))!;
    const expanded = await handle.db.selectFrom('tasks').select(['ref']).where('ref', 'like', `${groupTask.ref}/%`).execute();
    expect(expanded).toHaveLength(ORG.length);
    expect(first.created).toBe(plan.tasks.length - 1 + ORG.length);

    const again = await handle.db.transaction().execute((trx) => applyPlan(trx, plan, source, NOW));
    expect(again).toMatchObject({ documentId: first.documentId, created: 0, updated: 0, unchanged: first.created });
    expect(await handle.db.selectFrom('tasks').select('id').execute()).toHaveLength(first.created);

    const amended = {
      ...plan,
      tasks: plan.tasks.map((t, i) => (i === 0 ? { ...t, due: { kind: 'date' as const, date: '2026-12-15', rule: null, text: 'trước ngày 15/12/2026' } } : t)),
    };
    const third = await handle.db.transaction().execute((trx) => applyPlan(trx, amended, { fileName: '004-sua.txt', fileHash: 'def' }, NOW));
    expect(third).toMatchObject({ created: 0, updated: 1 });
    expect(third.documentId).toBe(first.documentId);
    const occ = await handle.db
      .selectFrom('occurrences as o')
      .innerJoin('tasks as t', 't.id', 'o.task_id')
      .select('o.due_date')
      .where('t.ref', '=', plan.tasks[0]!.ref)
      .executeTakeFirstOrThrow();
    expect(occ.due_date).toBe('2026-12-15');
  });

  it('reports names it cannot resolve and still imports the task', async () => {
    const plan = {
      document: { number: '9/KH-X', date: null, issuer: 'Sở Tư pháp' },
      tasks: [
        {
          ref: '1',
          title: 'Việc của Công an',
          lead: ['Công an tỉnh'],
          support: ['Văn phòng Sở'],
          due: { kind: 'none' as const, date: null, rule: null, text: '' },
        },
      ],
    };
    const report = await handle.db.transaction().execute((trx) => applyPlan(trx, plan, { fileName: 'x.txt', fileHash: 'x' }, NOW));
    expect(report).toMatchObject({ created: 1, unresolved: ['Công an tỉnh'] });
  });
});
