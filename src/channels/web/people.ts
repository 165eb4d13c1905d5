/** The demo picker's side of the web chat: linking this browser to the person picked. */
import type { Db } from '../../db/index.js';
import type { Staff } from '../../db/schema.js';
import type { Locale } from '../../domain/types.js';
import { getActiveStaff, setStaffLocale } from '../../store/staff.js';
import { getUnit } from '../../store/units.js';
import { linkWebChat } from '../../store/web-chat.js';
import { restartChat, type ChatSession } from './chat-session.js';

/**
 * Makes this browser's chat act as a staff member (demo mode only): a fresh chat, linked on the
 * web channel; the person's previous web chat elsewhere, if any, is unlinked (one web chat each).
 */
export async function pickPerson(
  db: Db,
  session: ChatSession,
  staffId: number,
  locale: Locale,
  now: Date,
): Promise<{ chatKey: string; staff: Staff } | undefined> {
  return db.transaction().execute(async (trx) => {
    const staff = await getActiveStaff(trx, staffId);
    if (!staff) return undefined;
    const chatKey = await restartChat(trx, session);
    await linkWebChat(trx, staff, chatKey, now);
    if (staff.locale !== locale) await setStaffLocale(trx, staffId, locale, now);
    return { chatKey, staff: { ...staff, locale } };
  });
}

export async function unitName(db: Db, unitId: number): Promise<string> {
  return (await getUnit(db, unitId))?.name ?? '';
}
