/** The dashboard's pages for a checked viewer: overview, overdue list and its export, one task, people to link. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { STALE_DAYS } from '../../commands/overdue.js';
import type { Deps } from '../chat/types.js';
import { addDays, dayOfWeek, localDate } from '../domain/time.js';
import { subtreeCounts } from '../store/overdue-report.js';
import { getUnit } from '../store/units.js';
import type { Html } from '../http/html.js';
import { sendFile, sendHtml } from '../http/pages.js';
import type { Translate } from '../i18n.js';
import type { Viewer } from './auth.js';
import { taskDetail, unlinkedPeople } from '../store/task-detail.js';
import { layout, messagePage, type Section } from './layout.js';
import { overdueTrend, statusCounts } from '../store/overview.js';
import { DAYS_LATE_CHOICES, overdueBody, type OverdueFilterValues } from './pages/overdue.js';
import { overviewBody } from './pages/overview.js';
import { peopleBody } from './pages/people.js';
import { taskBody } from './pages/task.js';
import { reportCount, reportRows } from '../store/report.js';
import { documentsInSubtree, ownersInSubtree, taskInSubtree, unitInSubtree, unitsInSubtree } from '../store/scope.js';
import { reportWorkbook, XLSX_TYPE } from './xlsx.js';

export const OVERDUE_PAGE_ROWS = 300;

export interface PageContext {
  deps: Deps;
  viewer: Viewer;
  t: Translate;
  url: URL;
  req: IncomingMessage;
  res: ServerResponse;
}

function here(url: URL): string {
  return `${url.pathname}${url.search}`;
}

export function render(ctx: PageContext, status: number, title: string, section: Section, body: Html): void {
  const { t, viewer, url, res } = ctx;
  sendHtml(res, status, layout({ t, locale: viewer.locale, title, section, here: here(url), viewer: { name: viewer.staff.name, csrf: viewer.csrf } }, body));
}

export function forbiddenPage(ctx: PageContext): void {
  const { t, viewer, url, res } = ctx;
  sendHtml(
    res,
    403,
    messagePage({ t, locale: viewer.locale, title: t('dash-forbidden-title'), here: here(url), viewer: { name: viewer.staff.name, csrf: viewer.csrf } }, [
      t('dash-forbidden-scope'),
    ]),
  );
}

function intParam(url: URL, name: string): number | undefined {
  const raw = url.searchParams.get(name);
  return raw && /^\d{1,10}$/.test(raw) ? Number(raw) : undefined;
}

/** The unit a page is about: ?unit= when it lies in the viewer's subtree, else null (forbidden). */
async function unitOf(ctx: PageContext): Promise<number | null> {
  const own = ctx.viewer.staff.unit_id;
  const asked = intParam(ctx.url, 'unit');
  if (asked === undefined || asked === own) return own;
  return (await unitInSubtree(ctx.deps.db, own, asked)) ? asked : null;
}

async function unitRow(ctx: PageContext, id: number): Promise<{ id: number; name: string; parent_id: number | null }> {
  const unit = await getUnit(ctx.deps.db, id);
  if (!unit) throw new Error(`unit ${id} does not exist`);
  return unit;
}

export async function overviewPage(ctx: PageContext): Promise<void> {
  const unitId = await unitOf(ctx);
  if (unitId === null) return forbiddenPage(ctx);
  const { db, clock } = ctx.deps;
  const today = localDate(clock.now());
  const unit = await unitRow(ctx, unitId);
  const up = unitId !== ctx.viewer.staff.unit_id && unit.parent_id !== null ? await unitRow(ctx, unit.parent_id) : undefined;
  // The same window as /overdue: due this week runs to Sunday; "no answer" is STALE_DAYS without an update.
  const window = { today, weekEnd: addDays(today, (7 - dayOfWeek(today)) % 7), staleBefore: new Date(clock.now().getTime() - STALE_DAYS * 86_400_000) };
  const [counts, units, trend] = [await statusCounts(db, unitId, today), await subtreeCounts(db, unitId, window), await overdueTrend(db, unitId, today)];
  const body = overviewBody({ t: ctx.t, unit, up, counts, units, trend, staleDays: STALE_DAYS });
  render(ctx, 200, ctx.t('dash-overview-title', { unit: unit.name }), 'overview', body);
}

async function overdueFilter(ctx: PageContext): Promise<OverdueFilterValues | null> {
  const unit = await unitOf(ctx);
  if (unit === null) return null;
  const days = intParam(ctx.url, 'days');
  return {
    unit,
    owner: intParam(ctx.url, 'owner'),
    doc: intParam(ctx.url, 'doc'),
    days: DAYS_LATE_CHOICES.includes(days as (typeof DAYS_LATE_CHOICES)[number]) ? days! : 1,
  };
}

function reportFilter(filter: OverdueFilterValues) {
  return { unitId: filter.unit, ownerId: filter.owner, documentId: filter.doc, minDaysLate: filter.days };
}

function rowsFor(ctx: PageContext, filter: OverdueFilterValues, limit?: number) {
  return reportRows(ctx.deps.db, reportFilter(filter), localDate(ctx.deps.clock.now()), limit);
}

function filterQuery(filter: OverdueFilterValues): string {
  const q = new URLSearchParams({ unit: String(filter.unit), days: String(filter.days) });
  if (filter.owner !== undefined) q.set('owner', String(filter.owner));
  if (filter.doc !== undefined) q.set('doc', String(filter.doc));
  return q.toString();
}

export async function overduePage(ctx: PageContext): Promise<void> {
  const filter = await overdueFilter(ctx);
  if (!filter) return forbiddenPage(ctx);
  const { db } = ctx.deps;
  const own = ctx.viewer.staff.unit_id;
  const rows = await rowsFor(ctx, filter, OVERDUE_PAGE_ROWS);
  const total = rows.length < OVERDUE_PAGE_ROWS ? rows.length : await reportCount(db, reportFilter(filter), localDate(ctx.deps.clock.now()));
  render(
    ctx,
    200,
    ctx.t('dash-nav-overdue'),
    'overdue',
    overdueBody({
      t: ctx.t,
      filter,
      units: await unitsInSubtree(db, own),
      owners: await ownersInSubtree(db, own),
      documents: await documentsInSubtree(db, own),
      rows,
      total,
      exportHref: `/dashboard/overdue.xlsx?${filterQuery(filter)}`,
    }),
  );
}

export async function overdueExport(ctx: PageContext): Promise<void> {
  const filter = await overdueFilter(ctx);
  if (!filter) return forbiddenPage(ctx);
  const now = ctx.deps.clock.now();
  const rows = await rowsFor(ctx, filter);
  const unit = await unitRow(ctx, filter.unit);
  const lines = [
    ctx.t('report-scope', { unit: unit.name }),
    ctx.t('report-filter-days', { days: filter.days }),
    ctx.t('report-by', { name: ctx.viewer.staff.name }),
  ];
  const workbook = await reportWorkbook(rows, ctx.t, { title: ctx.t('report-title-overdue'), generatedAt: now, lines });
  sendFile(ctx.res, workbook, XLSX_TYPE, `dondoc-qua-han-${localDate(now)}.xlsx`);
}

export async function taskPage(ctx: PageContext, taskId: number): Promise<void> {
  const { db, clock } = ctx.deps;
  if (!(await taskInSubtree(db, ctx.viewer.staff.unit_id, taskId))) return forbiddenPage(ctx);
  const task = await taskDetail(db, taskId);
  if (!task) return forbiddenPage(ctx);
  render(ctx, 200, `#${task.id} · ${task.title}`, 'task', taskBody(ctx.t, task, localDate(clock.now())));
}

export async function peoplePage(ctx: PageContext): Promise<void> {
  const people = await unlinkedPeople(ctx.deps.db, ctx.viewer.staff.unit_id, ctx.deps.clock.now());
  render(ctx, 200, ctx.t('dash-nav-people'), 'people', peopleBody(ctx.t, people, ctx.viewer.csrf));
}
