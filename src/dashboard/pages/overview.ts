/** The overview: counts by status, the overdue trend of the last eight weeks, and the same counts per unit. */
import { html, type Html } from '../../http/html.js';
import type { Translate } from '../../i18n.js';
import { trendChart } from '../chart.js';
import type { UnitCounts } from '../../store/overdue-report.js';
import type { StatusCounts, TrendPoint } from '../../store/overview.js';

export interface OverviewInput {
  t: Translate;
  unit: { id: number; name: string };
  /** Set when the viewer drilled into a unit below their own. */
  up?: { id: number; name: string } | undefined;
  counts: StatusCounts;
  units: UnitCounts[];
  trend: TrendPoint[];
  staleDays: number;
}

function card(label: string, value: number, kind: string, href?: string): Html {
  const inner = html`<span class="value">${value}</span><span class="label">${label}</span>`;
  return href ? html`<a class="card ${kind}" href="${href}">${inner}</a>` : html`<div class="card ${kind}">${inner}</div>`;
}

export function overviewBody(input: OverviewInput): Html {
  const { t, unit, up, counts, units, trend, staleDays } = input;
  const overdueHref = `/dashboard/overdue?unit=${unit.id}`;
  return html`
    ${up ? html`<p class="crumb"><a href="/dashboard?unit=${up.id}">← ${up.name}</a></p>` : ''}
    <section class="cards">
      ${card(t('dash-count-overdue'), counts.overdue, 'late', overdueHref)}
      ${card(t('status-blocked'), counts.blocked, 'blocked')}
      ${card(t('status-in_progress'), counts.in_progress, 'progress')}
      ${card(t('status-open'), counts.open, 'open')}
      ${card(t('status-done'), counts.done, 'done')}
    </section>
    <section class="panel">
      <h2>${t('dash-trend-title')}</h2>
      ${trendChart(trend, t('dash-trend-title'))}
      <p class="muted">${t('dash-trend-help')}</p>
    </section>
    <section class="panel">
      <h2>${t('dash-by-unit')}</h2>
      ${
        units.length === 0
          ? html`<p class="muted">${t('dash-empty')}</p>`
          : html`<div class="table-wrap"><table class="counts">
          <thead><tr>
            <th scope="col">${t('dash-col-unit')}</th><th scope="col">${t('dash-count-overdue')}</th><th scope="col">${t('dash-col-week')}</th>
            <th scope="col">${t('status-blocked')}</th><th scope="col">${t('dash-col-stale', { days: staleDays })}</th>
          </tr></thead>
          <tbody>${units.map(
            (u) => html`<tr>
              <th scope="row">${u.unitId === unit.id ? html`${u.name} <small class="muted">${t('dash-unit-itself')}</small>` : html`<a href="/dashboard?unit=${u.unitId}">${u.name}</a>`}</th>
              <td class="${u.overdue > 0 ? 'late' : ''}">${u.overdue > 0 ? html`<a href="/dashboard/overdue?unit=${u.unitId}">${u.overdue}</a>` : '0'}</td>
              <td>${u.week}</td>
              <td class="${u.blocked > 0 ? 'blocked' : ''}">${u.blocked}</td>
              <td>${u.stale}</td>
            </tr>`,
          )}</tbody>
        </table></div>`
      }
      <p class="muted">${t('dash-scope', { unit: unit.name })}</p>
    </section>`;
}
