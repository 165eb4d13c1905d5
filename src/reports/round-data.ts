/**
 * Everything a compiled report shows, read once: the scope's tasks with their answers and
 * standing, the scorecard counted from those same tasks, and the words of its heading. The docx,
 * the xlsx and the chat message are all drawn from one ReportData, so their numbers agree.
 */
import type { Db } from '../db/index.js';
import type { Period } from '../domain/rounds.js';
import { formatVnDate, parseIsoDate } from '../domain/time.js';
import type { Translate } from '../i18n.js';
import { scopeItems, scorecard, type ScopeItem, type UnitScore } from '../store/round-report.js';
import { rootUnitName } from '../store/units.js';

export interface ReportData {
  issuer: string;
  /** "quý IV năm 2026", "năm 2026", "từ 01/10/2026 đến 31/12/2026". */
  periodLabel: string;
  asOf: string;
  items: ScopeItem[];
  units: UnitScore[];
  total: UnitScore;
}

export function periodLabel(t: Translate, period: Period): string {
  const [year, month] = parseIsoDate(period.from);
  if (period.kind === 'quarter') return t('round-period-quarter', { quarter: ['I', 'II', 'III', 'IV'][Math.floor((month - 1) / 3)]!, year });
  if (period.kind === 'year') return t('round-period-year', { year });
  return t('round-period-range', { from: formatVnDate(period.from), to: formatVnDate(period.to) });
}

export async function loadReportData(
  db: Db,
  t: Translate,
  scope: { period: Period; documentId?: number | null; unitId?: number | undefined; roundId?: number | undefined },
  asOf: string,
): Promise<ReportData> {
  const items = await scopeItems(
    db,
    { from: scope.period.from, to: scope.period.to, documentId: scope.documentId, unitId: scope.unitId, roundId: scope.roundId },
    asOf,
  );
  const { units, total } = scorecard(items);
  return { issuer: (await rootUnitName(db)) ?? '', periodLabel: periodLabel(t, scope.period), asOf, items, units, total };
}

/** "Hoàn thành đúng hạn", "Quá hạn" … for a task's standing on the report date. */
export function standingText(t: Translate, item: ScopeItem): string {
  return t(`round-standing-${item.standing.replace('_', '-').replace('_', '-')}`);
}

/** The result and product of a task as one cell: what the unit said, else the latest note. */
export function resultText(t: Translate, item: ScopeItem): string {
  const result = item.result || item.lastNote || '';
  return item.product ? (result ? t('round-result-with-product', { result, product: item.product }) : item.product) : result;
}

/** Why a late task is late: the difficulties its unit gave, else its latest note. */
export function lateReason(item: ScopeItem): string {
  if (item.standing !== 'overdue' && item.standing !== 'done_late') return '';
  return item.difficulties ?? item.lastNote ?? '';
}
