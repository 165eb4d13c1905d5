/** How a task looks in a chat, on every platform: its card text and its status buttons. */
import { daysBetween, formatVnDate } from '../domain/time.js';
import type { Action, Outgoing, Status } from '../domain/types.js';
import type { OccurrenceView } from '../store/tasks.js';
import type { Translate } from '../i18n.js';
import { actions, STATUS_MENU } from './actions.js';

/** "còn 3 ngày", "hạn hôm nay", "quá hạn 2 ngày" — calendar days, as people count them. */
export function dueLine(t: Translate, dueDate: string | null, dueText: string | null, today: string, status: Status): string {
  if (!dueDate) return t('task-due-none', { text: dueText?.trim() || 'none' });
  const date = formatVnDate(dueDate);
  if (status === 'done' || status === 'cancelled') return t('task-due-date', { date });
  const left = daysBetween(today, dueDate);
  if (left > 0) return t('task-due-left', { date, days: left });
  if (left === 0) return t('task-due-today', { date });
  return t('task-due-late', { date, days: -left });
}

export function statusLabel(t: Translate, status: Status, percent: number | null): string {
  const label = t(`status-${status}`);
  return percent !== null && status === 'in_progress' ? t('status-with-percent', { status: label, percent }) : label;
}

export function taskCardText(t: Translate, o: OccurrenceView, today: string): string {
  const lines = [
    t('task-card-title', { id: o.taskId, title: o.title }),
    dueLine(t, o.dueDate, o.dueText, today, o.status),
    t('task-card-status', { status: statusLabel(t, o.status, o.percent) }),
  ];
  if (o.leadUnitName) lines.push(t('task-card-lead', { unit: o.leadUnitName }));
  if (o.product) lines.push(t('task-card-product', { product: o.product }));
  if (o.lastNote) lines.push(t('task-card-note', { note: truncate(o.lastNote, 300) }));
  return lines.join('\n');
}

/**
 * The answers that make sense for the state, two per row so the Vietnamese labels fit a phone
 * screen: all four while the task is open; once done, only "in progress" (to reopen it);
 * none once cancelled.
 */
export function statusActions(t: Translate, occurrenceId: number, status: Status = 'open'): Action[] {
  const offered = status === 'cancelled' ? [] : status === 'done' ? STATUS_MENU.filter((c) => c === 'in_progress') : STATUS_MENU;
  return offered.map((choice, i) => ({
    label: t(`button-${choice.replace('_', '-')}`),
    action: actions.status(choice, occurrenceId),
    row: Math.floor(i / 2),
  }));
}

export function taskCard(t: Translate, o: OccurrenceView, today: string): Outgoing {
  const offered = statusActions(t, o.occurrenceId, o.status);
  return {
    text: taskCardText(t, o, today),
    ...(offered.length > 0 ? { actions: offered } : {}),
    occurrenceIds: [o.occurrenceId],
  };
}

export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
