/** The staff list page: the upload form, the preview of what an upload would do, and the applied result. */
import { html, type Html } from '../../../http/html.js';
import type { Translate } from '../../../i18n.js';
import type { SkippedRow } from '../../../import/staff-file.js';
import type { StaffPreview } from '../../../store/staff-import.js';
import { PATH_SEPARATOR } from '../../../store/units.js';

/** Rows shown per list in a preview; the counts always cover the whole file. */
export const PREVIEW_ROWS = 200;

export function uploadForm(t: Translate, action: string, csrf: string, accept: string, help: string): Html {
  return html`<form method="post" action="${action}" enctype="multipart/form-data" class="panel upload">
    <input type="hidden" name="csrf" value="${csrf}">
    <p class="muted">${help}</p>
    <label class="field">${t('office-upload-file')}<input type="file" name="file" accept="${accept}" required></label>
    <button type="submit" class="primary">${t('office-upload-button')}</button>
  </form>`;
}

export function staffUploadBody(t: Translate, csrf: string): Html {
  return uploadForm(t, '/office/staff', csrf, '.csv,.xlsx,.txt', t('office-staff-help'));
}

function skippedTable(t: Translate, skipped: SkippedRow[]): Html {
  if (skipped.length === 0) return html``;
  return html`<section class="panel skipped">
    <h2>${t('office-staff-skip', { count: skipped.length })}</h2>
    <div class="table-wrap"><table>
      <thead><tr><th scope="col">${t('office-col-line')}</th><th scope="col">${t('office-col-reason')}</th></tr></thead>
      <tbody>${skipped.slice(0, PREVIEW_ROWS).map((s) => html`<tr><td>${s.line}</td><td>${t(s.reason.key, s.reason.args)}</td></tr>`)}</tbody>
    </table></div>
  </section>`;
}

function changeTable(t: Translate, preview: StaffPreview, kind: 'add' | 'change'): Html {
  const rows = preview.changes.filter((c) => c.kind === kind).slice(0, PREVIEW_ROWS);
  if (rows.length === 0) return html``;
  return html`<section class="panel ${kind}">
    <h2>${t(kind === 'add' ? 'office-staff-add' : 'office-staff-change', { count: preview.counts[kind] })}</h2>
    <div class="table-wrap"><table>
      <thead><tr><th scope="col">${t('office-col-line')}</th><th scope="col">${t('dash-col-name')}</th><th scope="col">${t('dash-col-unit')}</th>
        <th scope="col">${t('dash-col-role')}</th><th scope="col">${t('dash-col-phone')}</th></tr></thead>
      <tbody>${rows.map((c) => {
        const before = c.kind === 'change' ? c.before : null;
        const path = c.row.unitPath.join(PATH_SEPARATOR);
        const cell = (now: string, was: string | undefined) => (was !== undefined && was !== now ? html`<del>${was}</del> ${now}` : html`${now}`);
        return html`<tr><td>${c.row.line}</td><td>${cell(c.row.name, before?.name)}</td><td>${cell(path, before?.unitPath)}</td>
          <td>${cell(t(`role-${c.row.role}`), before ? t(`role-${before.role}`) : undefined)}</td><td>${c.row.phone}</td></tr>`;
      })}</tbody>
    </table></div>
  </section>`;
}

export function staffPreviewBody(
  t: Translate,
  p: { fileName: string; encoding: string | null; preview: StaffPreview; skipped: SkippedRow[]; draftId: number; csrf: string },
): Html {
  const { counts } = p.preview;
  const nothing = counts.add + counts.change === 0;
  return html`<p class="summary-line">${t('office-staff-summary', { file: p.fileName, add: counts.add, change: counts.change, same: counts.same, skip: p.skipped.length })}</p>
    ${p.encoding && p.encoding !== 'UTF-8' ? html`<p class="muted">${t('office-staff-encoding', { encoding: p.encoding })}</p>` : ''}
    ${skippedTable(t, p.skipped)}
    ${changeTable(t, p.preview, 'add')}
    ${changeTable(t, p.preview, 'change')}
    ${
      nothing
        ? html`<p class="notice">${t('office-staff-nothing')}</p>`
        : html`<form method="post" action="/office/staff/confirm" class="confirm">
      <input type="hidden" name="csrf" value="${p.csrf}"><input type="hidden" name="draft" value="${String(p.draftId)}">
      <button type="submit" class="primary">${t('office-staff-confirm', { count: counts.add + counts.change })}</button>
      <a href="/office/staff">${t('office-cancel')}</a>
    </form>`
    }`;
}
