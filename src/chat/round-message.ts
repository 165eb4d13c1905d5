/**
 * The messages of a report round: the ask about one task (a reply to it is the answer), the daily
 * reminder of what is still unanswered, and the compiled report for the office and leaders —
 * as documents where the platform takes them, else as one-time download links.
 */
import type { Db } from '../db/index.js';
import { formatVnDate } from '../domain/time.js';
import type { Translate } from '../i18n.js';
import { occurrenceDetails } from '../store/occurrence-details.js';
import type { RoundAskPayload, RoundReminderPayload, RoundReportPayload } from '../store/outbox-payloads.js';
import { createDownloadToken, roundFiles } from '../store/round-files.js';
import { unansweredAsks } from '../store/round-plan.js';
import { getRound, lastResult, type Round } from '../store/rounds.js';
import { truncate } from './cards.js';
import type { Rendered } from './nudge-message.js';

const TITLE_MAX = 160;

/** "quý IV/2026", "năm 2026" for a round's period key. */
export function roundName(t: Translate, round: Pick<Round, 'periodKey' | 'from' | 'to'>): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(round.periodKey);
  if (quarter) return t('round-name-quarter', { quarter: ['I', 'II', 'III', 'IV'][Number(quarter[2]) - 1]!, year: quarter[1]! });
  if (/^\d{4}$/.test(round.periodKey)) return t('round-name-year', { year: round.periodKey });
  return t('round-name-range', { from: formatVnDate(round.from), to: formatVnDate(round.to) });
}

async function collecting(db: Db, id: number): Promise<Round | { skip: string }> {
  const round = await getRound(db, id);
  if (!round) return { skip: 'the round no longer exists' };
  return round.status === 'collecting' ? round : { skip: 'the round is already compiled' };
}

export async function renderRoundAsk(db: Db, t: Translate, payload: RoundAskPayload): Promise<Rendered> {
  const round = await collecting(db, payload.r);
  if ('skip' in round) return round;
  const detail = (await occurrenceDetails(db, [payload.o])).get(payload.o);
  if (!detail) return { skip: 'the task no longer exists' };
  const last = await lastResult(db, payload.o);
  const lines = [
    t('round-ask-header', { round: roundName(t, round), due: formatVnDate(round.due) }),
    '',
    t('round-ask-task', { id: detail.taskId, title: truncate(detail.title, TITLE_MAX) }),
    t('round-ask-details', {
      unit: detail.leadUnitName ?? '',
      due: detail.dueDate ? formatVnDate(detail.dueDate) : (detail.dueText ?? ''),
      status: t(`status-${detail.status}`),
    }),
    ...(last?.result ? [t('round-ask-last', { result: truncate(last.result, 300) })] : []),
    '',
    t('round-ask-how', { id: detail.taskId }),
  ];
  return { out: { text: lines.join('\n') } };
}

export async function renderRoundReminder(db: Db, t: Translate, payload: RoundReminderPayload, staffId: number): Promise<Rendered> {
  const round = await collecting(db, payload.r);
  if ('skip' in round) return round;
  const open = await unansweredAsks(db, round.id, staffId);
  if (open.length === 0) return { skip: 'every task of the round is answered' };
  const lines = [
    t('round-reminder-header', { round: roundName(t, round), due: formatVnDate(round.due), count: open.length }),
    ...open.map((task) => t('round-reminder-item', { id: task.taskId, title: truncate(task.title, 90) })),
    '',
    t('round-reminder-how'),
  ];
  return { out: { text: lines.join('\n') } };
}

export interface ReportDelivery {
  /** The channel takes documents from the bot (Telegram). */
  documents: boolean;
  publicUrl: string | undefined;
  now: Date;
}

export async function renderRoundReport(db: Db, t: Translate, payload: RoundReportPayload, staffId: number, how: ReportDelivery): Promise<Rendered> {
  const round = await getRound(db, payload.r);
  if (!round) return { skip: 'the round no longer exists' };
  const files = await roundFiles(db, round.id);
  if (files.length === 0) return { skip: 'the round has no compiled files' };
  const header = t('round-report-header', { round: roundName(t, round) });
  if (how.documents) return { out: { text: header, documents: files.map((f) => ({ name: f.fileName, bytes: f.bytes })) } };
  if (!how.publicUrl) return { skip: 'no public address to build download links from' };
  const links: string[] = [];
  for (const file of files) {
    const token = await createDownloadToken(db, file.id, staffId, how.now);
    links.push(t('round-report-link', { name: file.fileName, url: `${how.publicUrl.replace(/\/$/, '')}/files/${token}` }));
  }
  return { out: { text: [header, ...links, '', t('round-report-links-once')].join('\n') } };
}
