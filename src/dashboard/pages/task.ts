/** One task: what it is, its periods, and its whole history of updates, newest first. */
import { formatVnDate, formatVnDateTime } from '../../domain/time.js';
import { html, type Html } from '../../http/html.js';
import type { Translate } from '../../i18n.js';
import type { TaskDetail } from '../../store/task-detail.js';
import { daysLate } from '../../store/report.js';

const CHANNELS: Record<string, string> = { telegram: 'Telegram', zalo: 'Zalo', web: 'Web', cli: 'CLI', system: 'dondoc' };

function statusOf(t: Translate, status: string, percent: number | null): string {
  const label = t(`status-${status}`);
  return percent !== null && status === 'in_progress' ? t('status-with-percent', { status: label, percent }) : label;
}

function what(t: Translate, h: TaskDetail['history'][number]): Html {
  switch (h.kind) {
    case 'status':
      return html`<span class="status s-${h.status ?? ''}">${t('dash-history-status', { status: statusOf(t, h.status ?? 'open', h.percent) })}</span>`;
    case 'note':
      return html`${t('dash-history-note')}`;
    case 'extension_request':
      return html`${t('dash-history-extension', { date: h.requestedDue ? formatVnDate(h.requestedDue) : '?' })}`;
    case 'extension_decision':
      return html`${t(h.decision === 'approved' ? 'dash-history-approved' : 'dash-history-rejected')}`;
    case 'edit':
    case 'assign':
    case 'cancel':
      return changeOf(t, h);
    default:
      return html`${h.kind}`;
  }
}

function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length ? value.join('; ') : '—';
  return /^\d{4}-\d{2}-\d{2}$/.test(String(value)) ? formatVnDate(String(value)) : String(value);
}

/** An office change: each field with what it was and what it became. */
function changeOf(t: Translate, h: TaskDetail['history'][number]): Html {
  const data = (h.data ?? {}) as Record<string, unknown>;
  const fields = Object.entries(data).filter((e): e is [string, [unknown, unknown]] => Array.isArray(e[1]) && e[1].length === 2);
  return html`${t(`dash-history-${h.kind}`)}${
    fields.length
      ? html`<ul class="changes">${fields.map(
          ([field, [before, after]]) =>
            html`<li><span class="field">${t(`dash-field-${field}`)}</span>: <del>${shown(before)}</del> → <ins>${shown(after)}</ins></li>`,
        )}</ul>`
      : ''
  }`;
}

function facts(t: Translate, task: TaskDetail): Html {
  const rows: [string, string][] = [
    [t('report-col-document'), task.document],
    [t('report-col-lead'), task.leadUnit],
    [t('report-col-support'), task.supportUnits.join('; ')],
    [t('report-col-owners'), task.owners.join('; ')],
    [t('dash-task-timing'), task.dueText ?? ''],
    [t('dash-task-product'), task.product ?? ''],
  ];
  return html`<dl class="facts">${rows.filter(([, v]) => v).map(([k, v]) => html`<div><dt>${k}</dt><dd>${v}</dd></div>`)}</dl>`;
}

export function taskBody(t: Translate, task: TaskDetail, today: string): Html {
  return html`<p class="crumb"><a href="/dashboard/overdue">← ${t('dash-nav-overdue')}</a></p>
    ${facts(t, task)}
    <section class="panel">
      <h2>${t('dash-task-periods')}</h2>
      <div class="table-wrap"><table class="periods">
        <thead><tr><th scope="col">${t('dash-col-period')}</th><th scope="col">${t('report-col-due')}</th><th scope="col">${t('report-col-status')}</th><th scope="col">${t('report-col-days-late')}</th><th scope="col">${t('report-col-note')}</th></tr></thead>
        <tbody>${task.periods.map((p) => {
          const late = daysLate({ status: p.status, dueDate: p.dueDate, completedAt: p.completedAt }, today);
          return html`<tr>
            <td>${p.periodKey === 'once' ? '—' : p.periodKey}</td>
            <td>${p.dueDate ? formatVnDate(p.dueDate) : (task.dueText ?? '')}</td>
            <td><span class="status s-${p.status}">${statusOf(t, p.status, p.percent)}</span></td>
            <td class="${late > 0 ? 'late' : ''}">${late > 0 ? late : ''}</td>
            <td>${p.lastNote ?? ''}</td>
          </tr>`;
        })}</tbody>
      </table></div>
    </section>
    ${historyPanel(t, task)}`;
}

/** The task's whole history, newest first (the dashboard's and the office's task pages). */
export function historyPanel(t: Translate, task: TaskDetail): Html {
  return html`<section class="panel">
      <h2>${t('dash-task-history')}</h2>
      ${
        task.history.length === 0
          ? html`<p class="muted">${t('dash-task-no-history')}</p>`
          : html`<ol class="history">${task.history.map(
              (h) => html`<li>
              <div class="when">${formatVnDateTime(h.at)} · ${h.who ?? t('dash-history-system')} · ${CHANNELS[h.channel] ?? h.channel}${h.periodDue ? html` · ${t('dash-due', { date: formatVnDate(h.periodDue) })}` : ''}</div>
              <div class="what">${what(t, h)}</div>
              ${h.note ? html`<blockquote>${h.note}</blockquote>` : ''}
            </li>`,
            )}</ol>`
      }
    </section>`;
}
