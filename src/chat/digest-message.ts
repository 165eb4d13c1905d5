/**
 * The morning digest for one leader or unit head: their subtree since the previous working
 * day's digest — newly overdue, completed, new blockers with their notes, extension requests
 * waiting, who has not answered a nudge, who cannot be reached. Rendered at send time from the
 * period stored in the outbox row, so a retry sends the same content.
 */
import { truncate } from './cards.js';
import type { Db } from '../db/index.js';
import { formatVnDate } from '../domain/time.js';
import type { Translate } from '../i18n.js';
import * as report from '../store/digest-report.js';
import { getUnit } from '../store/units.js';
import { unitsNotReported } from '../store/round-plan.js';
import type { Listed, PersonLine, TaskLine } from '../store/digest-report.js';
import type { DigestPayload } from '../store/outbox-payloads.js';
import type { Rendered } from './nudge-message.js';

export const DIGEST_LIST_LIMIT = 10;
const TITLE_MAX = 90;

function section<T>(t: Translate, header: string, list: Listed<T>, line: (row: T) => string): string[] {
  if (list.total === 0) return [];
  const lines = ['', header, ...list.rows.map(line)];
  if (list.total > list.rows.length) lines.push(t('digest-more', { count: list.total - list.rows.length }));
  return lines;
}

function taskLine(t: Translate, key: string) {
  return (row: TaskLine) =>
    t(key, {
      id: row.taskId,
      title: truncate(row.title, TITLE_MAX),
      unit: row.unitName ?? '',
      owners: row.owners.length > 0 ? row.owners.join(', ') : t('overdue-no-owner'),
      note: row.note ? truncate(row.note, 200) : t('escalation-blocked-no-reason'),
      who: row.who ?? '',
      date: row.requestedDue ? formatVnDate(row.requestedDue) : row.dueDate ? formatVnDate(row.dueDate) : '',
    });
}

const personLine = (t: Translate, key: string) => (row: PersonLine) => t(key, { name: row.name, unit: row.unitName, count: row.count });

export async function renderDigest(db: Db, t: Translate, payload: Omit<DigestPayload, 'type'>, unitId: number): Promise<Rendered> {
  const unit = await getUnit(db, unitId);
  if (!unit) return { skip: 'the unit no longer exists' };
  const p = { unitId, date: payload.date, sinceDate: payload.sinceDate, since: new Date(payload.since), at: new Date(payload.at), limit: DIGEST_LIST_LIMIT };
  const since = formatVnDate(payload.sinceDate);
  const overdue = await report.newlyOverdue(db, p);
  const done = await report.completed(db, p);
  const blocked = await report.newBlockers(db, p);
  const extensions = await report.extensionsWaiting(db, p);
  const silent = await report.silentPeople(db, p);
  const unreachable = await report.unreachablePeople(db, p);
  const notReported = await unitsNotReported(db, unitId, payload.date);
  const body = [
    ...section(t, t('digest-section-overdue', { count: overdue.total, since }), overdue, taskLine(t, 'digest-item-task')),
    ...section(t, t('digest-section-done', { count: done.total, since }), done, taskLine(t, 'digest-item-task')),
    ...section(t, t('digest-section-blocked', { count: blocked.total }), blocked, taskLine(t, 'digest-item-blocked')),
    ...section(t, t('digest-section-extensions', { count: extensions.total }), extensions, taskLine(t, 'digest-item-extension')),
    ...section(t, t('digest-section-silent', { count: silent.total }), silent, personLine(t, 'digest-item-person')),
    ...section(t, t('digest-section-unreachable', { count: unreachable.total }), unreachable, personLine(t, 'digest-item-unreachable')),
    ...notReported.flatMap((r) => ['', t('digest-section-not-reported', { period: r.period, count: r.units.length }), ...r.units.map((unit) => `• ${unit}`)]),
  ];
  const lines = [
    t('digest-header', { date: formatVnDate(payload.date), unit: unit.name }),
    ...(body.length > 0 ? body : ['', t('digest-nothing', { since })]),
    '',
    t('digest-footer'),
  ];
  return { out: { text: lines.join('\n') } };
}
