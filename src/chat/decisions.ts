/**
 * Buttons that unit heads press on escalations and extension requests: open a task (its card with
 * the status buttons), approve or reject a request. Every press is re-checked in the database:
 * only a unit head, leader or admin over the task's lead unit, not the requester, may decide,
 * and only once.
 */
import { enqueueExtensionDecision } from '../store/outbox-events.js';
import { extensionRequestText } from './extension-message.js';
import { decisionOf, getExtensionRequest, recordExtensionDecision } from '../store/extensions.js';
import { canActOn, getOccurrenceView } from '../store/tasks.js';
import { formatVnDate } from '../domain/time.js';
import { taskCard } from './cards.js';
import type { LinkedContext, Response } from './types.js';

function refuse(text: string): Response {
  return { replies: [], notice: { text, alert: true } };
}

/** Sends the task's card (with its status buttons) as a new message. */
export async function openTask(ctx: LinkedContext, occurrenceId: number): Promise<Response> {
  const view = await getOccurrenceView(ctx.db, occurrenceId);
  if (!view || !(await canActOn(ctx.db, ctx.staff, occurrenceId))) return refuse(ctx.t('answer-not-yours'));
  return { replies: [taskCard(ctx.t, view, ctx.today)], notice: { text: '' } };
}

export async function decideExtension(ctx: LinkedContext, requestId: number, approve: boolean): Promise<Response> {
  const request = await getExtensionRequest(ctx.db, requestId, true);
  if (!request) return refuse(ctx.t('action-invalid'));
  const mayDecide = ctx.staff.role !== 'staff' && ctx.staff.id !== request.staffId && (await canActOn(ctx.db, ctx.staff, request.occurrenceId));
  if (!mayDecide) return refuse(ctx.t('extension-not-yours'));
  if (await decisionOf(ctx.db, requestId)) return refuse(ctx.t('extension-already-decided'));
  const { decisionId, previousDue } = await recordExtensionDecision(ctx.db, { request, deciderId: ctx.staff.id, channel: ctx.channel, approve, now: ctx.now });
  await enqueueExtensionDecision(ctx.db, { decisionId, requesterId: request.staffId, now: ctx.now });
  const original = await extensionRequestText(ctx.db, ctx.t, requestId, previousDue);
  const outcome = ctx.t(approve ? 'extension-decided-approved' : 'extension-decided-rejected', {
    who: ctx.staff.name,
    date: formatVnDate(request.requestedDue),
  });
  return {
    replies: [],
    edit: { text: original ? `${original.text}\n\n${outcome}` : outcome, occurrenceIds: [request.occurrenceId] },
    notice: { text: ctx.t(approve ? 'extension-notice-approved' : 'extension-notice-rejected') },
  };
}
