/**
 * Tasks in the workbench: search and filter the viewer's subtree; one task with forms to edit its
 * fields, reassign it and cancel it with a reason. Every change is checked against the subtree,
 * refused when the task changed since the form was opened (a form sent twice changes it once),
 * and written with its before and after into the task's history.
 */
import { createHash } from 'node:crypto';
import { html } from '../../http/html.js';
import { redirect } from '../../http/pages.js';
import { STATUSES, type Status } from '../../domain/types.js';
import { activePersonUnder } from '../../store/assignments.js';
import {
  cancelTask,
  editableTask,
  editTask,
  peopleWithUnits,
  searchTasks,
  setTaskOwners,
  type EditableTask,
  type TaskFilter,
} from '../../store/office-tasks.js';
import { documentsInSubtree, ownersInSubtree, taskInSubtree, unitInSubtree, unitsInSubtree } from '../../store/scope.js';
import { enqueueTaskCancelled } from '../../store/outbox-events.js';
import { taskDetail } from '../../store/task-detail.js';
import { historyPanel } from '../pages/task.js';
import { forbidden, intParam, officePage, officeProblem, type OfficeContext } from './context.js';
import { tasksTable } from './pages/plans.js';
import { taskForms, tasksFilter } from './pages/tasks.js';

export const TASK_PAGE_ROWS = 300;

function filterOf(url: URL): TaskFilter {
  const status = url.searchParams.get('status') as Status | null;
  return {
    q: url.searchParams.get('q')?.slice(0, 200) || undefined,
    unit: intParam(url.searchParams.get('unit')),
    status: status && (STATUSES as readonly string[]).includes(status) ? status : undefined,
    doc: intParam(url.searchParams.get('doc')),
    owner: intParam(url.searchParams.get('owner')),
  };
}

export async function tasksPage(ctx: OfficeContext): Promise<void> {
  const { db } = ctx.deps;
  const filter = filterOf(ctx.url);
  if (filter.unit !== undefined && !(await unitInSubtree(db, ctx.root, filter.unit))) return forbidden(ctx);
  const rows = await searchTasks(db, ctx.root, filter, { unled: ctx.viewer.staff.role === 'admin', limit: TASK_PAGE_ROWS });
  const choices = { units: await unitsInSubtree(db, ctx.root), documents: await documentsInSubtree(db, ctx.root), owners: await ownersInSubtree(db, ctx.root) };
  officePage(
    ctx,
    200,
    ctx.t('office-nav-tasks'),
    'office-tasks',
    html`${tasksFilter(ctx.t, filter, choices)}<p class="muted">${ctx.t('office-tasks-count', { count: rows.length })}</p>${tasksTable(ctx.t, rows)}`,
  );
}

/** A fingerprint of what the forms show; a post carrying another one is stale. */
function versionOf(task: EditableTask): string {
  return createHash('sha256')
    .update(JSON.stringify([task.title, task.product, task.dueDate, task.leadUnitId, task.ownerIds, task.cancelled]))
    .digest('base64url')
    .slice(0, 22);
}

async function visibleTask(ctx: OfficeContext, taskId: number): Promise<EditableTask | undefined> {
  const { db } = ctx.deps;
  const task = await editableTask(db, taskId);
  if (!task) return undefined;
  if (task.leadUnitId === null) return ctx.viewer.staff.role === 'admin' ? task : undefined;
  return (await taskInSubtree(db, ctx.root, taskId)) ? task : undefined;
}

export async function taskPage(ctx: OfficeContext, match: RegExpExecArray | null): Promise<void> {
  const { db } = ctx.deps;
  const task = await visibleTask(ctx, Number(match?.[1]));
  if (!task) return forbidden(ctx);
  const detail = await taskDetail(db, task.id);
  const people = (await peopleWithUnits(db, ctx.root)).map((p) => ({ id: p.id, name: p.name, unit: p.unit.split(' / ').at(-1) ?? p.unit }));
  const forms = taskForms(ctx.t, { task, csrf: ctx.viewer.csrf, version: versionOf(task), units: await unitsInSubtree(db, ctx.root), people });
  const saved = ctx.url.searchParams.get('saved') === '1' ? html`<p class="notice done">${ctx.t('office-task-saved')}</p>` : '';
  officePage(
    ctx,
    200,
    `#${task.id} · ${task.title}`,
    'office-tasks',
    html`<p class="crumb"><a href="/office/tasks">← ${ctx.t('office-nav-tasks')}</a></p>${saved}${forms}${detail ? historyPanel(ctx.t, detail) : ''}`,
  );
}

/** The task of a change form: visible to the viewer and unchanged since the form was shown. */
async function changeTarget(ctx: OfficeContext, form: URLSearchParams, match: RegExpExecArray | null): Promise<EditableTask | null> {
  const task = await visibleTask(ctx, Number(match?.[1]));
  if (!task) {
    forbidden(ctx);
    return null;
  }
  if (task.cancelled || form.get('version') !== versionOf(task)) {
    officeProblem(ctx, 409, 'office-stale-title', [ctx.t('office-stale'), ctx.t('office-nothing-changed')]);
    return null;
  }
  return task;
}

function validDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export async function taskEdit(ctx: OfficeContext, form: URLSearchParams, match: RegExpExecArray | null): Promise<void> {
  const { t, deps } = ctx;
  const task = await changeTarget(ctx, form, match);
  if (!task) return;
  const title = (form.get('title') ?? '').replace(/\s+/g, ' ').trim();
  const product = (form.get('product') ?? '').trim() || null;
  const due = (form.get('due') ?? '').trim();
  const lead = intParam(form.get('lead')) ?? null;
  const problems: string[] = [];
  if (!title || title.length > 2000) problems.push(t('office-task-bad-title'));
  if (product && product.length > 2000) problems.push(t('office-task-bad-product'));
  if (due && !validDate(due)) problems.push(t('office-task-bad-due', { due }));
  if (lead !== null && !(await unitInSubtree(deps.db, ctx.root, lead))) return forbidden(ctx);
  if (lead === null && task.leadUnitId !== null && ctx.viewer.staff.role !== 'admin') problems.push(t('office-task-need-lead'));
  if (problems.length) return officeProblem(ctx, 422, 'office-task-problem', [...problems, t('office-nothing-changed')]);
  await deps.db
    .transaction()
    .execute((trx) => editTask(trx, task, { title, product, dueDate: due || null, leadUnitId: lead }, ctx.viewer.staff.id, deps.clock.now()));
  redirect(ctx.res, `/office/tasks/${task.id}?saved=1`);
}

export async function taskOwner(ctx: OfficeContext, form: URLSearchParams, match: RegExpExecArray | null): Promise<void> {
  const { t, deps } = ctx;
  const task = await changeTarget(ctx, form, match);
  if (!task) return;
  const owner = intParam(form.get('owner'));
  if (owner !== undefined) {
    const fits = task.leadUnitId !== null && (await activePersonUnder(deps.db, owner, [task.leadUnitId]));
    if (!fits)
      return officeProblem(ctx, 422, 'office-task-problem', [t('office-task-owner-outside', { unit: task.leadUnit ?? '—' }), t('office-nothing-changed')]);
  }
  await deps.db.transaction().execute((trx) => setTaskOwners(trx, task, owner === undefined ? [] : [owner], ctx.viewer.staff.id, deps.clock.now()));
  redirect(ctx.res, `/office/tasks/${task.id}?saved=1`);
}

export async function taskCancel(ctx: OfficeContext, form: URLSearchParams, match: RegExpExecArray | null): Promise<void> {
  const { t, deps } = ctx;
  const task = await changeTarget(ctx, form, match);
  if (!task) return;
  const reason = (form.get('reason') ?? '').trim();
  if (!reason || reason.length > 1000) return officeProblem(ctx, 422, 'office-task-problem', [t('office-task-need-reason'), t('office-nothing-changed')]);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const updateId = await cancelTask(trx, task, reason, ctx.viewer.staff.id, now);
    // The owners hear of it in the same transaction: cancelled and told, or neither.
    await enqueueTaskCancelled(trx, { updateId, ownerIds: task.ownerIds, now });
  });
  redirect(ctx.res, `/office/tasks/${task.id}?saved=1`);
}
