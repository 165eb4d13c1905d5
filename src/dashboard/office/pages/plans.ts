/** The plan pages: upload, the editable table of a parsed plan, and one stored plan's tasks. */
import { formatVnDate } from '../../../domain/time.js';
import { html, type Html } from '../../../http/html.js';
import type { Translate } from '../../../i18n.js';
import type { PlanTask } from '../../../import/types.js';
import type { TaskRow } from '../../../store/office-tasks.js';
import type { UnitOption } from '../../../store/scope.js';
import { uploadForm } from './staff.js';

/** Empty rows under a draft's table for tasks the parser missed. */
export const EXTRA_ROWS = 3;

export type DraftTask = PlanTask & { owner?: number | null };

export interface Person {
  id: number;
  name: string;
  unit: string;
}

export function plansBody(t: Translate, csrf: string, documents: { id: number; label: string }[]): Html {
  return html`${uploadForm(t, '/office/plans', csrf, '.docx,.pdf,.txt,.xlsx', t('office-plans-help'))}
    <section class="panel">
      <h2>${t('office-plans-stored')}</h2>
      ${
        documents.length === 0
          ? html`<p class="muted">${t('office-plans-none')}</p>`
          : html`<ul class="documents">${documents.map((d) => html`<li><a href="/office/plans/${String(d.id)}">${d.label}</a></li>`)}</ul>`
      }
    </section>`;
}

/** The time cell as the table shows it: the phrase the document wrote, else the date. */
export function shownDue(task: PlanTask): string {
  return task.due.text || (task.due.date ? formatVnDate(task.due.date) : '');
}

function ownerSelect(t: Translate, name: string, people: Person[], selected: number | null | undefined): Html {
  return html`<select name="${name}" aria-label="${t('office-col-owner')}"><option value="">—</option>${people.map(
    (p) => html`<option value="${String(p.id)}"${p.id === selected ? html` selected` : ''}>${p.name} · ${p.unit}</option>`,
  )}</select>`;
}

function row(t: Translate, i: number, task: DraftTask | null, people: Person[]): Html {
  const doubts = task?.doubts ?? [];
  const doubt = (d: 'lead' | 'due' | 'title') => (doubts.includes(d) ? ' doubt' : '');
  const cell = (field: string, value: string, extra = '', label = field) =>
    html`<input name="${field}.${String(i)}" value="${value}" aria-label="${t(`office-col-${label}`)}"${extra ? html` list="${extra}"` : ''}>`;
  return html`<tr class="${task ? 'task' : 'new'}" data-ref="${task?.ref ?? ''}">
    <td><input type="hidden" name="ref.${String(i)}" value="${task?.ref ?? ''}">${task?.ref ?? '+'}</td>
    <td class="${doubt('title')}">${cell('title', task?.title ?? '', '', 'title')}${doubts.includes('title') ? html`<small class="why">${t('plan-doubt-title')}</small>` : ''}</td>
    <td class="${doubt('lead')}">${cell('lead', task?.lead.join('; ') ?? '', 'units', 'lead')}${doubts.includes('lead') ? html`<small class="why">${t('plan-doubt-lead')}</small>` : ''}</td>
    <td>${cell('support', task?.support.join('; ') ?? '', '', 'support')}</td>
    <td class="${doubt('due')}">${cell('due', task ? shownDue(task) : '', '', 'due')}${doubts.includes('due') ? html`<small class="why">${t('plan-doubt-due')}</small>` : ''}</td>
    <td>${cell('product', task?.product ?? '', '', 'product')}</td>
    <td>${ownerSelect(t, `owner.${String(i)}`, people, task?.owner)}</td>
    <td>${task ? html`<label class="remove"><input type="checkbox" name="remove.${String(i)}" value="1"> ${t('office-remove')}</label>` : ''}</td>
  </tr>`;
}

export function draftBody(
  t: Translate,
  p: { draftId: number; csrf: string; fileName: string; number: string; tasks: DraftTask[]; units: UnitOption[]; people: Person[]; problems: string[] },
): Html {
  const doubtful = p.tasks.filter((x) => x.doubts?.length).length;
  const total = p.tasks.length + EXTRA_ROWS;
  return html`<p class="summary-line">${t('office-draft-summary', { file: p.fileName, number: p.number || '—', count: p.tasks.length, doubtful })}</p>
    ${p.problems.length ? html`<div class="notice problems" role="alert">${p.problems.map((x) => html`<p>${x}</p>`)}</div>` : ''}
    <form method="post" action="/office/plans/draft/${String(p.draftId)}" class="draft">
      <input type="hidden" name="csrf" value="${p.csrf}"><input type="hidden" name="rows" value="${String(total)}">
      <datalist id="units">${p.units.map((u) => html`<option value="${u.name}"></option>`)}</datalist>
      <div class="panel table-wrap"><table class="draft-table">
        <thead><tr><th scope="col">${t('office-col-ref')}</th><th scope="col">${t('office-col-title')}</th><th scope="col">${t('office-col-lead')}</th>
          <th scope="col">${t('office-col-support')}</th><th scope="col">${t('office-col-due')}</th><th scope="col">${t('office-col-product')}</th>
          <th scope="col">${t('office-col-owner')}</th><th scope="col"></th></tr></thead>
        <tbody>${p.tasks.map((task, i) => row(t, i, task, p.people))}${Array.from({ length: EXTRA_ROWS }, (_, k) => row(t, p.tasks.length + k, null, p.people))}</tbody>
      </table></div>
      <p class="muted">${t('office-draft-help')}</p>
      <button type="submit" class="primary">${t('office-draft-confirm')}</button>
      <a href="/office/plans">${t('office-cancel')}</a>
    </form>`;
}

export function tasksTable(t: Translate, rows: TaskRow[]): Html {
  if (rows.length === 0) return html`<p class="muted">${t('office-tasks-none')}</p>`;
  return html`<div class="panel table-wrap"><table class="tasks">
    <thead><tr><th scope="col">${t('office-col-ref')}</th><th scope="col">${t('office-col-title')}</th><th scope="col">${t('office-col-lead')}</th>
      <th scope="col">${t('office-col-owner')}</th><th scope="col">${t('report-col-due')}</th><th scope="col">${t('report-col-status')}</th></tr></thead>
    <tbody>${rows.map(
      (r) => html`<tr data-task="${String(r.id)}">
        <td>${r.ref ?? ''}</td><td><a href="/office/tasks/${String(r.id)}">${r.title}</a>${r.document ? html`<div class="muted">${r.document}</div>` : ''}</td>
        <td class="lead">${r.lead ?? html`<span class="doubt-text">${t('plan-doubt-lead')}</span>`}</td><td class="owners">${r.owners ?? '—'}</td>
        <td>${r.dueDate ? formatVnDate(r.dueDate) : (r.dueText ?? '')}</td>
        <td>${r.status ? html`<span class="status s-${r.status}">${t(`status-${r.status}`)}</span>` : ''}</td>
      </tr>`,
    )}</tbody>
  </table></div>`;
}
