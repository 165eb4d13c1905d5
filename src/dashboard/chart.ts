/** The overdue trend as an inline SVG bar chart (no script, no external library; safe under the page's CSP). */
import { formatVnDate } from '../domain/time.js';
import { html, type Html } from '../http/html.js';
import type { TrendPoint } from '../store/overview.js';

const WIDTH = 420;
const HEIGHT = 200;
const TOP = 22;
const BOTTOM = 26;
const SIDE = 6;

export function trendChart(points: TrendPoint[], label: string): Html {
  const max = Math.max(1, ...points.map((p) => p.overdue));
  const slot = (WIDTH - 2 * SIDE) / Math.max(1, points.length);
  const barWidth = Math.min(36, slot * 0.62);
  const plot = HEIGHT - TOP - BOTTOM;
  const bars = points.map((p, i) => {
    const h = Math.round((p.overdue / max) * plot);
    const x = SIDE + i * slot + (slot - barWidth) / 2;
    const y = TOP + plot - h;
    const last = i === points.length - 1;
    const day = formatVnDate(p.date).slice(0, 5);
    return html`<g>
      <rect x="${x.toFixed(1)}" y="${y}" width="${barWidth.toFixed(1)}" height="${Math.max(h, 1)}" rx="3" fill="${last ? '#a12a1f' : '#d46a5f'}"></rect>
      <text x="${(x + barWidth / 2).toFixed(1)}" y="${y - 6}" text-anchor="middle" font-size="14" font-weight="600" fill="#1d2733">${p.overdue}</text>
      <text x="${(x + barWidth / 2).toFixed(1)}" y="${HEIGHT - 10}" text-anchor="middle" font-size="11.5" fill="#4c5a68">${day}</text>
    </g>`;
  });
  return html`<svg class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${label}" preserveAspectRatio="xMidYMid meet">
    <line x1="${SIDE}" y1="${TOP + plot + 0.5}" x2="${WIDTH - SIDE}" y2="${TOP + plot + 0.5}" stroke="#c9d2da"></line>
    ${bars}
  </svg>`;
}
