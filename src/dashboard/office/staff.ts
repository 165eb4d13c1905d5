/**
 * Loading the staff list in the browser: upload → preview (nothing stored) → confirm, which
 * applies the whole list in one transaction and shows its progress as the batches go in. A unit
 * head or leader may only add or change people of their own subtree; rows outside it are skipped
 * with that reason.
 */
import { html, raw } from '../../http/html.js';
import { redirect, startHtml } from '../../http/pages.js';
import { readUpload } from '../../http/upload.js';
import { MAX_STAFF_FILE_BYTES, readStaffFile, StaffFileError, type SkippedRow, type StaffRow } from '../../import/staff-file.js';
import { applyStaffImport, claimStaffImportDraft, createStaffImportDraft, previewStaffImport, pruneStaffImportDrafts } from '../../store/staff-import.js';
import { getUnit, PATH_SEPARATOR } from '../../store/units.js';
import { layout } from '../layout.js';
import { intParam, officePage, officeProblem, type OfficeContext } from './context.js';
import { staffPreviewBody, staffUploadBody } from './pages/staff.js';

export async function staffPage(ctx: OfficeContext): Promise<void> {
  officePage(ctx, 200, ctx.t('office-nav-staff'), 'office-staff', staffUploadBody(ctx.t, ctx.viewer.csrf));
}

function inside(path: string, rootPath: string | null): boolean {
  return rootPath === null || path === rootPath || path.startsWith(`${rootPath}${PATH_SEPARATOR}`);
}

export async function staffUpload(ctx: OfficeContext): Promise<void> {
  const { t, deps } = ctx;
  const upload = await readUpload(ctx.req, MAX_STAFF_FILE_BYTES);
  if (!upload.ok)
    return officeProblem(ctx, upload.reason === 'too_large' ? 413 : 400, 'office-upload-problem', [
      t(upload.reason === 'too_large' ? 'staff-file-too-large' : 'office-upload-malformed'),
      t('office-nothing-changed'),
    ]);
  if (upload.fields.get('csrf') !== ctx.viewer.csrf) return officeProblem(ctx, 403, 'dash-forbidden-title', [t('dash-cross-site')]);
  if (!upload.file || upload.file.bytes.length === 0) return officeProblem(ctx, 400, 'office-upload-problem', [t('office-upload-none')]);
  const { name, bytes } = upload.file;
  let table;
  try {
    table = await readStaffFile(bytes, name);
  } catch (error) {
    if (!(error instanceof StaffFileError)) throw error;
    return officeProblem(ctx, error.code === 'too_large' ? 413 : 422, 'office-upload-problem', [
      t('office-file-named', { file: name }),
      t(error.reason.key, error.reason.args),
      t('office-nothing-changed'),
    ]);
  }
  const now = deps.clock.now();
  const rootPath = ctx.viewer.staff.role === 'admin' ? null : ((await getUnit(deps.db, ctx.root))?.path ?? '');
  const outside: SkippedRow[] = [];
  const rows: StaffRow[] = [];
  for (const row of table.rows) {
    if (inside(row.unitPath.join(PATH_SEPARATOR), rootPath)) rows.push(row);
    else outside.push({ line: row.line, reason: { key: 'office-staff-outside', args: { unit: row.unitPath.join(PATH_SEPARATOR) } } });
  }
  const preview = await previewStaffImport(deps.db, rows);
  // A person who now belongs to a unit outside the viewer's subtree is not theirs to move.
  const kept = preview.changes.filter((c) => c.kind !== 'change' || inside(c.before.unitPath, rootPath));
  for (const c of preview.changes)
    if (!kept.includes(c))
      outside.push({ line: c.row.line, reason: { key: 'office-staff-outside', args: { unit: c.kind === 'change' ? c.before.unitPath : '' } } });
  const allowed = await previewStaffImport(
    deps.db,
    kept.map((c) => c.row),
  );
  await pruneStaffImportDrafts(deps.db, now);
  const toStore = allowed.changes.filter((c) => c.kind !== 'same').map((c) => c.row);
  const draftId = await createStaffImportDraft(deps.db, { staffId: ctx.viewer.staff.id, fileName: name, rows: toStore, now });
  const skipped = [...table.skipped, ...outside].sort((a, b) => a.line - b.line);
  officePage(
    ctx,
    200,
    t('office-staff-preview-title'),
    'office-staff',
    staffPreviewBody(t, { fileName: name, encoding: table.encoding, preview: allowed, skipped, draftId, csrf: ctx.viewer.csrf }),
  );
}

/** Applies a previewed list once; the page streams a line per stored batch, then the result. */
export async function staffConfirm(ctx: OfficeContext, form: URLSearchParams): Promise<void> {
  const { t, deps, res } = ctx;
  const draftId = intParam(form.get('draft'));
  if (draftId === undefined) return redirect(res, '/office/staff');
  const now = deps.clock.now();
  const MARK = '<!--progress-->';
  const [head, tail] = layout(
    {
      t,
      locale: ctx.viewer.locale,
      title: t('office-staff-applying'),
      section: 'office-staff',
      here: '/office/staff',
      viewer: { name: ctx.viewer.staff.name, csrf: ctx.viewer.csrf },
    },
    raw(MARK),
  ).value.split(MARK) as [string, string];
  let started = false;
  const applying = deps.db.transaction().execute(async (trx) => {
    const claim = await claimStaffImportDraft(trx, draftId, ctx.viewer.staff.id, now);
    if (!claim.ok) return claim;
    startHtml(res, 200);
    started = true;
    res.write(`${head}<ol class="progress">`);
    await applyStaffImport(trx, claim.rows, now, (done, total) => {
      res.write(html`<li>${t('cli-staff-import-progress', { done, total })}</li>`.value);
    });
    return { ok: true as const, count: claim.rows.length, fileName: claim.fileName };
  });
  const outcome = await applying.catch((error: unknown) => {
    if (!started) throw error;
    deps.logger.error({ err: error }, 'staff import from the office failed');
    res.end(`</ol>${html`<p class="notice">${t('office-staff-failed')} ${t('office-nothing-changed')}</p>`.value}${tail}`);
    return null;
  });
  if (outcome === null) return;
  if (!outcome.ok) {
    return officeProblem(ctx, outcome.reason === 'decided' ? 409 : 404, 'office-staff-applied-title', [
      t(outcome.reason === 'decided' ? 'office-already-applied' : 'office-draft-unknown'),
      t('office-nothing-changed'),
    ]);
  }
  res.end(
    `</ol>${
      html`<p class="notice done">${t('office-staff-applied', { count: outcome.count, file: outcome.fileName })}</p>
    <p><a href="/office/links">${t('office-staff-next-links')}</a></p>`.value
    }${tail}`,
  );
}
