/** The overdue list with its filters (unit, owner, document, days late) and the Excel export of exactly this view. */
import { formatVnDate } from '../../domain/time.js';
import { html, type Html } from '../../http/html.js';
import type { Translate } from '../../i18n.js';
import type { ReportRow } from '../../store/report.js';
import type { UnitOption } from '../../store/scope.js';

export const DAYS_LATE_CHOICES = [1, 3, 7, 14, 30] as const;

export interface OverdueFilterValues {
  unit: number;
  owner?: number | undefined;
  doc?: number | undefined;
  days: number;
}

export interface OverdueInput {
  t: Translate;
  filter: OverdueFilterValues;
  units: UnitOption[];
  owners: { id: number; name: string }[];
  documents: { id: number; label: string }[];
  rows: ReportRow[];
  total: number;
  exportHref: string;
}

function select(name: string, label: string, options: Html[]): Html {
  return html`<label class="field"><span>${label}</span><select name="${name}">${options}</select></label>`;
}

function option(value: string | number, label: string, selected: boolean): Html {
  return html`<option value="${value}"${selected ? html` selected` : ''}>${label}</option>`;
}

function filters(input: OverdueInput): Html {
  const { t, filter, units, owners, documents } = input;
  return html`<form class="filters" method="get" action="/dashboard/overdue">
    ${select(
      'unit',
      t('dash-filter-unit'),
      units.map((u) => option(u.id, `${'\u00a0\u00a0'.repeat(u.level)}${u.name}`, u.id === filter.unit)),
    )}
    ${select('owner', t('dash-filter-owner'), [option('', t('dash-filter-all'), filter.owner === undefined), ...owners.map((o) => option(o.id, o.name, o.id === filter.owner))])}
    ${select('doc', t('dash-filter-document'), [option('', t('dash-filter-all'), filter.doc === undefined), ...documents.map((d) => option(d.id, d.label, d.id === filter.doc))])}
    ${select(
      'days',
      t('dash-filter-days'),
      DAYS_LATE_CHOICES.map((d) => option(d, t('dash-filter-days-option', { days: d }), d === filter.days)),
    )}
    <div class="actions"><button type="submit">${t('dash-filter-apply')}</button> <a href="/dashboard/overdue">${t('dash-filter-clear')}</a></div>
  </form>`;
}

function item(t: Translate, row: ReportRow): Html {
  const status =
    row.percent !== null && row.status === 'in_progress'
      ? t('status-with-percent', { status: t(`status-${row.status}`), percent: row.percent })
      : t(`status-${row.status}`);
  return html`<li class="item">
    <div class="head">
      <a href="/dashboard/task/${row.taskId}">#${row.taskId} · ${row.title}</a>
      <span class="badge late">${t('dash-days-late', { days: row.daysLate })}</span>
    </div>
    <div class="meta">
      <span>${row.leadUnit}</span>
      ${row.owners ? html`<span>${row.owners}</span>` : ''}
      ${row.dueDate ? html`<span>${t('dash-due', { date: formatVnDate(row.dueDate) })}</span>` : ''}
      <span class="status s-${row.status}">${status}</span>
    </div>
    ${row.lastNote ? html`<div class="note">${row.lastNote}</div>` : ''}
  </li>`;
}

export function overdueBody(input: OverdueInput): Html {
  const { t, rows, total, exportHref } = input;
  return html`${filters(input)}
    <p class="summary">
      <strong>${t('dash-overdue-count', { count: total })}</strong>
      <a class="button" href="${exportHref}" download>${t('dash-export')}</a>
    </p>
    ${rows.length === 0 ? html`<p class="muted">${t('dash-overdue-none')}</p>` : html`<ol class="items">${rows.map((row) => item(t, row))}</ol>`}
    ${total > rows.length ? html`<p class="muted">${t('dash-overdue-more', { shown: rows.length, total })}</p>` : ''}`;
}
