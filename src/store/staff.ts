/** Staff members: imported from the office's list, identified by phone number. */
import type { Db } from '../db/index.js';
import type { Staff } from '../db/schema.js';
import { fold } from '../domain/text.js';
import type { Locale, Role } from '../domain/types.js';

export interface StaffInput {
  name: string;
  unitId: number;
  role: Role;
  phone: string;
}

/** Inserts or updates a staff member by phone; returns whether anything changed. */
export async function upsertStaff(db: Db, input: StaffInput, now: Date): Promise<'created' | 'updated' | 'unchanged'> {
  const existing = await db.selectFrom('staff').selectAll().where('phone', '=', input.phone).executeTakeFirst();
  if (!existing) {
    await db
      .insertInto('staff')
      .values({ name: input.name, name_folded: fold(input.name), unit_id: input.unitId, role: input.role, phone: input.phone, updated_at: now })
      .execute();
    return 'created';
  }
  if (existing.name === input.name && existing.unit_id === input.unitId && existing.role === input.role && existing.active) {
    return 'unchanged';
  }
  await db
    .updateTable('staff')
    .set({ name: input.name, name_folded: fold(input.name), unit_id: input.unitId, role: input.role, active: true, updated_at: now })
    .where('id', '=', existing.id)
    .execute();
  return 'updated';
}

/** Whether anyone active has a phone outside `phones` (someone who is not in the demo organisation). */
export async function hasStaffOutside(db: Db, phones: readonly string[]): Promise<boolean> {
  const row = await db
    .selectFrom('staff')
    .select('id')
    .where('active', '=', true)
    .where('phone', 'not in', [...phones])
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function findStaffByPhone(db: Db, phone: string): Promise<Staff | undefined> {
  return db.selectFrom('staff').selectAll().where('phone', '=', phone).executeTakeFirst();
}

export async function getStaff(db: Db, id: number): Promise<Staff | undefined> {
  return db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A person's name; empty when unknown (a request by someone since removed). */
export async function staffName(db: Db, id: number | null): Promise<string> {
  if (id === null) return '';
  const row = await db.selectFrom('staff').select('name').where('id', '=', id).executeTakeFirst();
  return row?.name ?? '';
}

/** Names of several people by id (the CLI's delivery report). */
export async function staffNames(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('staff')
    .select(['id', 'name'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** /digest on|off. */
export async function setDigestEnabled(db: Db, staffId: number, enabled: boolean, now: Date): Promise<void> {
  await db.updateTable('staff').set({ digest_enabled: enabled, updated_at: now }).where('id', '=', staffId).execute();
}

/** An active staff member by id (who a web chat or dashboard session acts as). */
export async function getActiveStaff(db: Db, id: number): Promise<Staff | undefined> {
  return db.selectFrom('staff').selectAll().where('id', '=', id).where('active', '=', true).executeTakeFirst();
}

export async function setStaffLocale(db: Db, staffId: number, locale: Locale, now: Date): Promise<void> {
  await db.updateTable('staff').set({ locale, updated_at: now }).where('id', '=', staffId).execute();
}
