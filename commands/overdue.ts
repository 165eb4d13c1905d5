/**
 * /overdue (/quahan): for a unit head, leader or admin, the state of every task of their unit's
 * subtree — counts per unit below them, the units with nothing late in one line, and the ten
 * longest-overdue tasks with owner and days late; for staff, their own overdue tasks.
 * Long answers are split by the channel's renderer.
 */
import { daysBetween, dayOfWeek, addDays, formatVnDate } from '../src/domain/time.js';
import type { Staff } from '../src/db/schema.js';
import { getUnit } from '../src/store/units.js';
import { childUnitCount, longestOverdue, myOverdue, subtreeCounts, type OverdueItem, type UnitCounts } from '../src/store/overdue-report.js';
import type { Translate } from '../src/i18n.js';
import { truncate } from '../src/chat/cards.js';
import type { Command, LinkedContext, Response } from '../src/chat/types.js';
import { reply } from '../src/chat/types.js';

export const TOP_OVERDUE = 10;
export const STALE_DAYS = 14;
const TITLE_MAX = 100;

function ownersText(t: Translate, owners: string[]): string {
  return owners.length > 0 ? owners.join(', ') : t('overdue-no-owner');
}

async function mine(ctx: LinkedContext): Promise<Response> {
  const items = await myOverdue(ctx.db, ctx.staff.id, ctx.today);
  if (items.length === 0) return reply(ctx.t('overdue-mine-none'));
  const lines = [ctx.t('overdue-mine-header', { count: items.length }), ''];
  for (const item of items) {
    lines.push(
      ctx.t('overdue-mine-item', {
        id: item.taskId,
        title: truncate(item.title, TITLE_MAX),
        days: daysBetween(item.dueDate, ctx.today),
        date: formatVnDate(item.dueDate),
      }),
    );
  }
  lines.push('', ctx.t('overdue-mine-footer'));
  return reply(lines.join('\n'));
}

function unitLines(t: Translate, counts: UnitCounts[], rootUnitId: number, children: number): string[] {
  const late = counts.filter((c) => c.overdue > 0);
  const lines = [t('overdue-units-header')];
  for (const c of late) lines.push(t('overdue-unit-line', { unit: c.name, overdue: c.overdue, week: c.week, blocked: c.blocked, stale: c.stale }));
  const clear = children - late.filter((c) => c.unitId !== rootUnitId).length;
  if (clear > 0) lines.push(t(late.length > 0 ? 'overdue-units-clear' : 'overdue-units-all-clear', { count: clear }));
  return lines;
}

function topLines(t: Translate, items: OverdueItem[], today: string): string[] {
  if (items.length === 0) return [t('overdue-none')];
  return [
    t('overdue-top-header', { count: items.length }),
    ...items.map((item, i) =>
      t('overdue-top-item', {
        n: i + 1,
        id: item.taskId,
        title: truncate(item.title, TITLE_MAX),
        unit: item.unitName ?? '',
        owners: ownersText(t, item.owners),
        days: daysBetween(item.dueDate, today),
      }),
    ),
  ];
}

/** The report text for a unit's subtree as seen on `today`. */
export async function overdueReport(ctx: Pick<LinkedContext, 'db' | 't' | 'today' | 'now'>, unitId: number): Promise<string> {
  const unit = await getUnit(ctx.db, unitId);
  const window = {
    today: ctx.today,
    weekEnd: addDays(ctx.today, (7 - dayOfWeek(ctx.today)) % 7),
    chaseUntil: addDays(ctx.today, STALE_DAYS),
    staleBefore: new Date(ctx.now.getTime() - STALE_DAYS * 86_400_000),
  };
  const counts = await subtreeCounts(ctx.db, unitId, window);
  const children = await childUnitCount(ctx.db, unitId);
  const top = await longestOverdue(ctx.db, unitId, ctx.today, TOP_OVERDUE);
  const sum = (key: 'overdue' | 'week' | 'blocked' | 'stale') => counts.reduce((n, c) => n + c[key], 0);
  const lines = [
    ctx.t('overdue-header', { unit: unit?.name ?? '', date: formatVnDate(ctx.today) }),
    ctx.t('overdue-totals', { overdue: sum('overdue'), week: sum('week'), blocked: sum('blocked'), stale: sum('stale'), days: STALE_DAYS }),
  ];
  if (children > 0) lines.push('', ...unitLines(ctx.t, counts, unitId, children));
  lines.push('', ...topLines(ctx.t, top, ctx.today));
  return lines.join('\n');
}

export function seesUnit(staff: Staff): boolean {
  return staff.role === 'unit_head' || staff.role === 'leader' || staff.role === 'admin';
}

export const overdue: Command = {
  name: 'overdue',
  aliases: ['quahan'],
  descriptionKey: 'cmd-overdue',
  async run(ctx) {
    if (!seesUnit(ctx.staff)) return mine(ctx);
    return reply(await overdueReport(ctx, ctx.staff.unit_id));
  },
};
