/** The organisation tree: units with a closure table so that "this unit and everything under it" is one join. */
import { sql } from 'kysely';
import type { Db } from '../db/index.js';
import { fold, squash } from '../domain/text.js';

export const PATH_SEPARATOR = ' / ';

/** Splits "Sở Tư pháp / Văn phòng Sở" into its names; empty parts are dropped. */
export function splitUnitPath(path: string): string[] {
  return path
    .split('/')
    .map((part) => squash(part))
    .filter((part) => part.length > 0);
}

/** Returns the id of the unit at this path, creating every missing level (and its closure rows). */
export async function ensureUnitPath(db: Db, names: string[]): Promise<number> {
  if (names.length === 0) throw new Error('empty unit path');
  let parentId: number | null = null;
  let path = '';
  for (const [depth, name] of names.entries()) {
    path = depth === 0 ? name : `${path}${PATH_SEPARATOR}${name}`;
    const existing = await db.selectFrom('units').select('id').where('path', '=', path).executeTakeFirst();
    if (existing) {
      parentId = existing.id;
      continue;
    }
    const created: { id: number } = await db
      .insertInto('units')
      .values({ parent_id: parentId, name, name_folded: fold(name), path, depth })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('unit_closure')
      .columns(['ancestor_id', 'unit_id', 'depth'])
      .expression(
        db
          .selectFrom('unit_closure')
          .select(['ancestor_id', sql.lit(created.id).as('unit_id'), sql<number>`depth + 1`.as('depth')])
          .where('unit_id', '=', parentId ?? -1)
          .unionAll(db.selectNoFrom([sql.lit(created.id).as('ancestor_id'), sql.lit(created.id).as('unit_id'), sql.lit(0).as('depth')])),
      )
      .execute();
    parentId = created.id;
  }
  return parentId as number;
}

export async function findUnitByPath(db: Db, path: string) {
  return db.selectFrom('units').selectAll().where('path', '=', splitUnitPath(path).join(PATH_SEPARATOR)).executeTakeFirst();
}

/** Units whose folded name equals the given name (several when the same name appears under different parents). */
export async function findUnitsByName(db: Db, name: string) {
  return db.selectFrom('units').selectAll().where('name_folded', '=', fold(name)).orderBy('depth').execute();
}

export async function getUnit(db: Db, id: number) {
  return db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Whether the organisation has no unit and no staff yet (the demo loads only into an empty database). */
export async function organisationIsEmpty(db: Db): Promise<boolean> {
  const unit = await db.selectFrom('units').select('id').limit(1).executeTakeFirst();
  const staff = await db.selectFrom('staff').select('id').limit(1).executeTakeFirst();
  return !unit && !staff;
}

/** The organisation's top unit (the issuer of its reports). */
export async function rootUnitName(db: Db): Promise<string | undefined> {
  const row = await db.selectFrom('units').select('name').where('parent_id', 'is', null).orderBy('id').limit(1).executeTakeFirst();
  return row?.name;
}

export async function rootUnitId(db: Db): Promise<number | undefined> {
  const row = await db.selectFrom('units').select('id').where('parent_id', 'is', null).orderBy('id').limit(1).executeTakeFirst();
  return row?.id;
}
