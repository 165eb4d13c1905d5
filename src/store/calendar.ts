/** The admin's calendar overrides: a date marked 'off' or 'work' wins over the holiday table. */
import type { Db } from '../db/index.js';
import type { CalendarOverrides } from '../domain/calendar.js';
import type { DayMark } from '../domain/holidays-vn.js';

export async function loadCalendarOverrides(db: Db): Promise<CalendarOverrides> {
  const rows = await db.selectFrom('calendar_overrides').select(['date', 'mark']).execute();
  return new Map(rows.map((r) => [r.date, r.mark]));
}

export interface CalendarOverride {
  date: string;
  mark: DayMark;
  note: string | null;
}

/** The overrides from `from` to `to` (inclusive), in date order. */
export async function overridesBetween(db: Db, from: string, to: string): Promise<CalendarOverride[]> {
  return db.selectFrom('calendar_overrides').select(['date', 'mark', 'note']).where('date', '>=', from).where('date', '<=', to).orderBy('date').execute();
}

export async function setCalendarOverride(db: Db, date: string, mark: DayMark, note: string | null, now: Date): Promise<void> {
  await db
    .insertInto('calendar_overrides')
    .values({ date, mark, note, updated_at: now })
    .onConflict((oc) => oc.column('date').doUpdateSet({ mark, note, updated_at: now }))
    .execute();
}

export async function removeCalendarOverride(db: Db, date: string): Promise<void> {
  await db.deleteFrom('calendar_overrides').where('date', '=', date).execute();
}
