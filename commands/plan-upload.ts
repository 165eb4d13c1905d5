/**
 * An admin sends a plan (.docx, .txt, .xlsx) to the bot: dondoc answers with a preview of the
 * tasks it found (lead, support, due) and the unit names it could not resolve, with Confirm and
 * Cancel. Nothing is stored as a task before Confirm; the proposal waits in plan_drafts.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { formatVnDate } from '../src/domain/time.js';
import type { PlanImport, PlanTask } from '../src/import/types.js';
import { MAX_PLAN_FILE_BYTES, PLAN_FILE_EXTENSIONS, PlanFileError, readPlanBuffer } from '../src/import/read-plan.js';
import { createPlanDraft, lockPlanDraft, setPlanDraftStatus } from '../src/store/plan-drafts.js';
import { applyPlan } from '../src/store/plans.js';
import { createUnitResolver, type UnitResolver } from '../src/store/unit-resolver.js';
import { actions } from '../src/chat/actions.js';
import { truncate } from '../src/chat/cards.js';
import type { LinkedContext, Response } from '../src/chat/types.js';
import { reply } from '../src/chat/types.js';

export const MAX_PLAN_BYTES = MAX_PLAN_FILE_BYTES;
const MAX_PLAN_MB = Math.round(MAX_PLAN_BYTES / (1024 * 1024));
const PLAN_TYPES = new Set<string>(PLAN_FILE_EXTENSIONS);
const PREVIEW_TITLE_LENGTH = 160;

export interface IncomingFile {
  fileName: string;
  size?: number | undefined;
  fetch(): Promise<Buffer>;
}

function dueText(ctx: LinkedContext, due: PlanTask['due']): string {
  if (due.kind === 'date' && due.date) return formatVnDate(due.date);
  return due.text || ctx.t('plan-preview-no-due');
}

function unitNames(resolver: UnitResolver, names: string[], unresolved: Set<string>): string {
  return names
    .map((name) => {
      if (resolver.resolve(name)) return name;
      unresolved.add(name);
      return `${name} (?)`;
    })
    .join('; ');
}

async function preview(ctx: LinkedContext, plan: PlanImport, draftId: number): Promise<Response> {
  const resolver = await createUnitResolver(ctx.db, { issuer: plan.document.issuer });
  const unresolved = new Set<string>();
  const lines = plan.tasks.map((task, i) => {
    const parts = [`${i + 1}. [${task.ref}] ${truncate(task.title, PREVIEW_TITLE_LENGTH)}`];
    parts.push(`   ${ctx.t('plan-preview-lead', { units: unitNames(resolver, task.lead, unresolved) || '—' })}`);
    if (task.support.length) parts.push(`   ${ctx.t('plan-preview-support', { units: unitNames(resolver, task.support, unresolved) })}`);
    parts.push(`   ${ctx.t('plan-preview-due', { due: dueText(ctx, task.due) })}`);
    if (task.doubts?.length) parts.push(`   ${ctx.t('plan-preview-doubts', { doubts: task.doubts.map((d) => ctx.t(`plan-doubt-${d}`)).join('; ') })}`);
    return parts.join('\n');
  });
  const doubtful = plan.tasks.filter((t) => t.doubts?.length).length;
  const header = ctx.t('plan-preview-header', {
    number: plan.document.number || '—',
    issuer: plan.document.issuer ?? '—',
    count: plan.tasks.length,
  });
  const resolved = unresolved.size ? ctx.t('plan-preview-unresolved', { names: [...unresolved].join('; ') }) : ctx.t('plan-preview-all-resolved');
  const footer = doubtful ? `${resolved}\n${ctx.t('plan-preview-doubtful', { count: doubtful })}` : resolved;
  return reply({
    text: [header, '', ...lines, '', footer, ctx.t('plan-preview-confirm')].join('\n'),
    actions: [
      { label: ctx.t('button-plan-confirm'), action: actions.planConfirm(draftId), row: 0 },
      { label: ctx.t('button-plan-cancel'), action: actions.planCancel(draftId), row: 0 },
    ],
  });
}

export async function handlePlanFile(ctx: LinkedContext, file: IncomingFile): Promise<Response> {
  if (ctx.staff.role !== 'admin') return reply(ctx.t('plan-upload-not-allowed'));
  const ext = path.extname(file.fileName).toLowerCase();
  if (!PLAN_TYPES.has(ext)) return reply(ctx.t('plan-upload-type', { name: file.fileName }));
  if (file.size !== undefined && file.size > MAX_PLAN_BYTES) return reply(ctx.t('plan-upload-too-large', { max: MAX_PLAN_MB }));
  const bytes = await file.fetch();
  if (bytes.length > MAX_PLAN_BYTES) return reply(ctx.t('plan-upload-too-large', { max: MAX_PLAN_MB }));
  let plan: PlanImport;
  try {
    plan = await readPlanBuffer(bytes, file.fileName);
  } catch (error) {
    if (error instanceof PlanFileError) return reply(ctx.t(`plan-upload-error-${error.code.replace('_', '-')}`, { name: file.fileName }));
    throw error;
  }
  if (plan.tasks.length === 0) return reply(ctx.t('plan-upload-error-empty', { name: file.fileName }));
  const fileHash = createHash('sha256').update(bytes).digest('hex');
  const draftId = await createPlanDraft(ctx.db, { staffId: ctx.staff.id, fileName: file.fileName, fileHash, plan, now: ctx.now });
  return preview(ctx, plan, draftId);
}

/** Confirm stores the document and its tasks; Cancel drops the proposal. Both only once, only by its sender. */
export async function decidePlanDraft(ctx: LinkedContext, draftId: number, confirm: boolean): Promise<Response> {
  const draft = await lockPlanDraft(ctx.db, draftId);
  if (!draft || draft.staffId !== ctx.staff.id || ctx.staff.role !== 'admin') {
    return { replies: [], notice: { text: ctx.t('action-invalid'), alert: true } };
  }
  if (draft.status !== 'pending') {
    return { replies: [], notice: { text: ctx.t('plan-draft-already', { status: ctx.t(`plan-draft-${draft.status}`) }), alert: true } };
  }
  await setPlanDraftStatus(ctx.db, draftId, confirm ? 'confirmed' : 'cancelled', ctx.now);
  if (!confirm)
    return { replies: [], edit: { text: ctx.t('plan-draft-cancelled-text', { name: draft.fileName }) }, notice: { text: ctx.t('plan-draft-cancelled') } };
  const report = await applyPlan(ctx.db, draft.plan, { fileName: draft.fileName, fileHash: draft.fileHash }, ctx.now, ctx.staff.id);
  const lines = [ctx.t('plan-imported', { name: draft.fileName, created: report.created, updated: report.updated, unchanged: report.unchanged })];
  if (report.unresolved.length) lines.push(ctx.t('plan-preview-unresolved', { names: report.unresolved.join('; ') }));
  lines.push(ctx.t('plan-imported-next'));
  return { replies: [], edit: { text: lines.join('\n') }, notice: { text: ctx.t('plan-draft-confirmed') } };
}
