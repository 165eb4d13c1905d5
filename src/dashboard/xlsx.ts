/**
 * The report as an Excel workbook with the columns an office sends up the chain: header on the
 * first row (frozen, filterable), one row per period, deadlines as real dates, and a second sheet
 * saying what the report covers and when it was made.
 */
import ExcelJS from 'exceljs';
import { formatVnDateTime, parseIsoDate } from '../domain/time.js';
import type { Translate } from '../i18n.js';
import type { ReportRow } from '../store/report.js';

export const REPORT_COLUMNS = [
  { key: 'report-col-stt', width: 6 },
  { key: 'report-col-task', width: 60 },
  { key: 'report-col-document', width: 28 },
  { key: 'report-col-lead', width: 32 },
  { key: 'report-col-support', width: 32 },
  { key: 'report-col-owners', width: 24 },
  { key: 'report-col-due', width: 14 },
  { key: 'report-col-status', width: 20 },
  { key: 'report-col-days-late', width: 12 },
  { key: 'report-col-note', width: 48 },
] as const;

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function dueCell(row: ReportRow): Date | string {
  if (!row.dueDate) return row.dueText ?? '';
  const [y, m, d] = parseIsoDate(row.dueDate);
  return new Date(Date.UTC(y, m - 1, d));
}

function statusText(t: Translate, row: ReportRow): string {
  const label = t(`status-${row.status}`);
  return row.percent !== null && row.status === 'in_progress' ? t('status-with-percent', { status: label, percent: row.percent }) : label;
}

export async function reportWorkbook(
  rows: ReportRow[],
  t: Translate,
  info: { title: string; generatedAt: Date; lines: string[] },
  extend?: (workbook: ExcelJS.Workbook) => void,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'dondoc';
  workbook.created = info.generatedAt;
  const sheet = workbook.addWorksheet(t('report-sheet'), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = REPORT_COLUMNS.map((c) => ({ header: t(c.key), width: c.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBE8' } };
  rows.forEach((row, i) => {
    const added = sheet.addRow([
      i + 1,
      row.title,
      row.document,
      row.leadUnit,
      row.supportUnits,
      row.owners,
      dueCell(row),
      statusText(t, row),
      row.daysLate > 0 ? row.daysLate : null,
      row.lastNote ?? '',
    ]);
    added.alignment = { vertical: 'top', wrapText: true };
    added.getCell(7).numFmt = 'dd/mm/yyyy';
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: REPORT_COLUMNS.length } };

  const about = workbook.addWorksheet(t('report-about-sheet'));
  about.getColumn(1).width = 100;
  about.addRow([info.title]).font = { bold: true, size: 13 };
  about.addRow([t('report-generated-at', { at: formatVnDateTime(info.generatedAt) })]);
  about.addRow([t('report-row-count', { count: rows.length })]);
  for (const line of info.lines) about.addRow([line]);
  extend?.(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
