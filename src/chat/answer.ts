/**
 * A person's answer about one occurrence, however it arrived: a button, a numbered choice, a
 * reply to a task message, or a line of free text. Every change is checked against the
 * database and stored as an update row.
 */
import { formatVnDate } from '../domain/time.js';
import type { Status } from '../domain/types.js';
import { clearPrompt, setPrompt, type PromptKind } from '../store/conversation.js';
import { canActOn, getOccurrenceView } from '../store/tasks.js';
import { answerStatus, recordExtensionRequest, recordNote, recordStatus } from '../store/updates.js';
import { enqueueBlockedEscalation, enqueueExtensionRequest } from '../store/outbox-events.js';
import type { StatusChoice } from './actions.js';
import { taskCard, truncate } from './cards.js';
import type { LinkedContext, Response } from './types.js';
import { reply } from './types.js';

export const MAX_NOTE_LENGTH = 2000;
const PROMPT_TTL_MS = 24 * 60 * 60 * 1000;

type Guard = { ok: true } | { ok: false; response: Response };

/** Refuses (changing nothing) when the occurrence does not exist, is not theirs, or is cancelled. */
async function guard(ctx: LinkedContext, occurrenceId: number): Promise<Guard> {
  const view = await getOccurrenceView(ctx.db, occurrenceId);
  if (!view || !(await canActOn(ctx.db, ctx.staff, occurrenceId))) {
    return { ok: false, response: { replies: [], notice: { text: ctx.t('answer-not-yours'), alert: true } } };
  }
  if (view.status === 'cancelled') {
    return { ok: false, response: { replies: [], notice: { text: ctx.t('answer-cancelled'), alert: true } } };
  }
  return { ok: true };
}

async function card(ctx: LinkedContext, occurrenceId: number) {
  const view = await getOccurrenceView(ctx.db, occurrenceId);
  return view ? taskCard(ctx.t, view, ctx.today) : undefined;
}

function who(ctx: LinkedContext, occurrenceId: number) {
  return { occurrenceId, staffId: ctx.staff.id, channel: ctx.channel, now: ctx.now };
}

/** Sets a status; `viaButton` edits the card in place, otherwise the new card is sent as a reply. */
export async function applyStatus(
  ctx: LinkedContext,
  occurrenceId: number,
  change: { status: Status; percent?: number | undefined; note?: string | undefined },
  viaButton: boolean,
): Promise<Response> {
  const note = change.note ? change.note.trim() : undefined;
  if (note && [...note].length > MAX_NOTE_LENGTH) {
    const allowed = await guard(ctx, occurrenceId);
    if (!allowed.ok) return viaButton ? allowed.response : reply(allowed.response.notice?.text ?? '');
    return tooLong(ctx, viaButton);
  }
  const made = ctx.pressAnswer;
  const answer =
    made && made.occurrenceId === occurrenceId && made.status === change.status && change.percent === undefined && !note
      ? made.answer
      : await answerStatus(ctx.db, { ...who(ctx, occurrenceId), actor: ctx.staff }, { status: change.status, percent: change.percent, note });
  if (!answer.allowed || answer.cancelled) {
    const text = ctx.t(answer.allowed ? 'answer-cancelled' : 'answer-not-yours');
    return viaButton ? { replies: [], notice: { text, alert: true } } : reply(text);
  }
  if (answer.updateId && change.status === 'blocked') await escalateBlocked(ctx, occurrenceId, answer.updateId);
  const updated = answer.view ? taskCard(ctx.t, answer.view, ctx.today) : undefined;
  const notice = ctx.t(answer.changed ? 'answer-saved' : 'answer-unchanged', { status: ctx.t(`status-${change.status}`) });
  if (viaButton) return { replies: [], ...(updated ? { edit: updated } : {}), notice: { text: notice } };
  return reply(notice, ...(updated ? [updated] : []));
}

function tooLong(ctx: LinkedContext, viaButton: boolean): Response {
  const text = ctx.t('answer-too-long', { max: MAX_NOTE_LENGTH });
  return viaButton ? { replies: [], notice: { text, alert: true } } : reply(text);
}

/** Marks blocked and asks for the reason; the next line (or a reply) becomes the note. */
async function startPrompt(ctx: LinkedContext, occurrenceId: number, kind: PromptKind, viaButton: boolean): Promise<Response> {
  const allowed = await guard(ctx, occurrenceId);
  if (!allowed.ok) return viaButton ? allowed.response : reply(allowed.response.notice?.text ?? '');
  let edit;
  if (kind === 'blocked_reason') {
    const { updateId } = await recordStatus(ctx.db, who(ctx, occurrenceId), { status: 'blocked' });
    if (updateId) await escalateBlocked(ctx, occurrenceId, updateId);
    edit = await card(ctx, occurrenceId);
  }
  await setPrompt(ctx.db, { staffId: ctx.staff.id, channel: ctx.channel, kind, occurrenceId, now: ctx.now, ttlMs: PROMPT_TTL_MS });
  const view = await getOccurrenceView(ctx.db, occurrenceId);
  const title = truncate(view?.title ?? '', 80);
  const ask = {
    text: ctx.t(kind === 'blocked_reason' ? 'prompt-blocked-reason' : 'prompt-extension', { id: view?.taskId ?? 0, title }),
    occurrenceIds: [occurrenceId],
  };
  const notice = { text: ctx.t(kind === 'blocked_reason' ? 'answer-blocked-saved' : 'answer-extension-ask') };
  return { replies: [ask], ...(edit && viaButton ? { edit } : {}), notice };
}

export async function applyChoice(ctx: LinkedContext, occurrenceId: number, choice: StatusChoice, viaButton: boolean): Promise<Response> {
  if (choice === 'blocked') return startPrompt(ctx, occurrenceId, 'blocked_reason', viaButton);
  if (choice === 'extension') return startPrompt(ctx, occurrenceId, 'extension', viaButton);
  return applyStatus(ctx, occurrenceId, { status: choice }, viaButton);
}

export async function applyNote(ctx: LinkedContext, occurrenceId: number, note: string): Promise<Response> {
  const allowed = await guard(ctx, occurrenceId);
  if (!allowed.ok) return reply(allowed.response.notice?.text ?? '');
  const text = note.trim();
  if ([...text].length > MAX_NOTE_LENGTH) return tooLong(ctx, false);
  if (!text) return reply(ctx.t('answer-empty-note'));
  await recordNote(ctx.db, who(ctx, occurrenceId), text);
  const view = await getOccurrenceView(ctx.db, occurrenceId);
  return reply(ctx.t('answer-note-saved', { id: view?.taskId ?? 0 }));
}

export async function applyBlocked(ctx: LinkedContext, occurrenceId: number, note: string | undefined): Promise<Response> {
  if (!note?.trim()) return startPrompt(ctx, occurrenceId, 'blocked_reason', false);
  return applyStatus(ctx, occurrenceId, { status: 'blocked', note }, false);
}

/** Stores an extension request once the date is valid and later than today and the current deadline. */
export async function applyExtension(
  ctx: LinkedContext,
  occurrenceId: number,
  request: { date?: string | undefined; note?: string | undefined; invalidDate?: boolean | undefined },
): Promise<Response> {
  const allowed = await guard(ctx, occurrenceId);
  if (!allowed.ok) return reply(allowed.response.notice?.text ?? '');
  if (!request.date || request.invalidDate) {
    return startPromptKeepingText(ctx, occurrenceId, ctx.t('extension-date-invalid'));
  }
  const view = await getOccurrenceView(ctx.db, occurrenceId);
  const floor = view?.dueDate && view.dueDate > ctx.today ? view.dueDate : ctx.today;
  if (request.date <= floor) {
    return startPromptKeepingText(ctx, occurrenceId, ctx.t('extension-date-too-early', { date: formatVnDate(floor) }));
  }
  const note = request.note?.trim() || null;
  if (note && [...note].length > MAX_NOTE_LENGTH) return tooLong(ctx, false);
  const requestId = await recordExtensionRequest(ctx.db, who(ctx, occurrenceId), request.date, note);
  await enqueueExtensionRequest(ctx.db, { updateId: requestId, occurrenceId, staffId: ctx.staff.id, now: ctx.now });
  await clearPrompt(ctx.db, ctx.staff.id, ctx.channel);
  return reply(ctx.t('extension-requested', { id: view?.taskId ?? 0, date: formatVnDate(request.date) }));
}

/** The unit head hears of a new blocker (an outbox row in this same transaction). */
function escalateBlocked(ctx: LinkedContext, occurrenceId: number, updateId: number) {
  return enqueueBlockedEscalation(ctx.db, { updateId, occurrenceId, staffId: ctx.staff.id, staffName: ctx.staff.name, now: ctx.now });
}

/** A bad date keeps the question open so the person can simply try again. */
async function startPromptKeepingText(ctx: LinkedContext, occurrenceId: number, problem: string): Promise<Response> {
  await setPrompt(ctx.db, { staffId: ctx.staff.id, channel: ctx.channel, kind: 'extension', occurrenceId, now: ctx.now, ttlMs: PROMPT_TTL_MS });
  return { replies: [{ text: problem, occurrenceIds: [occurrenceId] }] };
}
