/** The task pages of the workbench: search with filters, and one task with its edit, reassign and cancel forms. */
import { STATUSES } from '../../../domain/types.js';
import { html, type Html } from '../../../http/html.js';
import type { Translate } from '../../../i18n.js';
import type { EditableTask, TaskFilter } from '../../../store/office-tasks.js';
import type { UnitOption } from '../../../store/scope.js';
import type { Person } from './plans.js';

function option(value: string, label: string, selected: boolean): Html {
  return html`<option value="${value}"${selected ? html` selected` : ''}>${label}</option>`;
}

export function tasksFilter(
  t: Translate,
  f: TaskFilter,
  choices: { units: UnitOption[]; documents: { id: number; label: string }[]; owners: { id: number; name: string }[] },
): Html {
  return html`<form method="get" action="/office/tasks" class="filters office-filters">
    <label class="field">${t('office-search')}<input type="search" name="q" value="${f.q ?? ''}"></label>
    <label class="field">${t('dash-col-unit')}<select name="unit"><option value="">—</option>${choices.units.map((u) =>
      option(String(u.id), `${'\u00a0\u00a0'.repeat(u.level)}${u.name}`, u.id === f.unit),
    )}</select></label>
    <label class="field">${t('report-col-status')}<select name="status"><option value="">—</option>${STATUSES.map((s) => option(s, t(`status-${s}`), s === f.status))}</select></label>
    <label class="field">${t('office-col-plan')}<select name="doc"><option value="">—</option>${choices.documents.map((d) => option(String(d.id), d.label, d.id === f.doc))}</select></label>
    <label class="field">${t('office-col-owner')}<select name="owner"><option value="">—</option>${choices.owners.map((o) => option(String(o.id), o.name, o.id === f.owner))}</select></label>
    <div class="actions"><button type="submit">${t('office-show')}</button></div>
  </form>`;
}

export function taskForms(t: Translate, p: { task: EditableTask; csrf: string; version: string; units: UnitOption[]; people: Person[] }): Html {
  const { task, csrf, version } = p;
  const hidden = html`<input type="hidden" name="csrf" value="${csrf}"><input type="hidden" name="version" value="${version}">`;
  if (task.cancelled) return html`<p class="notice">${t('office-task-cancelled')}</p>`;
  return html`<div class="office-forms">
    <form method="post" action="/office/tasks/${String(task.id)}/edit" class="panel edit">
      <h2>${t('office-task-edit')}</h2>${hidden}
      <label class="field">${t('office-col-title')}<textarea name="title" rows="3" required maxlength="2000">${task.title}</textarea></label>
      <label class="field">${t('office-col-product')}<input name="product" value="${task.product ?? ''}" maxlength="2000"></label>
      <label class="field">${t('office-task-due')}<input type="date" name="due" value="${task.dueDate ?? ''}"></label>
      <label class="field">${t('office-col-lead')}<select name="lead"><option value="">—</option>${p.units.map((u) =>
        option(String(u.id), `${'\u00a0\u00a0'.repeat(u.level)}${u.name}`, u.id === task.leadUnitId),
      )}</select></label>
      <button type="submit" class="primary">${t('office-save')}</button>
    </form>
    <form method="post" action="/office/tasks/${String(task.id)}/owner" class="panel owner">
      <h2>${t('office-task-owner')}</h2>${hidden}
      <p class="muted">${t('office-task-owners-now', { owners: task.owners.join('; ') || '—' })}</p>
      <label class="field">${t('office-col-owner')}<select name="owner"><option value="">—</option>${p.people.map((x) =>
        option(String(x.id), `${x.name} · ${x.unit}`, task.ownerIds.length === 1 && task.ownerIds[0] === x.id),
      )}</select></label>
      <button type="submit" class="primary">${t('office-task-reassign')}</button>
    </form>
    <form method="post" action="/office/tasks/${String(task.id)}/cancel" class="panel cancel">
      <h2>${t('office-task-cancel')}</h2>${hidden}
      <label class="field">${t('office-task-cancel-reason')}<textarea name="reason" rows="2" required maxlength="1000"></textarea></label>
      <button type="submit" class="danger">${t('office-task-cancel-button')}</button>
    </form>
  </div>`;
}
