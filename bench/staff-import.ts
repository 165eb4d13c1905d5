/**
 * `npm run bench:staff [-- --rows 100000]`: the staff list import at province scale, as the CLI
 * and the office workbench run it: read and check a CSV file, preview it against the stored
 * people, store it in one transaction. On the embedded PGlite (what `npm start` uses without
 * DATABASE_URL), or on Postgres in a schema of its own when DATABASE_URL is set. For comparison,
 * the former way (one transaction and one upsert per person) on a sample. Prints figures;
 * asserts nothing.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { openDatabase, type DatabaseHandle, type Db } from '../src/db/index.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { readStaffFile } from '../src/import/staff-file.js';
import { applyStaffImport, previewStaffImport } from '../src/store/staff-import.js';
import { upsertStaff } from '../src/store/staff.js';
import { ensureUnitPath } from '../src/store/units.js';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '100000' }, sample: { type: 'string', default: '2000' } } });
const ROWS = Number(values.rows);
const SAMPLE = Number(values.sample);
const now = new Date('2026-12-01T02:00:00Z');
const n = (x: number) => Math.round(x).toLocaleString('en-US');

/** A province: 20 Sở with 8 phòng each, people spread over them, semicolons and CRLF as Excel writes. */
function csv(rows: number, offset = 0): Buffer {
  const lines = ['Họ tên;Đơn vị;Vai trò;Số điện thoại'];
  for (let i = 0; i < rows; i++) {
    const unit = `UBND tỉnh Bình An / Sở ${(i % 20) + 1} / Phòng ${(i % 8) + 1}`;
    lines.push(`Nguyễn Văn Người ${i};${unit};${i % 50 === 0 ? 'Trưởng phòng' : 'chuyên viên'};09${String(offset + i).padStart(8, '0')}`);
  }
  return Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8');
}

async function open(): Promise<{ handle: DatabaseHandle; where: string; drop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const handle = await openDatabase({});
    await migrateToLatest(handle.db);
    return { handle, where: 'embedded PGlite (in memory)', drop: async () => {} };
  }
  const schema = `bench_staff_${randomBytes(4).toString('hex')}`;
  const handle = await openDatabase({ databaseUrl: url, pgOptions: `-c search_path=${schema}`, poolSize: 2 });
  await sql.raw(`create schema ${schema}`).execute(handle.db);
  await migrateToLatest(handle.db, schema);
  return { handle, where: `Postgres, schema ${schema}`, drop: async () => void (await sql.raw(`drop schema ${schema} cascade`).execute(handle.db)) };
}

async function importOnce(db: Db, bytes: Buffer): Promise<{ read: number; preview: number; store: number; added: number }> {
  const t0 = performance.now();
  const table = await readStaffFile(bytes, 'people.csv');
  const t1 = performance.now();
  let previewMs = 0;
  let added = 0;
  await db.transaction().execute(async (trx) => {
    const preview = await previewStaffImport(trx, table.rows);
    previewMs = performance.now() - t1;
    added = preview.counts.add;
    await applyStaffImport(trx, table.rows, now);
  });
  return { read: t1 - t0, preview: previewMs, store: performance.now() - t1 - previewMs, added };
}

async function main(): Promise<void> {
  const { handle, where, drop } = await open();
  try {
    console.log(`staff import on ${where}, ${n(ROWS)} rows`);
    const bytes = csv(ROWS);
    const first = await importOnce(handle.db, bytes);
    const total = first.read + first.preview + first.store;
    console.log(`  first import: read+check ${n(first.read)} ms, preview ${n(first.preview)} ms, store ${n(first.store)} ms`);
    console.log(`  ${n(first.added)} people added in ${n(total)} ms = ${n((ROWS / total) * 1000)} rows/s`);
    const again = await importOnce(handle.db, bytes);
    const againTotal = again.read + again.preview + again.store;
    console.log(`  same file again (nothing to change): ${n(againTotal)} ms = ${n((ROWS / againTotal) * 1000)} rows/s`);
    const old = csv(SAMPLE, 50_000_000);
    const table = await readStaffFile(old, 'people.csv');
    const t0 = performance.now();
    for (const row of table.rows) {
      await handle.db.transaction().execute(async (trx) => {
        const unitId = await ensureUnitPath(trx, row.unitPath);
        await upsertStaff(trx, { name: row.name, unitId, role: row.role, phone: row.phone }, now);
      });
    }
    const oldMs = performance.now() - t0;
    console.log(`  former per-person transactions, ${n(SAMPLE)} rows: ${n(oldMs)} ms = ${n((SAMPLE / oldMs) * 1000)} rows/s`);
    const rss = process.memoryUsage().rss / 1024 / 1024;
    console.log(`  peak-ish RSS at the end: ${n(rss)} MB`);
    await drop();
  } finally {
    await handle.close();
  }
}

await main();
