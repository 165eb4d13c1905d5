/** Extension messages: the request as the unit head sees it (Approve / Reject) and the decision as the owner hears it. */
import { actions } from './actions.js';
import { statusActions, truncate } from './cards.js';
import type { Db } from '../db/index.js';
import { formatVnDate } from '../domain/time.js';
import type { Translate } from '../i18n.js';
import { decisionOf, getExtensionDecision, getExtensionRequest } from '../store/extensions.js';
import { staffName } from '../store/staff.js';
import { occurrenceDetails } from '../store/occurrence-details.js';
import type { Rendered } from './nudge-message.js';

const TITLE_MAX = 120;

/** The request text (also what the head's message becomes after the decision, minus the buttons). */
export async function extensionRequestText(
  db: Db,
  t: Translate,
  requestId: number,
  currentDue?: string | null,
): Promise<{ text: string; occurrenceId: number } | undefined> {
  const request = await getExtensionRequest(db, requestId);
  if (!request) return undefined;
  const detail = (await occurrenceDetails(db, [request.occurrenceId])).get(request.occurrenceId);
  if (!detail) return undefined;
  const due = currentDue === undefined ? detail.dueDate : currentDue;
  const text = t('extension-request-head', {
    who: await staffName(db, request.staffId),
    id: detail.taskId,
    title: truncate(detail.title, TITLE_MAX),
    current: due ? formatVnDate(due) : t('extension-no-due'),
    requested: formatVnDate(request.requestedDue),
    reason: request.note ? truncate(request.note, 500) : t('extension-no-reason'),
  });
  return { text, occurrenceId: detail.occurrenceId };
}

export async function renderExtensionRequest(db: Db, t: Translate, requestId: number): Promise<Rendered> {
  if (await decisionOf(db, requestId)) return { skip: 'the extension request was decided before it could be sent' };
  const request = await extensionRequestText(db, t, requestId);
  if (!request) return { skip: 'the extension request no longer exists' };
  return {
    out: {
      text: request.text,
      actions: [
        { label: t('button-approve'), action: actions.approveExtension(requestId), row: 0 },
        { label: t('button-reject'), action: actions.rejectExtension(requestId), row: 0 },
        { label: t('button-open-task'), action: actions.openTask(request.occurrenceId), row: 1 },
      ],
      occurrenceIds: [request.occurrenceId],
    },
  };
}

export async function renderExtensionDecision(db: Db, t: Translate, decisionId: number): Promise<Rendered> {
  const decision = await getExtensionDecision(db, decisionId);
  const request = decision ? await getExtensionRequest(db, decision.requestId) : undefined;
  if (!decision || !request) return { skip: 'the extension decision no longer exists' };
  const detail = (await occurrenceDetails(db, [request.occurrenceId])).get(request.occurrenceId);
  if (!detail) return { skip: 'the task no longer exists' };
  const previous = decision.previousDue;
  const vars = {
    id: detail.taskId,
    title: truncate(detail.title, TITLE_MAX),
    who: await staffName(db, decision.staffId),
    requested: formatVnDate(request.requestedDue),
    current: previous ? formatVnDate(previous) : t('extension-no-due'),
  };
  const approved = decision.decision === 'approved';
  const closed = detail.status === 'done' || detail.status === 'cancelled';
  return {
    out: {
      text: t(approved ? 'extension-approved-owner' : 'extension-rejected-owner', vars),
      ...(closed ? {} : { actions: statusActions(t, detail.occurrenceId) }),
      occurrenceIds: [detail.occurrenceId],
    },
  };
}
