/**
 * The compiled report as a Word document in the administrative form of Nghị định 30/2020/NĐ-CP:
 * issuer and Quốc hiệu / tiêu ngữ side by side, số/ký hiệu and place left for the office to fill,
 * the date, "BÁO CÁO" and its trích yếu, three sections, "Nơi nhận", then an appendix table of
 * every task and the units' scorecard. Every number in the text is counted from ReportData.
 */
import { AlignmentType, BorderStyle, Document, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { formatVnDate, parseIsoDate } from '../domain/time.js';
import type { Translate } from '../i18n.js';
import { lateReason, resultText, standingText, type ReportData } from './round-data.js';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const FONT = 'Times New Roman';
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

const run = (text: string, o: { bold?: boolean; italics?: boolean; size?: number } = {}) => new TextRun({ text, font: FONT, size: o.size ?? 26, ...o });
const para = (text: string, o: { bold?: boolean; italics?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; size?: number } = {}) =>
  new Paragraph({ alignment: o.align ?? AlignmentType.JUSTIFIED, spacing: { after: 80 }, children: [run(text, o)] });
const centered = (text: string, o: { bold?: boolean; italics?: boolean; size?: number } = {}) => para(text, { ...o, align: AlignmentType.CENTER });

function heading(t: Translate, data: ReportData): Table {
  const cell = (children: Paragraph[], width: number) => new TableCell({ children, width: { size: width, type: WidthType.PERCENTAGE }, borders: NO_BORDERS });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          cell([centered(data.issuer.toLocaleUpperCase('vi'), { bold: true, size: 24 }), centered(t('round-doc-number'), { size: 24 })], 40),
          cell([centered(t('round-doc-nation'), { bold: true, size: 24 }), centered(t('round-doc-motto'), { bold: true, size: 26 })], 60),
        ],
      }),
    ],
  });
}

function dateLine(t: Translate, asOf: string): Paragraph {
  const [year, month, day] = parseIsoDate(asOf);
  return para(t('round-doc-place-date', { day: String(day).padStart(2, '0'), month: String(month).padStart(2, '0'), year }), {
    italics: true,
    align: AlignmentType.RIGHT,
  });
}

function resultsSection(t: Translate, data: ReportData): Paragraph[] {
  const { total } = data;
  const out = [
    para(t('round-doc-section-results'), { bold: true }),
    para(
      t('round-doc-summary', {
        total: total.total,
        onTime: total.doneOnTime,
        late: total.doneLate,
        inProgress: total.inProgress,
        overdue: total.overdue,
        answered: total.answered,
      }),
    ),
  ];
  for (const u of data.units) {
    out.push(
      para(
        t('round-doc-unit-line', {
          unit: u.unit || t('round-doc-no-unit'),
          total: u.total,
          onTime: u.doneOnTime,
          late: u.doneLate,
          inProgress: u.inProgress,
          overdue: u.overdue,
          answered: u.answered,
        }),
      ),
    );
  }
  for (const item of data.items) {
    const result = resultText(t, item);
    if (result) out.push(para(t('round-doc-task-result', { title: item.title, unit: item.leadUnit, result })));
  }
  return out;
}

function listSection(title: string, lines: string[], none: string): Paragraph[] {
  return [para(title, { bold: true }), ...(lines.length > 0 ? lines.map((l) => para(l)) : [para(none, { italics: true })])];
}

function cellOf(text: string, bold = false): TableCell {
  return new TableCell({ children: [new Paragraph({ children: [run(text, { bold, size: 22 })] })] });
}

function appendixTable(t: Translate, data: ReportData): Table {
  const header = ['stt', 'task', 'lead', 'due', 'status', 'result', 'late-reason'].map((k) => cellOf(t(`round-col-${k}`), true));
  const rows = data.items.map(
    (item, i) =>
      new TableRow({
        children: [String(i + 1), item.title, item.leadUnit, formatVnDate(item.dueDate), standingText(t, item), resultText(t, item), lateReason(item)].map(
          (v) => cellOf(v),
        ),
      }),
  );
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [new TableRow({ tableHeader: true, children: header }), ...rows] });
}

function scoreTable(t: Translate, data: ReportData): Table {
  const header = ['unit', 'total', 'on-time', 'late', 'in-progress', 'overdue', 'answered'].map((k) => cellOf(t(`round-score-${k}`), true));
  const line = (u: ReportData['total'], name: string) =>
    new TableRow({ children: [name, u.total, u.doneOnTime, u.doneLate, u.inProgress, u.overdue, u.answered].map((v) => cellOf(String(v))) });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: header }), ...data.units.map((u) => line(u, u.unit)), line(data.total, t('round-score-all'))],
  });
}

export async function reportDocx(t: Translate, data: ReportData, generatedAt: Date): Promise<Buffer> {
  const difficulties = data.items
    .filter((i) => i.difficulties)
    .map((i) => t('round-doc-task-line', { title: i.title, unit: i.leadUnit, text: i.difficulties! }));
  const overdue = data.items
    .filter((i) => i.standing === 'overdue')
    .map((i) => t('round-doc-overdue-line', { title: i.title, unit: i.leadUnit, due: formatVnDate(i.dueDate) }));
  const proposals = data.items.filter((i) => i.proposals).map((i) => t('round-doc-task-line', { title: i.title, unit: i.leadUnit, text: i.proposals! }));
  const body = [
    heading(t, data),
    dateLine(t, data.asOf),
    centered(t('round-doc-kind'), { bold: true, size: 28 }),
    centered(t('round-doc-subject', { period: data.periodLabel }), { bold: true }),
    ...resultsSection(t, data),
    ...listSection(t('round-doc-section-problems'), [...overdue, ...difficulties], t('round-doc-none')),
    ...listSection(t('round-doc-section-proposals'), proposals, t('round-doc-none')),
    para(t('round-doc-recipients'), { bold: true, italics: true, align: AlignmentType.LEFT, size: 24 }),
    para(t('round-doc-recipients-list'), { align: AlignmentType.LEFT, size: 22 }),
  ];
  const appendix = [
    centered(t('round-doc-appendix'), { bold: true }),
    centered(t('round-doc-appendix-subject', { period: data.periodLabel }), { italics: true }),
    appendixTable(t, data),
    para(''),
    centered(t('round-doc-scorecard'), { bold: true }),
    scoreTable(t, data),
  ];
  const margin = { top: 1134, bottom: 1134, left: 1701, right: 1134 };
  const document = new Document({
    creator: 'dondoc',
    title: t('round-doc-subject', { period: data.periodLabel }),
    description: generatedAt.toISOString(),
    sections: [
      { properties: { page: { margin } }, children: body },
      { properties: { page: { margin, size: { orientation: PageOrientation.LANDSCAPE } } }, children: appendix },
    ],
  });
  return Buffer.from(await Packer.toBuffer(document));
}
