/**
 * The compiled report's tables as a workbook: the appendix (one row per task, the same columns as
 * the Word appendix) and the units' scorecard; and the monitoring export (every task's progress
 * with the fields the national and provincial monitoring systems ask for) as .xlsx or .csv.
 */
import ExcelJS from 'exceljs';
import { formatVnDate, formatVnDateTime, parseIsoDate } from '../domain/time.js';
import type { Translate } from '../i18n.js';
import type { ScopeItem } from '../store/round-report.js';
import { lateReason, resultText, standingText, type ReportData } from './round-data.js';

const dateCell = (date: string) => {
  const [y, m, d] = parseIsoDate(date);
  return new Date(Date.UTC(y, m - 1, d));
};

function sheetWith(workbook: ExcelJS.Workbook, name: string, headers: string[], widths: number[]) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = headers.map((header, i) => ({ header, width: widths[i] ?? 20 }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).alignment = { vertical: 'middle', wrapText: true };
  return sheet;
}

/** Adds the report's appendix and the units' scorecard to a workbook. */
export function addRoundSheets(workbook: ExcelJS.Workbook, t: Translate, data: ReportData): void {
  const headers = ['stt', 'task', 'lead', 'due', 'status', 'result', 'late-reason'].map((k) => t(`round-col-${k}`));
  const sheet = sheetWith(workbook, t('round-sheet-appendix'), headers, [6, 60, 30, 12, 22, 60, 40]);
  data.items.forEach((item, i) => {
    const row = sheet.addRow([i + 1, item.title, item.leadUnit, dateCell(item.dueDate), standingText(t, item), resultText(t, item), lateReason(item)]);
    row.alignment = { vertical: 'top', wrapText: true };
    row.getCell(4).numFmt = 'dd/mm/yyyy';
  });
  const scoreHeaders = ['unit', 'total', 'on-time', 'late', 'in-progress', 'overdue', 'answered'].map((k) => t(`round-score-${k}`));
  const score = sheetWith(workbook, t('round-sheet-scorecard'), scoreHeaders, [40, 10, 12, 12, 12, 12, 12]);
  for (const u of data.units) score.addRow([u.unit, u.total, u.doneOnTime, u.doneLate, u.inProgress, u.overdue, u.answered]);
  const { total } = data;
  score.addRow([t('round-score-all'), total.total, total.doneOnTime, total.doneLate, total.inProgress, total.overdue, total.answered]).font = { bold: true };
}

export async function reportXlsx(t: Translate, data: ReportData, generatedAt: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'dondoc';
  workbook.created = generatedAt;
  addRoundSheets(workbook, t, data);
  const about = workbook.addWorksheet(t('report-about-sheet'));
  about.getColumn(1).width = 100;
  about.addRow([t('round-doc-subject', { period: data.periodLabel })]).font = { bold: true };
  about.addRow([t('report-generated-at', { at: formatVnDateTime(generatedAt) })]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const MONITORING_COLUMNS = ['task', 'lead', 'due', 'status', 'result', 'product', 'last-update'] as const;

function monitoringRow(t: Translate, item: ScopeItem): string[] {
  return [
    item.title,
    item.leadUnit,
    formatVnDate(item.dueDate),
    standingText(t, item),
    item.result || item.lastNote || '',
    item.product ?? '',
    item.lastUpdate ? formatVnDateTime(item.lastUpdate) : '',
  ];
}

export async function monitoringXlsx(t: Translate, items: readonly ScopeItem[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'dondoc';
  const sheet = sheetWith(
    workbook,
    t('monitoring-sheet'),
    MONITORING_COLUMNS.map((k) => t(`monitoring-col-${k}`)),
    [60, 30, 12, 22, 60, 40, 18],
  );
  for (const item of items) sheet.addRow(monitoringRow(t, item)).alignment = { vertical: 'top', wrapText: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const csvField = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** RFC 4180 CSV in UTF-8 with a byte-order mark, so Excel opens the Vietnamese text as written. */
export function monitoringCsv(t: Translate, items: readonly ScopeItem[]): Buffer {
  const lines = [MONITORING_COLUMNS.map((k) => t(`monitoring-col-${k}`)), ...items.map((item) => monitoringRow(t, item))];
  return Buffer.from(`\uFEFF${lines.map((l) => l.map(csvField).join(',')).join('\r\n')}\r\n`, 'utf8');
}
