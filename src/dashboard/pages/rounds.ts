/**
 * Report rounds on the dashboard: each round with its due date, status, which units of the
 * viewer's subtree have and have not reported, and its compiled files; then the units'
 * scorecard for a period (the evaluation criterion the plans name), counted like the report.
 */
import { html, type Html } from '../../http/html.js';
import type { Translate } from '../../i18n.js';
import { formatVnDate } from '../../domain/time.js';
import type { UnitScore } from '../../store/round-report.js';

export interface RoundView {
  id: number;
  periodKey: string;
  due: string;
  status: 'collecting' | 'compiled';
  progress: { unit: string; asked: number; answered: number }[];
  files: { id: number; fileName: string }[];
}

function progressList(t: Translate, round: RoundView): Html {
  if (round.progress.length === 0) return html`<p class="muted">${t('dash-empty')}</p>`;
  return html`<ul>${round.progress.map(
    (p) => html`<li class="${p.answered < p.asked ? 'late' : ''}">${p.unit}: ${t('dash-round-progress', { answered: p.answered, asked: p.asked })}</li>`,
  )}</ul>`;
}

function scoreTable(t: Translate, units: UnitScore[], total: UnitScore): Html {
  const row = (u: UnitScore, name: string) =>
    html`<tr><th scope="row">${name}</th><td>${u.total}</td><td>${u.doneOnTime}</td><td>${u.doneLate}</td><td>${u.inProgress}</td><td class="${u.overdue > 0 ? 'late' : ''}">${u.overdue}</td><td>${u.answered}</td></tr>`;
  return html`<div class="table-wrap"><table class="counts">
    <thead><tr>${['unit', 'total', 'on-time', 'late', 'in-progress', 'overdue', 'answered'].map((k) => html`<th scope="col">${t(`round-score-${k}`)}</th>`)}</tr></thead>
    <tbody>${units.map((u) => row(u, u.unit))}${row(total, t('round-score-all'))}</tbody>
  </table></div>`;
}

export function roundsBody(t: Translate, input: { rounds: RoundView[]; period: string; units: UnitScore[]; total: UnitScore }): Html {
  return html`
    <section class="panel">
      <h2>${t('dash-rounds-title')}</h2>
      ${
        input.rounds.length === 0
          ? html`<p class="muted">${t('dash-rounds-none')}</p>`
          : input.rounds.map(
              (r) => html`<article class="round" id="round-${r.id}">
          <h3>${r.periodKey} · ${t('dash-round-due', { due: formatVnDate(r.due) })} · ${t(`round-status-${r.status}`)}</h3>
          ${progressList(t, r)}
          ${r.files.length > 0 ? html`<p>${r.files.map((f) => html`<a href="/dashboard/rounds/file/${f.id}">${f.fileName}</a> `)}</p>` : ''}
        </article>`,
            )
      }
    </section>
    <section class="panel">
      <h2>${t('dash-scorecard-title', { period: input.period })}</h2>
      <form method="get" action="/dashboard/rounds" class="filters">
        <label>${t('dash-scorecard-period')} <input name="period" value="${input.period}" pattern="\\d{4}(-Q[1-4])?"></label>
        <button type="submit">${t('dash-filter-apply')}</button>
      </form>
      ${scoreTable(t, input.units, input.total)}
    </section>`;
}
