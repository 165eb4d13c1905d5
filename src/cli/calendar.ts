/**
 * `calendar list [--year YYYY]`, `calendar off|work DATE [--note TEXT]`, `calendar clear DATE`:
 * the office's own days off and extra working days (calendar_overrides) on top of the official
 * holiday table, shown as the scheduler sees them (src/store/schedule.ts loadCalendar).
 */
import { parseArgs } from 'node:util';
import type { Db } from '../db/index.js';
import type { WorkCalendar } from '../domain/calendar.js';
import { vnCalendarDays, type CalendarDay, type DayMark } from '../domain/holidays-vn.js';
import { squash } from '../domain/text.js';
import { dayOfWeek, formatVnDate, isoDate, localDate } from '../domain/time.js';
import { loadCalendar } from '../store/schedule.js';
import { overridesBetween, removeCalendarOverride, setCalendarOverride, type CalendarOverride } from '../store/calendar.js';
import { EXIT_OK, UsageError, type CliCommand, type CliEnv, type CliIo } from './types.js';

/** Years the commands accept: far enough for any real plan, near enough to catch a typo (2206). */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;
export const MAX_NOTE_LENGTH = 200;

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/**
 * A date as the admin types it, YYYY-MM-DD or dd/mm/yyyy (d/m/yyyy too), as YYYY-MM-DD.
 * Throws a translated UsageError for a malformed or impossible date (31/02/2026).
 */
export function parseDayArg(value: string, env: Pick<CliEnv, 't'>): string {
  const text = value.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const parts = iso ? [iso[1], iso[2], iso[3]] : vn ? [vn[3], vn[2], vn[1]] : null;
  if (!parts) throw new UsageError(env.t('cli-calendar-bad-date', { value }));
  const [year, month, day] = parts.map(Number) as [number, number, number];
  if (year < MIN_YEAR || year > MAX_YEAR) throw new UsageError(env.t('cli-calendar-bad-year', { value: String(year), min: MIN_YEAR, max: MAX_YEAR }));
  const date = isoDate(year, month, day);
  if (!date) throw new UsageError(env.t('cli-calendar-no-such-date', { value }));
  return date;
}

function parseYearArg(value: string, env: CliEnv): number {
  const year = /^\d{4}$/.test(value.trim()) ? Number(value.trim()) : NaN;
  if (!(year >= MIN_YEAR && year <= MAX_YEAR)) throw new UsageError(env.t('cli-calendar-bad-year', { value, min: MIN_YEAR, max: MAX_YEAR }));
  return year;
}

async function overrideOn(db: Db, date: string): Promise<CalendarOverride | undefined> {
  return (await overridesBetween(db, date, date))[0];
}

function listedDay(date: string): CalendarDay | undefined {
  return vnCalendarDays(Number(date.slice(0, 4))).find((d) => d.date === date);
}

const stateLabel = (env: CliEnv, working: boolean): string => env.t(working ? 'cli-calendar-state-work' : 'cli-calendar-state-off');

/** Whether the official calendar alone (no override) has `date` as a working day. */
function officiallyWorking(date: string): boolean {
  const listed = listedDay(date);
  if (listed && listed.basis !== 'unverified') return listed.mark === 'work';
  const dow = dayOfWeek(date);
  return dow !== 0 && dow !== 6;
}

/** What the official calendar alone (no override) says about a date: "nghỉ — Tết Nguyên Đán", "làm việc". */
function officialLabel(env: CliEnv, date: string): string {
  const listed = listedDay(date);
  const state = stateLabel(env, officiallyWorking(date));
  return listed && listed.basis !== 'unverified' ? `${state} — ${listed.name}` : state;
}

/** One line: "Thứ Bảy 14/02/2026 · nghỉ · Tết Nguyên Đán", as the given calendar sees the day. */
function dayLine(env: CliEnv, calendar: WorkCalendar, date: string, override: CalendarOverride | undefined): string {
  const info = calendar.describe(date);
  const listed = listedDay(date);
  let detail: string;
  if (override) {
    const who = override.note ? env.t('cli-calendar-override-note', { note: override.note }) : env.t('cli-calendar-override');
    detail = `${who} ${env.t('cli-calendar-official', { official: officialLabel(env, date) })}`;
  } else if (listed?.basis === 'unverified') {
    detail = env.t('cli-calendar-unverified', { name: listed.name });
  } else if (listed) {
    detail = listed.basis === 'estimate' ? env.t('cli-calendar-estimate', { name: listed.name }) : listed.name;
  } else {
    detail = env.t(info.working ? 'cli-calendar-plain-working' : 'cli-calendar-plain-weekend');
  }
  const weekday = env.t('cli-weekday', { day: WEEKDAYS[dayOfWeek(date)]! });
  return env.t('cli-calendar-line', { weekday, date: formatVnDate(date), state: stateLabel(env, info.working), detail });
}

export const calendarList: CliCommand = {
  path: ['calendar', 'list'],
  usageKey: 'cli-usage-calendar-list',
  async run(args, io, env) {
    let values;
    try {
      ({ values } = parseArgs({ args, options: { year: { type: 'string' } }, strict: true }));
    } catch {
      throw new UsageError(env.t('cli-usage-calendar-list'));
    }
    const year = values.year === undefined ? Number(localDate(env.clock.now()).slice(0, 4)) : parseYearArg(values.year, env);
    const listed = vnCalendarDays(year);
    const overrides = await overridesBetween(env.db, `${year}-01-01`, `${year}-12-31`);
    const byDate = new Map(overrides.map((o) => [o.date, o]));
    const dates = [...new Set([...listed.map((d) => d.date), ...byDate.keys()])].sort();
    const calendar = await loadCalendar(env.db);
    io.stdout(env.t('cli-calendar-header', { year: String(year) }));
    for (const date of dates) io.stdout(`  ${dayLine(env, calendar, date, byDate.get(date))}`);
    if (listed.some((d) => d.basis === 'estimate')) io.stdout(env.t('cli-calendar-estimated-year', { year: String(year) }));
    io.stdout(env.t('cli-calendar-override-count', { count: overrides.length }));
    return EXIT_OK;
  },
};

function markCommand(mark: DayMark): CliCommand {
  const usageKey = mark === 'off' ? 'cli-usage-calendar-off' : 'cli-usage-calendar-work';
  return {
    path: ['calendar', mark],
    usageKey,
    async run(args, io, env) {
      let parsed;
      try {
        parsed = parseArgs({ args, options: { note: { type: 'string' } }, allowPositionals: true, strict: true });
      } catch {
        throw new UsageError(env.t(usageKey));
      }
      const [raw, ...extra] = parsed.positionals;
      if (raw === undefined || extra.length > 0) throw new UsageError(env.t(usageKey));
      const date = parseDayArg(raw, env);
      const given = parsed.values.note === undefined ? undefined : squash(parsed.values.note);
      if (given !== undefined && [...given].length > MAX_NOTE_LENGTH) throw new UsageError(env.t('cli-calendar-note-too-long', { max: MAX_NOTE_LENGTH }));
      // Without --note a re-run keeps the note of the same mark; --note "" clears it.
      const before = await overrideOn(env.db, date);
      const note = given !== undefined ? given || null : before?.mark === mark ? before.note : null;
      await setCalendarOverride(env.db, date, mark, note, env.clock.now());
      io.stdout(env.t(mark === 'off' ? 'cli-calendar-marked-off' : 'cli-calendar-marked-work', { date: formatVnDate(date) }));
      await printDay(env, io, date);
      if (officiallyWorking(date) === (mark === 'work')) io.stdout(env.t('cli-calendar-same-as-official'));
      return EXIT_OK;
    },
  };
}

async function printDay(env: CliEnv, io: CliIo, date: string): Promise<void> {
  const calendar = await loadCalendar(env.db);
  io.stdout(env.t('cli-calendar-now', { line: dayLine(env, calendar, date, await overrideOn(env.db, date)) }));
}

export const calendarOff = markCommand('off');
export const calendarWork = markCommand('work');

export const calendarClear: CliCommand = {
  path: ['calendar', 'clear'],
  usageKey: 'cli-usage-calendar-clear',
  async run(args, io, env) {
    const [raw, ...extra] = args;
    if (raw === undefined || extra.length > 0 || raw.startsWith('-')) throw new UsageError(env.t('cli-usage-calendar-clear'));
    const date = parseDayArg(raw, env);
    if (await overrideOn(env.db, date)) {
      await removeCalendarOverride(env.db, date);
      io.stdout(env.t('cli-calendar-cleared', { date: formatVnDate(date) }));
    } else {
      io.stdout(env.t('cli-calendar-clear-none', { date: formatVnDate(date) }));
    }
    await printDay(env, io, date);
    return EXIT_OK;
  },
};

export const CALENDAR_COMMANDS: CliCommand[] = [calendarList, calendarOff, calendarWork, calendarClear];
