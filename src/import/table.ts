/**
 * Reads the usual task appendix laid out as a table — STT | Nội dung nhiệm vụ | Đơn vị chủ trì
 * | Đơn vị phối hợp | Thời gian hoàn thành | Sản phẩm — from a spreadsheet or a Word table.
 * Columns are found by their folded header text wherever the header row is; group rows
 * ("I", "Nhóm nhiệm vụ …" with nothing else filled) give their numeral to the rows below.
 */
import { formatVnDate, isoDate } from '../domain/time.js';
import { parseDue } from './due.js';
import { foldAligned, trimPhrase } from './fold.js';
import { noDue, type Due, type PlanTask } from './types.js';
import { splitUnits } from './units.js';

export type Cell = string | number | Date | null;

type Role = 'ref' | 'title' | 'lead' | 'support' | 'time' | 'product';

const HEADER_SCAN_ROWS = 30;

/** The role a header cell names, judged on its folded text. */
export function headerRole(text: string): Role | null {
  const h = foldAligned(text).replace(/\s+/g, ' ').trim();
  if (!h || h.length > 80) return null;
  if (/^(?:stt|tt|so tt|so thu tu|s\.tt|s tt)$/.test(h)) return 'ref';
  if (/phoi hop/.test(h)) return 'support';
  if (/chu tri|(?:don vi|co quan|bo phan).*(?:thuc hien|trach nhiem|tham muu)|^trach nhiem/.test(h)) return 'lead';
  if (/thoi gian|thoi han|tien do|han hoan thanh|moc hoan thanh/.test(h)) return 'time';
  if (/san pham|ket qua dau ra|hinh thuc van ban/.test(h)) return 'product';
  if (/noi dung|nhiem vu|cong viec|giai phap/.test(h)) return 'title';
  return null;
}

export const cellText = (cell: Cell): string =>
  cell === null ? '' : cell instanceof Date ? formatVnDate(cell.toISOString().slice(0, 10)) : String(cell).trim();

interface Layout {
  row: number;
  columns: Map<Role, number>;
}

function layoutOf(row: Cell[], below: Cell[] | undefined): Map<Role, number> {
  const columns = new Map<Role, number>();
  row.forEach((cell, i) => {
    const role = headerRole(cellText(cell));
    if (role && !columns.has(role)) columns.set(role, i);
  });
  if (columns.size < 2 || !below) return columns;
  // A two-row header: "Thời gian" merged over "Bắt đầu | Hoàn thành" keeps the column that ends.
  below.forEach((cell, i) => {
    const sub = foldAligned(cellText(cell));
    const role = headerRole(sub);
    if (role && !columns.has(role)) columns.set(role, i);
    if (/hoan thanh|ket thuc/.test(sub) && headerRole(cellText(row[i] ?? null)) === 'time') columns.set('time', i);
  });
  return columns;
}

/** Finds the header row: the first one naming the task text and its lead or time. */
export function findLayout(rows: Cell[][]): Layout | null {
  for (let r = 0; r < Math.min(rows.length, HEADER_SCAN_ROWS); r += 1) {
    const columns = layoutOf(rows[r] ?? [], rows[r + 1]);
    if (columns.has('title') && (columns.has('lead') || columns.has('time')) && columns.size >= 3) return { row: r, columns };
  }
  return null;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** A time cell: an Excel date, a date serial number, or a phrase. */
export function dueOfCell(cell: Cell, defaultYear: number | null): Due {
  if (cell instanceof Date) {
    const date = isoDate(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
    return date ? { kind: 'date', date, rule: null, text: formatVnDate(date) } : noDue('');
  }
  if (typeof cell === 'number' && cell > 20000 && cell < 80000) {
    const date = new Date(EXCEL_EPOCH + Math.round(cell) * DAY_MS).toISOString().slice(0, 10);
    return { kind: 'date', date, rule: null, text: formatVnDate(date) };
  }
  return parseDue(cellText(cell), { defaultYear });
}

const isNumberingRow = (row: Cell[]): boolean => row.every((c) => /^\(?\d{0,2}\)?$/.test(cellText(c)));
const ROMAN = /^(?:[IVX]{1,5}|[A-Z])\.?$/;

/** Tasks of a table; empty when no header row is recognised. */
export function tableTasks(rows: Cell[][], defaultYear: number | null = null): PlanTask[] {
  const layout = findLayout(rows);
  if (!layout) return [];
  const col = (row: Cell[], role: Role): Cell => {
    const i = layout.columns.get(role);
    return i === undefined ? null : (row[i] ?? null);
  };
  const tasks: PlanTask[] = [];
  let group = '';
  rows.slice(layout.row + 1).forEach((row, i) => {
    const title = trimPhrase(cellText(col(row, 'title')).replace(/\s+/g, ' '));
    if (!title || isNumberingRow(row) || layoutOf(row, undefined).size >= 3) return;
    const stt = trimPhrase(cellText(col(row, 'ref')));
    const rest = (['lead', 'support', 'time', 'product'] as const).map((r) => cellText(col(row, r)));
    if (rest.every((v) => !v) && (ROMAN.test(stt) || !stt)) {
      group = ROMAN.test(stt) ? stt.replace('.', '') : group;
      return;
    }
    const ref = stt ? (group && !stt.includes('.') ? `${group}.${stt}` : stt) : String(i + 1);
    const product = trimPhrase(rest[3] ?? '');
    tasks.push({
      ref,
      title,
      lead: splitUnits(rest[0] ?? ''),
      support: splitUnits(rest[1] ?? ''),
      due: dueOfCell(col(row, 'time'), defaultYear),
      ...(product ? { product } : {}),
    });
  });
  return tasks;
}
