/**
 * The consolidated nudge and escalation messages: one per person per tick, most urgent first
 * (the planner ranked them), five with their own buttons, then "…and N more". Rendered when the
 * worker sends, so titles are current and tasks closed in the meantime drop out.
 */
import { actions, STATUS_MENU } from './actions.js';
import { dueLine, truncate } from './cards.js';
import type { Action, Outgoing } from '../domain/types.js';
import { formatVnDate } from '../domain/time.js';
import type { Translate } from '../i18n.js';
import { occurrenceDetails, type OccurrenceDetail } from '../store/occurrence-details.js';
import type { Db } from '../db/index.js';
import type { BlockedPayload, NudgeItemKind, NudgePayload } from '../store/outbox-payloads.js';

export type Rendered = { out: Outgoing } | { skip: string };

const TITLE_MAX = 120;
const NOTE_MAX = 200;
const BUTTON_KEYS: Record<(typeof STATUS_MENU)[number], string> = {
  in_progress: 'nudge-button-in-progress',
  done: 'nudge-button-done',
  blocked: 'nudge-button-blocked',
  extension: 'nudge-button-extension',
};

function isOpen(d: OccurrenceDetail): boolean {
  return d.status !== 'done' && d.status !== 'cancelled';
}

function whenLine(t: Translate, kind: NudgeItemKind, days: number, dueDate: string | null): string {
  const date = dueDate ? formatVnDate(dueDate) : '';
  if (kind === 'overdue' || kind === 'escalation') return t('nudge-overdue', { days, date });
  if (kind === 'due_today') return t('nudge-due-today', { date });
  return t('nudge-due-soon', { days, date });
}

/** Items still open, in the planner's order, with their details. */
async function liveItems(db: Db, payload: NudgePayload) {
  const details = await occurrenceDetails(
    db,
    payload.items.map((i) => i.o),
  );
  return payload.items.flatMap((item) => {
    const detail = details.get(item.o);
    return detail && isOpen(detail) ? [{ item, detail }] : [];
  });
}

export async function renderNudge(db: Db, t: Translate, payload: NudgePayload): Promise<Rendered> {
  const items = await liveItems(db, payload);
  if (items.length === 0) return { skip: 'every task of this nudge was closed before it could be sent' };
  const lines = [t('nudge-header', { date: formatVnDate(payload.date), total: payload.total }), ''];
  const buttons: Action[] = [];
  items.forEach(({ item, detail }, i) => {
    const n = i + 1;
    lines.push(t('nudge-item', { n, id: detail.taskId, title: truncate(detail.title, TITLE_MAX) }));
    lines.push(`   ${whenLine(t, item.k, item.n, detail.dueDate)}`);
    for (const choice of STATUS_MENU) buttons.push({ label: t(BUTTON_KEYS[choice], { n }), action: actions.listStatus(choice, detail.occurrenceId), row: i });
  });
  const more = payload.total - payload.items.length;
  if (more > 0) lines.push('', t('nudge-more', { count: more }));
  lines.push('', t('nudge-footer', { id: items[0]!.detail.taskId }));
  return { out: { text: lines.join('\n'), actions: buttons, occurrenceIds: items.map((x) => x.detail.occurrenceId) } };
}

export async function renderEscalation(db: Db, t: Translate, payload: NudgePayload, threshold: number): Promise<Rendered> {
  const items = await liveItems(db, payload);
  if (items.length === 0) return { skip: 'every escalated task was closed before it could be sent' };
  const lines = [t('escalation-header', { date: formatVnDate(payload.date), total: payload.total, threshold }), ''];
  const buttons: Action[] = [];
  items.forEach(({ item, detail }, i) => {
    const n = i + 1;
    const owners = detail.owners.length > 0 ? detail.owners.join(', ') : t('escalation-no-owner');
    lines.push(t('escalation-item', { n, id: detail.taskId, title: truncate(detail.title, TITLE_MAX) }));
    lines.push(`   ${t('escalation-item-detail', { owners, days: item.n, date: detail.dueDate ? formatVnDate(detail.dueDate) : '' })}`);
    if (detail.lastNote) lines.push(`   ${t('escalation-item-note', { note: truncate(detail.lastNote, NOTE_MAX) })}`);
    buttons.push({ label: t('escalation-button-open', { n }), action: actions.openTask(detail.occurrenceId), row: 0 });
  });
  const more = payload.total - payload.items.length;
  if (more > 0) lines.push('', t('escalation-more', { count: more }));
  lines.push('', t('escalation-footer'));
  return { out: { text: lines.join('\n'), actions: buttons, occurrenceIds: items.map((x) => x.detail.occurrenceId) } };
}

/** "Task #12 is blocked: reason" for the unit head, sent a little after the answer so the reason is in. */
export async function renderBlocked(db: Db, t: Translate, payload: BlockedPayload, today: string): Promise<Rendered> {
  const detail = (await occurrenceDetails(db, [payload.o])).get(payload.o);
  if (!detail || detail.status !== 'blocked') return { skip: 'the task is no longer blocked' };
  const owners = detail.owners.length > 0 ? detail.owners.join(', ') : t('escalation-no-owner');
  const text = t('escalation-blocked', {
    id: detail.taskId,
    title: truncate(detail.title, TITLE_MAX),
    who: payload.byName,
    owners,
    due: dueLine(t, detail.dueDate, detail.dueText, today, detail.status),
    reason: detail.lastNote ? truncate(detail.lastNote, 500) : t('escalation-blocked-no-reason'),
  });
  return { out: { text, actions: [{ label: t('button-open-task'), action: actions.openTask(detail.occurrenceId) }], occurrenceIds: [detail.occurrenceId] } };
}
