/**
 * Plans in the browser: upload a .docx/.pdf/.txt/.xlsx, read by the plan importer (same limits
 * as chat and CLI); the parsed tasks come back as an editable table with the parser's doubts
 * marked; the office corrects cells, removes rows, adds missing ones, picks owners, confirms.
 * Confirm stores the plan as `plan import` does (a re-upload updates, never duplicates) and the
 * owners, in one transaction; a draft is confirmed once.
 */
import { createHash } from 'node:crypto';
import { parseDue } from '../../import/due.js';
import { MAX_PLAN_FILE_BYTES, PlanFileError, readPlanBuffer } from '../../import/read-plan.js';
import type { PlanImport, PlanTask } from '../../import/types.js';
import { redirect } from '../../http/pages.js';
import { readUpload } from '../../http/upload.js';
import { activePersonUnder, addTaskOwner, assignableTask } from '../../store/assignments.js';
import { peopleWithUnits, searchTasks, tasksForRef } from '../../store/office-tasks.js';
import { createPlanDraft, lockPlanDraft, setPlanDraftStatus, updatePlanDraft } from '../../store/plan-drafts.js';
import { applyPlan } from '../../store/plans.js';
import { documentsInSubtree, unitsInSubtree } from '../../store/scope.js';
import { forbidden, intParam, officePage, officeProblem, type OfficeContext } from './context.js';
import { html } from '../../http/html.js';
import { draftBody, plansBody, shownDue, tasksTable, type DraftTask } from './pages/plans.js';

const MAX_CELL = 2000;

export async function plansPage(ctx: OfficeContext): Promise<void> {
  const documents = await documentsInSubtree(ctx.deps.db, ctx.root);
  officePage(ctx, 200, ctx.t('office-nav-plans'), 'office-plans', plansBody(ctx.t, ctx.viewer.csrf, documents));
}

export async function planUpload(ctx: OfficeContext): Promise<void> {
  const { t, deps } = ctx;
  const upload = await readUpload(ctx.req, MAX_PLAN_FILE_BYTES);
  if (!upload.ok)
    return officeProblem(ctx, upload.reason === 'too_large' ? 413 : 400, 'office-upload-problem', [
      t(upload.reason === 'too_large' ? 'plan-upload-error-too-large' : 'office-upload-malformed', { name: '' }),
      t('office-nothing-changed'),
    ]);
  if (upload.fields.get('csrf') !== ctx.viewer.csrf) return officeProblem(ctx, 403, 'dash-forbidden-title', [t('dash-cross-site')]);
  if (!upload.file || upload.file.bytes.length === 0) return officeProblem(ctx, 400, 'office-upload-problem', [t('office-upload-none')]);
  const { name, bytes } = upload.file;
  let plan: PlanImport;
  try {
    plan = await readPlanBuffer(bytes, name);
  } catch (error) {
    if (!(error instanceof PlanFileError)) throw error;
    const status = error.code === 'too_large' || error.code === 'too_long' ? 413 : 422;
    return officeProblem(ctx, status, 'office-upload-problem', [t(`plan-upload-error-${error.code.replace('_', '-')}`, { name }), t('office-nothing-changed')]);
  }
  if (plan.tasks.length === 0) return officeProblem(ctx, 422, 'office-upload-problem', [t('plan-upload-error-empty', { name }), t('office-nothing-changed')]);
  const fileHash = createHash('sha256').update(bytes).digest('hex');
  const id = await createPlanDraft(deps.db, { staffId: ctx.viewer.staff.id, fileName: name, fileHash, plan, now: deps.clock.now() });
  redirect(ctx.res, `/office/plans/draft/${id}`);
}

async function renderDraft(ctx: OfficeContext, draft: { id: number; fileName: string; plan: PlanImport }, problems: string[], status = 200): Promise<void> {
  const { deps } = ctx;
  const people = (await peopleWithUnits(deps.db, ctx.root)).map((p) => ({ id: p.id, name: p.name, unit: p.unit.split(' / ').at(-1) ?? p.unit }));
  const body = draftBody(ctx.t, {
    draftId: draft.id,
    csrf: ctx.viewer.csrf,
    fileName: draft.fileName,
    number: draft.plan.document.number,
    tasks: draft.plan.tasks as DraftTask[],
    units: await unitsInSubtree(deps.db, ctx.root),
    people,
    problems,
  });
  officePage(ctx, status, ctx.t('office-draft-title'), 'office-plans', body);
}

async function ownDraft(ctx: OfficeContext, id: number) {
  const draft = await lockPlanDraft(ctx.deps.db, id);
  return draft && draft.staffId === ctx.viewer.staff.id ? draft : undefined;
}

export async function planDraftPage(ctx: OfficeContext, match: RegExpExecArray | null): Promise<void> {
  const draft = await ownDraft(ctx, Number(match?.[1]));
  if (!draft) return forbidden(ctx);
  if (draft.status !== 'pending') return officeProblem(ctx, 409, 'office-draft-title', [ctx.t('office-already-applied')]);
  await renderDraft(ctx, draft, []);
}

function names(value: string | null): string[] {
  return (value ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The plan as the office corrected it in the form; problems for cells it cannot take. */
function editedPlan(ctx: OfficeContext, plan: PlanImport, form: URLSearchParams): { plan: PlanImport; problems: string[] } {
  const rows = Math.min(intParam(form.get('rows')) ?? 0, plan.tasks.length + 50);
  const byRef = new Map(plan.tasks.map((task) => [task.ref, task]));
  const tasks: DraftTask[] = [];
  const problems: string[] = [];
  let added = 0;
  for (let i = 0; i < rows; i++) {
    const get = (field: string) => (form.get(`${field}.${i}`) ?? '').trim().slice(0, MAX_CELL);
    const original = byRef.get(get('ref'));
    if (form.get(`remove.${i}`) === '1') continue;
    const title = get('title');
    if (!original && !title) continue;
    if (!title) {
      problems.push(ctx.t('office-draft-no-title', { ref: original?.ref ?? '' }));
      continue;
    }
    const dueText = get('due');
    const due =
      original && dueText === shownDue(original) ? original.due : dueText ? parseDue(dueText) : { kind: 'none' as const, date: null, rule: null, text: '' };
    const lead = names(get('lead'));
    const task: DraftTask = {
      ...(original ?? {}),
      ref: original?.ref ?? `+${++added}`,
      title,
      lead,
      support: names(get('support')),
      due,
      owner: intParam(get('owner')) ?? null,
    };
    const product = get('product');
    if (product) task.product = product;
    else delete task.product;
    const doubts: PlanTask['doubts'] = [];
    if (lead.length === 0) doubts.push('lead');
    if (due.kind === 'none') doubts.push('due');
    if (doubts.length) task.doubts = doubts;
    else delete task.doubts;
    tasks.push(task);
  }
  return { plan: { document: plan.document, tasks }, problems };
}

class OwnerProblem extends Error {}

export async function planDraftConfirm(ctx: OfficeContext, form: URLSearchParams, match: RegExpExecArray | null): Promise<void> {
  const { t, deps } = ctx;
  const id = Number(match?.[1]);
  const draft = await ownDraft(ctx, id);
  if (!draft) return forbidden(ctx);
  if (draft.status !== 'pending') return officeProblem(ctx, 409, 'office-draft-title', [t('office-already-applied'), t('office-nothing-changed')]);
  const edited = editedPlan(ctx, draft.plan, form);
  await updatePlanDraft(deps.db, id, edited.plan);
  if (edited.problems.length) return renderDraft(ctx, { ...draft, plan: edited.plan }, edited.problems, 422);
  if (edited.plan.tasks.length === 0) return renderDraft(ctx, { ...draft, plan: edited.plan }, [t('office-draft-empty')], 422);
  const now = deps.clock.now();
  try {
    const documentId = await deps.db.transaction().execute(async (trx) => {
      const locked = await lockPlanDraft(trx, id);
      if (!locked || locked.status !== 'pending') return null;
      const report = await applyPlan(trx, edited.plan, { fileName: draft.fileName, fileHash: draft.fileHash }, now, ctx.viewer.staff.id);
      for (const task of edited.plan.tasks as DraftTask[]) {
        if (!task.owner) continue;
        for (const taskId of await tasksForRef(trx, report.documentId, task.ref)) {
          const target = await assignableTask(trx, ctx.root, taskId);
          const person = target?.leadUnitId ? await activePersonUnder(trx, task.owner, [target.leadUnitId]) : undefined;
          if (!target || !person) throw new OwnerProblem(t('office-draft-bad-owner', { ref: task.ref, title: task.title }));
          await addTaskOwner(trx, { taskId, occurrenceId: target.occurrenceId, ownerId: person.id, byStaffId: ctx.viewer.staff.id, channel: 'web', now });
        }
      }
      await setPlanDraftStatus(trx, id, 'confirmed', now);
      return report.documentId;
    });
    if (documentId === null) return officeProblem(ctx, 409, 'office-draft-title', [t('office-already-applied'), t('office-nothing-changed')]);
    redirect(ctx.res, `/office/plans/${documentId}?saved=1`);
  } catch (error) {
    if (!(error instanceof OwnerProblem)) throw error;
    await renderDraft(ctx, { ...draft, plan: edited.plan }, [error.message, t('office-nothing-changed')], 422);
  }
}

export async function planDocumentPage(ctx: OfficeContext, match: RegExpExecArray | null): Promise<void> {
  const documentId = Number(match?.[1]);
  const rows = await searchTasks(ctx.deps.db, ctx.root, { doc: documentId }, { unled: ctx.viewer.staff.role === 'admin', limit: 1000 });
  // A plan is the viewer's when at least one of its tasks is led inside their subtree.
  if (rows.length === 0) return forbidden(ctx);
  const saved = ctx.url.searchParams.get('saved') === '1';
  const body = tasksTable(ctx.t, rows);
  officePage(ctx, 200, rows[0]!.document, 'office-plans', saved ? html`<p class="notice done">${ctx.t('office-draft-saved')}</p>${body}` : body);
}
