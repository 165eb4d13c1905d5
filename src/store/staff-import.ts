/**
 * Storing a checked staff list: first what it would do (people to add, to change, unchanged),
 * then applying it in batches — one upsert per thousand people instead of a transaction per
 * person, so a province's list of 100 000 goes in within seconds. The caller owns the
 * transaction; the command line and the office workbench call the same two functions.
 */
import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../db/index.js';
import { fold } from '../domain/text.js';
import { ROLES, type Role } from '../domain/types.js';
import type { StaffRow } from '../import/staff-file.js';
import { ensureUnitPath, PATH_SEPARATOR } from './units.js';

const BATCH = 1000;

export interface StaffBefore {
  name: string;
  unitPath: string;
  role: Role;
  active: boolean;
}

export type StaffChange = { kind: 'add'; row: StaffRow } | { kind: 'change'; row: StaffRow; before: StaffBefore } | { kind: 'same'; row: StaffRow };

export interface StaffPreview {
  changes: StaffChange[];
  counts: { add: number; change: number; same: number };
}

function chunks<T>(items: readonly T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** What storing these rows would do, compared with the people already stored (by phone). */
export async function previewStaffImport(db: Db, rows: readonly StaffRow[]): Promise<StaffPreview> {
  const existing = new Map<string, StaffBefore>();
  for (const batch of chunks(rows, 5000)) {
    const found = await db
      .selectFrom('staff')
      .innerJoin('units', 'units.id', 'staff.unit_id')
      .select(['staff.phone', 'staff.name', 'staff.role', 'staff.active', 'units.path'])
      .where(
        'staff.phone',
        'in',
        batch.map((r) => r.phone),
      )
      .execute();
    for (const f of found) existing.set(f.phone, { name: f.name, unitPath: f.path, role: f.role, active: f.active });
  }
  const preview: StaffPreview = { changes: [], counts: { add: 0, change: 0, same: 0 } };
  for (const row of rows) {
    const before = existing.get(row.phone);
    const change: StaffChange = !before
      ? { kind: 'add', row }
      : before.name === row.name && before.unitPath === row.unitPath.join(PATH_SEPARATOR) && before.role === row.role && before.active
        ? { kind: 'same', row }
        : { kind: 'change', row, before };
    preview.changes.push(change);
    preview.counts[change.kind]++;
  }
  return preview;
}

/**
 * Stores the rows: creates missing units, then inserts or updates people a batch at a time
 * (a person whose name, unit and role are already as written is not touched). `progress` is
 * called after each batch with the rows done so far.
 */
export async function applyStaffImport(db: Db, rows: readonly StaffRow[], now: Date, progress?: (done: number, total: number) => void): Promise<void> {
  const unitIds = new Map<string, number>();
  for (const row of rows) {
    const key = row.unitPath.join(PATH_SEPARATOR);
    if (!unitIds.has(key)) unitIds.set(key, await ensureUnitPath(db, row.unitPath));
  }
  let done = 0;
  for (const batch of chunks(rows)) {
    await db
      .insertInto('staff')
      .values(
        batch.map((r) => ({
          name: r.name,
          name_folded: fold(r.name),
          unit_id: unitIds.get(r.unitPath.join(PATH_SEPARATOR))!,
          role: r.role,
          phone: r.phone,
          updated_at: now,
        })),
      )
      .onConflict((oc) =>
        oc
          .column('phone')
          .doUpdateSet({
            name: (eb) => eb.ref('excluded.name'),
            name_folded: (eb) => eb.ref('excluded.name_folded'),
            unit_id: (eb) => eb.ref('excluded.unit_id'),
            role: (eb) => eb.ref('excluded.role'),
            active: true,
            updated_at: (eb) => eb.ref('excluded.updated_at'),
          })
          .where(sql<boolean>`(staff.name, staff.unit_id, staff.role, staff.active) is distinct from (excluded.name, excluded.unit_id, excluded.role, true)`),
      )
      .execute();
    done += batch.length;
    progress?.(done, rows.length);
  }
}

const draftRows = z.array(
  z.object({
    line: z.number().int(),
    name: z.string().min(1),
    unitPath: z.array(z.string().min(1)).min(1),
    role: z.enum(ROLES),
    phone: z.string().min(1),
  }),
);

/** Keeps checked rows until the office confirms them; returns the draft's id. */
export async function createStaffImportDraft(db: Db, draft: { staffId: number; fileName: string; rows: readonly StaffRow[]; now: Date }): Promise<number> {
  const row = await db
    .insertInto('staff_import_drafts')
    .values({ staff_id: draft.staffId, file_name: draft.fileName, rows: JSON.stringify(draft.rows), created_at: draft.now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export type DraftClaim = { ok: true; fileName: string; rows: StaffRow[] } | { ok: false; reason: 'unknown' | 'decided' };

/**
 * Marks a pending draft of this person confirmed and returns its rows: one atomic update, so a
 * form sent twice applies once. Run it in the transaction that stores the rows.
 */
export async function claimStaffImportDraft(db: Db, id: number, staffId: number, now: Date): Promise<DraftClaim> {
  const claimed = await db
    .updateTable('staff_import_drafts')
    .set({ status: 'confirmed', decided_at: now })
    .where('id', '=', id)
    .where('staff_id', '=', staffId)
    .where('status', '=', 'pending')
    .returning(['file_name', 'rows'])
    .executeTakeFirst();
  if (claimed) return { ok: true, fileName: claimed.file_name, rows: draftRows.parse(claimed.rows) };
  const exists = await db.selectFrom('staff_import_drafts').select('id').where('id', '=', id).where('staff_id', '=', staffId).executeTakeFirst();
  return { ok: false, reason: exists ? 'decided' : 'unknown' };
}

/** Drops drafts older than a day (decided or forgotten). */
export async function pruneStaffImportDrafts(db: Db, now: Date): Promise<void> {
  await db
    .deleteFrom('staff_import_drafts')
    .where('created_at', '<', new Date(now.getTime() - 86_400_000))
    .execute();
}
