/** The demo picker's side of the web chat: the people to choose from, and linking this browser to one. */
import type { Db } from '../../db/index.js';
import type { Staff } from '../../db/schema.js';
import type { Locale } from '../../domain/types.js';
import { setStaffLocale } from '../../store/staff.js';
import { restartChat, type ChatSession } from './chat-session.js';
import type { PickerPerson } from './page.js';

const ROLE_ORDER = ['leader', 'admin', 'unit_head', 'staff'];

export async function pickerPeople(db: Db): Promise<PickerPerson[]> {
  const rows = await db
    .selectFrom('staff as s')
    .innerJoin('units as u', 'u.id', 's.unit_id')
    .select(['s.id', 's.name', 's.role', 's.name_folded', 'u.id as unitId', 'u.name as unitName', 'u.depth as unitDepth'])
    .where('s.active', '=', true)
    .execute();
  return rows
    .sort((a, b) => a.unitDepth - b.unitDepth || a.unitId - b.unitId || ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || a.name_folded.localeCompare(b.name_folded))
    .map((r) => ({ id: r.id, name: r.name, role: r.role, unitName: r.unitName, unitDepth: r.unitDepth }));
}

/**
 * Makes this browser's chat act as a staff member (demo mode only): a fresh chat, linked on the
 * web channel; the person's previous web chat elsewhere, if any, is unlinked (one web chat each).
 */
export async function pickPerson(db: Db, session: ChatSession, staffId: number, locale: Locale, now: Date): Promise<{ chatKey: string; staff: Staff } | undefined> {
  return db.transaction().execute(async (trx) => {
    const staff = await trx.selectFrom('staff').selectAll().where('id', '=', staffId).where('active', '=', true).executeTakeFirst();
    if (!staff) return undefined;
    const chatKey = await restartChat(trx, session);
    await trx.deleteFrom('chat_links').where('channel', '=', 'web').where('staff_id', '=', staffId).execute();
    await trx
      .insertInto('chat_links')
      .values({ staff_id: staffId, channel: 'web', user_id: chatKey, chat_id: chatKey, display_name: staff.name, linked_at: now, last_seen_at: now })
      .execute();
    if (staff.locale !== locale) await setStaffLocale(trx, staffId, locale, now);
    return { chatKey, staff: { ...staff, locale } };
  });
}

export async function unitName(db: Db, unitId: number): Promise<string> {
  const row = await db.selectFrom('units').select('name').where('id', '=', unitId).executeTakeFirst();
  return row?.name ?? '';
}
