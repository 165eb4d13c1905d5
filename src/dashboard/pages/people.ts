/** People of the viewer's units who have not linked a chat account yet, with their link code or a button to make one. */
import { formatVnDate, localDate } from '../../domain/time.js';
import { html, type Html } from '../../http/html.js';
import type { Translate } from '../../i18n.js';
import type { UnlinkedPerson } from '../../store/task-detail.js';

export function peopleBody(t: Translate, people: UnlinkedPerson[], csrf: string): Html {
  if (people.length === 0) return html`<p class="muted">${t('dash-people-none')}</p>`;
  return html`<p class="muted">${t('dash-people-help')}</p>
    <div class="panel table-wrap"><table class="people">
      <thead><tr>
        <th scope="col">${t('dash-col-name')}</th><th scope="col">${t('dash-col-unit')}</th><th scope="col">${t('dash-col-role')}</th>
        <th scope="col">${t('dash-col-phone')}</th><th scope="col">${t('dash-col-code')}</th>
      </tr></thead>
      <tbody>${people.map(
        (p) => html`<tr id="staff-${p.id}">
          <th scope="row">${p.name}</th><td>${p.unitName}</td><td>${t(`role-${p.role}`)}</td><td>${p.phone}</td>
          <td>${
            p.code
              ? html`<code class="code">${p.code}</code><small class="muted">${t('dash-code-until', { date: formatVnDate(localDate(p.codeExpiresAt ?? new Date())) })}</small>`
              : html`<form method="post" action="/dashboard/people/${p.id}/code" class="inline">
                <input type="hidden" name="csrf" value="${csrf}"><button type="submit" class="small">${t('dash-code-create')}</button>
              </form>`
          }</td>
        </tr>`,
      )}</tbody>
    </table></div>`;
}
