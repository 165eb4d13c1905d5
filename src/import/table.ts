/**
 * Reads the task appendix laid out as a table — STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan
 * phối hợp | Thời gian | Sản phẩm — from a spreadsheet, a Word table, a PDF's columns, or text
 * where each cell became its own paragraph. Columns are found by their header text wherever the
 * header row is; group rows ("I", "NHÓM GIẢI PHÁP …") give their numeral to the rows below; a
 * row without a number is a task of its own and shares the merged cells of the row above; a
 * cell a row lacks is taken as merged with the row above, as Word lays out shared cells.
 */
import { formatVnDate, isoDate } from '../domain/time.js';
import { para, type Block, type ParaBlock } from './blocks.js';
import { parseDue } from './due.js';
import { foldAligned, trimPhrase } from './fold.js';
import { titleOf } from './titles.js';
import { noDue, type Due, type PlanTask } from './types.js';
import { splitUnits, startsWithUnit, unitPhraseEnd } from './units.js';

export type Cell = string | number | Date | null;

export type Role = 'ref' | 'title' | 'head' | 'lead' | 'support' | 'time' | 'product' | 'funding' | 'note';

const HEADER_SCAN_ROWS = 30;

/** The role a header cell names, judged on its folded text. */
export function headerRole(text: string): Role | null {
  const h = foldAligned(text).replace(/\s+/g, ' ').trim();
  if (!h || h.length > 80) return null;
  if (/^(?:stt|tt|so tt|so thu tu|s\.tt|s tt)$/.test(h)) return 'ref';
  if (/^(?:nguoi dung dau|lanh dao (?:phu trach|chi dao)|nguoi chiu trach nhiem)/.test(h)) return 'head';
  if (/phoi hop/.test(h)) return 'support';
  if (/chu tri|(?:don vi|co quan|bo phan).*(?:thuc hien|trach nhiem|tham muu)|^trach nhiem/.test(h)) return 'lead';
  if (/thoi gian|thoi han|tien do|han hoan thanh|moc hoan thanh/.test(h)) return 'time';
  if (/nguon (?:kinh phi|von)|kinh phi/.test(h)) return 'funding';
  if (/san pham|ket qua|hinh thuc van ban/.test(h)) return 'product';
  if (/noi dung|nhiem vu|cong viec|giai phap|hoat dong/.test(h)) return 'title';
  if (/^ghi chu/.test(h)) return 'note';
  return null;
}

export const cellText = (cell: Cell): string =>
  cell === null ? '' : cell instanceof Date ? formatVnDate(cell.toISOString().slice(0, 10)) : String(cell).trim();

export interface Layout {
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
const GROUP_REF = /^(?:[IVX]{1,5}|[A-Z])\.?$/;
const ROW_REF = /^(?:\d{1,3}(?:\.\d{1,2})*|[IVX]{1,5}|[A-Z]|[a-zđ])\s*[.)]?$/;

/** Units in a lead or support cell; "(1) Giám đốc …; (2) Cục trưởng …" keeps the names. */
function unitsOfCell(text: string): string[] {
  return splitUnits(text.replace(/\(\s*\d{1,2}\s*\)\s*/g, ' ').replace(/\.\s+(?=\p{Lu})/gu, '; '));
}

/** Tasks of a table given as a grid; empty when no header row is recognised. */
export function tableTasks(rows: Cell[][], defaultYear: number | null = null): PlanTask[] {
  const layout = findLayout(rows);
  if (!layout) return [];
  const col = (row: Cell[], role: Role): Cell => {
    const i = layout.columns.get(role);
    return i === undefined ? null : (row[i] ?? null);
  };
  const tasks: PlanTask[] = [];
  let group = '';
  let lastRef = '';
  let sub = 0;
  rows.slice(layout.row + 1).forEach((row, i) => {
    const titleText = trimPhrase(cellText(col(row, 'title')).replace(/\s+/g, ' '));
    if (!titleText || isNumberingRow(row) || layoutOf(row, undefined).size >= 3) return;
    const stt = trimPhrase(cellText(col(row, 'ref')));
    const rest = (['lead', 'support', 'time', 'product'] as const).map((r) => cellText(col(row, r)));
    const spansRow = row.every((c) => !cellText(c) || cellText(c) === titleText || cellText(c) === cellText(col(row, 'ref')));
    if ((rest.every((v) => !v) || spansRow) && (GROUP_REF.test(stt) || !stt)) {
      group = GROUP_REF.test(stt) ? stt.replace('.', '') : group;
      return;
    }
    if (tasks.length > 0 && tasks[tasks.length - 1]?.title === titleOf(titleText).title && (!stt || stt === lastRef)) return;
    let ref: string;
    if (stt && stt !== lastRef) {
      ref = group && !stt.includes('.') ? `${group}.${stt}` : stt;
      lastRef = stt;
      sub = 0;
    } else {
      sub += 1;
      const base = lastRef ? (group && !lastRef.includes('.') ? `${group}.${lastRef}` : lastRef) : String(i + 1);
      ref = `${base}.${String.fromCharCode(98 + sub - 1)}`;
    }
    const product = trimPhrase(rest[3] ?? '');
    const { title, cut } = titleOf(titleText);
    const lead = unitsOfCell(rest[0] ?? '');
    const due = dueOfCell(col(row, 'time'), defaultYear);
    const doubts: Array<'lead' | 'due' | 'title'> = [];
    if (!lead.length) doubts.push('lead');
    if (due.kind === 'none') doubts.push('due');
    if (cut) doubts.push('title');
    tasks.push({
      ref,
      title,
      lead,
      support: unitsOfCell(rest[1] ?? ''),
      due,
      ...(product ? { product } : {}),
      ...(titleText !== title ? { body: titleText } : {}),
      ...(doubts.length ? { doubts } : {}),
    });
  });
  return tasks;
}

// ---- Tables whose cells became paragraphs -------------------------------------------------

const TIME_CELL =
  /^(?:(?:tu|den|trong|truoc|nam|quy|thang|giai doan|hang|hoan thanh|dinh ky|thuong xuyen|lien tuc|theo|khi|sau khi|nam|ngay)\b|\d{1,2}\s*\/\s*\d{1,2}\s*\/\s*\d{4}|\d{1,2}\/\d{4}|(?:19|20)\d{2}\b)/;

function looksLikeTime(text: string): boolean {
  const folded = foldAligned(text).trim();
  if (text.length > 120) return false;
  if (!TIME_CELL.test(folded)) return false;
  return parseDue(text).kind !== 'none' || /^(?:khi|sau khi|theo)\b/.test(folded);
}

function looksLikeUnits(text: string): boolean {
  if (text.length > 400) return false;
  const clean = text.replace(/\(\s*\d{1,2}\s*\)\s*/g, '');
  const sentences = clean
    .split(/[.!?]\s+(?=\p{Lu})/u)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    sentences.length > 0 &&
    sentences.every((sentence) => startsWithUnit(sentence) && (sentence.length <= 160 || unitPhraseEnd(sentence.split(/[;\n]/)[0] ?? '', 0, false) < 0))
  );
}

type CellKind = 'ref' | 'units' | 'time' | 'prose';

function kindOf(text: string): CellKind {
  if (ROW_REF.test(text.trim())) return 'ref';
  if (looksLikeTime(text)) return 'time';
  if (looksLikeUnits(text)) return 'units';
  return 'prose';
}

/** Which roles accept a cell of this kind. */
function accepts(role: Role, kind: CellKind): boolean {
  switch (role) {
    case 'ref':
      return kind === 'ref';
    case 'title':
      return kind !== 'ref';
    case 'head':
    case 'lead':
    case 'support':
      return kind === 'units';
    case 'time':
      return kind === 'time';
    default:
      return kind !== 'ref';
  }
}

interface StreamTable {
  roles: Role[];
  rows: string[][];
}

const UNIT_ROLES: Role[] = ['head', 'lead', 'support'];

/**
 * Lays the cells of one row out on the table's columns, in order, each in the next column that
 * takes its kind. A task text that comes once the row is past its title — followed by unit
 * cells no later column could hold, or with no column left — opens a sub-row.
 */
function placeCells(cells: string[], roles: Role[]): string[][] {
  const out: string[][] = [];
  const titleAt = roles.indexOf('title');
  let row: string[] = roles.map(() => '');
  let at = 0;
  const firstText = roles[0] === 'ref' && kindOf(cells[0] ?? '') === 'ref' ? 1 : 0;
  cells.forEach((cell, idx) => {
    // The first cell after the number is the task itself, whatever it looks like.
    const kind = idx === firstText && titleAt === firstText ? 'prose' : kindOf(cell);
    const nextKind = idx + 1 < cells.length ? kindOf(cells[idx + 1] as string) : null;
    let j = at;
    while (j < roles.length && !accepts(roles[j] as Role, kind)) j += 1;
    const pastTitle = titleAt >= 0 && at > titleAt;
    const unitsAhead = roles.slice(j + 1).some((r) => UNIT_ROLES.includes(r));
    const opensSubRow = pastTitle && kind === 'prose' && (j >= roles.length || (nextKind === 'units' && !unitsAhead && !UNIT_ROLES.includes(roles[j] as Role)));
    if (opensSubRow) {
      out.push(row);
      row = roles.map(() => '');
      row[titleAt] = cell;
      at = titleAt + 1;
      return;
    }
    if (j >= roles.length) {
      const last = Math.max(0, at - 1);
      row[last] = row[last] ? `${row[last]}\n${cell}` : cell;
      return;
    }
    row[j] = cell;
    at = j + 1;
  });
  out.push(row);
  return out;
}

/** "Nhiệm vụ A" / "Nhiệm vụ B" then "lead A" "support A" "lead B" "support B": pairs of unit cells. */
function splitPackedRow(cells: string[], roles: Role[]): string[][] | null {
  const titleAt = roles.indexOf('title');
  const start = roles[0] === 'ref' && kindOf(cells[0] ?? '') === 'ref' ? 1 : 0;
  const titles: string[] = [];
  let k = start;
  while (k < cells.length && kindOf(cells[k] ?? '') === 'prose' && (cells[k]?.length ?? 0) >= 30) titles.push(cells[k++] as string);
  if (titles.length < 2 || titleAt < 0) return null;
  const units: string[] = [];
  while (k < cells.length && kindOf(cells[k] ?? '') === 'units') units.push(cells[k++] as string);
  if (units.length !== titles.length * 2) return null;
  const tail = cells.slice(k);
  return titles.map((title, i) => {
    const first = [...(start ? [cells[0] as string] : []), title, units[2 * i] as string, units[2 * i + 1] as string, ...tail];
    return placeCells(first, roles)[0] as string[];
  });
}

/** Rebuilds a table from its cells given one per paragraph, rows separated by double blank lines or numbers. */
function streamTable(cells: ParaBlock[], roles: Role[]): StreamTable {
  const doubleGaps = cells.filter((c) => (c.gapBefore ?? 0) >= 2).length;
  const rowsByGap = doubleGaps >= 2;
  const rawRows: string[][] = [];
  for (const c of cells) {
    const startsRow = rowsByGap ? (c.gapBefore ?? 0) >= 2 : ROW_REF.test(c.text.trim()) && kindOf(c.text) === 'ref';
    if (startsRow || rawRows.length === 0) rawRows.push([]);
    const row = rawRows[rawRows.length - 1] as string[];
    // Without a blank line between them, two paragraphs are one cell (a cell with bullets).
    if (rowsByGap && (c.gapBefore ?? 0) === 0 && row.length > 0) row[row.length - 1] += `\n${c.text}`;
    else row.push(c.text);
  }
  const rows: string[][] = [];
  let previous: string[] | null = null;
  for (const cellsOfRow of rawRows) {
    const isGroup = GROUP_REF.test(cellsOfRow[0]?.trim() ?? '') && cellsOfRow.length <= 2 && roles[0] === 'ref';
    if (isGroup) {
      const row = roles.map(() => '');
      row[0] = cellsOfRow[0] ?? '';
      const titleAt = roles.indexOf('title');
      if (titleAt >= 0) row[titleAt] = cellsOfRow[1] ?? '';
      rows.push(row);
      previous = null;
      continue;
    }
    const placed = splitPackedRow(cellsOfRow, roles) ?? placeCells(cellsOfRow, roles);
    for (const row of placed) {
      // A cell the row lacks is merged with the row above (shared lead, support, time, product).
      if (previous) {
        roles.forEach((role, i) => {
          if (!row[i] && role !== 'ref' && role !== 'title' && previous) row[i] = previous[i] ?? '';
        });
      }
      rows.push(row);
      previous = row;
    }
  }
  return { roles, rows };
}

/** A column heading written as its own paragraph: a short label, no value after a colon, no marker. */
const isHeaderCell = (text: string): Role | null => {
  const t = text.trim();
  if (t.length > 50 || /:\s*\S/.test(t) || /^[-+•*]|^\d+[.)]\s|^[a-zđ]\)\s/i.test(t) || /\d{2,}/.test(t)) return null;
  return headerRole(t);
};

/**
 * Finds tables written as one paragraph per cell (what copying a Word table, or a crawled page,
 * leaves in a text file) and turns each into a table block with a header row.
 */
export function cellStreamTables(paragraphs: ParaBlock[]): Block[] {
  const out: Block[] = [];
  let i = 0;
  while (i < paragraphs.length) {
    const roles: Role[] = [];
    let j = i;
    while (j < paragraphs.length) {
      const role = isHeaderCell(paragraphs[j]?.text ?? '');
      if (!role || roles.includes(role)) break;
      roles.push(role);
      j += 1;
    }
    if (roles.length >= 3 && roles.includes('title') && (roles.includes('lead') || roles.includes('time'))) {
      const body: ParaBlock[] = [];
      let k = j;
      while (k < paragraphs.length && !endsTable(paragraphs[k] as ParaBlock)) body.push(paragraphs[k++] as ParaBlock);
      const table = streamTable(body, roles);
      out.push({ kind: 'table', rows: [roles.map((r) => HEADER_TEXT[r]), ...table.rows] });
      i = k;
      continue;
    }
    out.push(paragraphs[i] as ParaBlock);
    i += 1;
  }
  return out;
}

const HEADER_TEXT: Record<Role, string> = {
  ref: 'STT',
  title: 'Nhiệm vụ',
  head: 'Người đứng đầu',
  lead: 'Cơ quan chủ trì',
  support: 'Cơ quan phối hợp',
  time: 'Thời gian',
  product: 'Sản phẩm',
  funding: 'Nguồn kinh phí',
  note: 'Ghi chú',
};

/** Where a cell table stops: a footnote, the distribution list, a new part of the document. */
function endsTable(p: ParaBlock): boolean {
  const folded = foldAligned(p.text).trim();
  if (/^\[\d+\]/.test(p.text)) return true;
  if (/^(?:noi nhan|phu luc|ke hoach|quyet dinh)\b/.test(folded) && (p.gapBefore ?? 0) >= 1 && p.text.length < 200)
    return /^(?:noi nhan|phu luc)/.test(folded) || p.text === p.text.toUpperCase();
  return false;
}

export { para };
