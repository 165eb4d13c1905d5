/**
 * Reads a PDF's text layer (pdfjs-dist) back into blocks: text runs are grouped into lines by
 * their baseline, lines into paragraphs by the vertical gaps between them, and a task table (a
 * header row naming the task, its lead and its time) into rows and cells by the columns its
 * header sets out. A PDF without a text layer (a scan) is reported as such, never guessed at.
 */
import { readInWorker, type TextRun } from './reader.js';
import { headerRole, type Role } from './table.js';

export interface PdfLine {
  page: number;
  y: number;
  x: number;
  /** Font height of the line. */
  size: number;
  runs: TextRun[];
  text: string;
}

export class PdfNoTextError extends Error {
  constructor() {
    super('the PDF has no text layer');
    this.name = 'PdfNoTextError';
  }
}

/** Groups one page's runs into lines (same baseline within a third of the font size), top to bottom. */
export function pageLines(runs: TextRun[], page: number): PdfLine[] {
  const sorted = runs.filter((r) => r.text.length > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: PdfLine[] = [];
  for (const run of sorted) {
    const size = run.height || 10;
    // Runs come top to bottom, so a run's line, if any, is among the last few lines opened.
    let line: PdfLine | undefined;
    for (let k = lines.length - 1; k >= 0 && k >= lines.length - 8; k -= 1) {
      const candidate = lines[k]!;
      if (Math.abs(candidate.y - run.y) <= Math.max(1.5, size / 3)) {
        line = candidate;
        break;
      }
    }
    if (line) line.runs.push(run);
    else lines.push({ page, y: run.y, x: run.x, size, runs: [run], text: '' });
  }
  for (const line of lines) {
    line.runs.sort((a, b) => a.x - b.x);
    line.x = line.runs.find((r) => r.text.trim())?.x ?? line.x;
    line.size = Math.max(...line.runs.map((r) => r.height || 0), 1);
    line.text = joinRuns(line.runs, line.size);
  }
  return lines.filter((l) => l.text.trim()).sort((a, b) => b.y - a.y);
}

/** Joins runs of one line: adjacent runs touch (a word split at a glyph), a gap means a space. */
function joinRuns(runs: TextRun[], size: number): string {
  let out = '';
  let end = -Infinity;
  for (const run of runs) {
    const gap = run.x - end;
    if (out && gap > size * 0.18 && !out.endsWith(' ') && !run.text.startsWith(' ')) out += ' ';
    out += run.text;
    end = Math.max(end, run.x + run.width);
  }
  return out.replace(/\s+/g, ' ').trim();
}

// ---- Tables --------------------------------------------------------------------------------

interface Column {
  role: Role;
  x: number;
  /** Where the column begins: halfway between its header's centre and the previous one's. */
  left: number;
  center: number;
}

/**
 * The header of a task table on a page: lines near each other whose runs name three roles or
 * more (task, lead or time among them) at different x positions.
 */
function findHeader(lines: PdfLine[]): { columns: Column[]; bottom: number; top: number } | null {
  for (let i = 0; i < lines.length; i += 1) {
    const band = lines.slice(i, i + 8).filter((l) => l.page === lines[i]?.page && (lines[i]?.y ?? 0) - l.y <= 90);
    // Cells of a header wrap onto several lines: cut each line into segments at wide gaps, then
    // gather segments whose spans overlap across lines.
    const clusters: Array<{ x: number; right: number; parts: TextRun[] }> = [];
    for (const l of band) {
      const runs = l.runs.filter((r) => r.text.trim()).sort((a, b) => a.x - b.x);
      const segments: TextRun[][] = [];
      let end = -Infinity;
      for (const r of runs) {
        if (!segments.length || r.x - end > Math.max(6, l.size * 0.8)) segments.push([]);
        segments[segments.length - 1]?.push(r);
        end = Math.max(end, r.x + r.width);
      }
      for (const seg of segments) {
        const x = Math.min(...seg.map((r) => r.x));
        const right = Math.max(...seg.map((r) => r.x + r.width));
        const c = clusters.find((k) => x <= k.right + 2 && right >= k.x - 2);
        if (c) {
          c.parts.push(...seg);
          c.x = Math.min(c.x, x);
          c.right = Math.max(c.right, right);
        } else clusters.push({ x, right, parts: [...seg] });
      }
    }
    const columns: Column[] = [];
    for (const c of clusters) {
      const byLine = new Map<number, TextRun[]>();
      for (const p of c.parts) {
        const key = [...byLine.keys()].find((y) => Math.abs(y - p.y) < 2) ?? p.y;
        byLine.set(key, [...(byLine.get(key) ?? []), p]);
      }
      const text = [...byLine.entries()]
        .sort((a, b) => b[0] - a[0])
        .map(([, rs]) =>
          joinRuns(
            rs.sort((a, b) => a.x - b.x),
            Math.max(...rs.map((r) => r.height || 10)),
          ),
        )
        .join(' ')
        .replace(/\s+/g, ' ');
      const role = headerRole(text.length <= 60 ? text : '');
      const right = Math.max(...c.parts.map((p) => p.x + p.width));
      if (role && !columns.some((k) => k.role === role)) columns.push({ role, x: c.x, left: c.x, center: (c.x + right) / 2 });
      if (process.env.DONDOC_PDF_DEBUG) console.error('cluster', c.x, JSON.stringify(text), role);
    }
    const roles = columns.map((c) => c.role);
    if (columns.length >= 3 && roles.includes('title') && (roles.includes('lead') || roles.includes('time'))) {
      const bottom = Math.min(...band.map((l) => l.y));
      const sorted = columns.sort((a, b) => a.x - b.x);
      sorted.forEach((c, k) => {
        const prev = sorted[k - 1];
        c.left = prev ? (prev.center + c.center) / 2 : -Infinity;
      });
      return { columns: sorted, bottom, top: lines[i]?.y ?? bottom };
    }
  }
  return null;
}

function columnOf(x: number, columns: Column[]): number {
  let best = 0;
  columns.forEach((c, i) => {
    if (x >= c.left) best = i;
  });
  return best;
}

const STT = /^(?:\d{1,3}|[IVX]{1,5})\.?$/;
const GROUP = /^[IVX]{1,5}\.?$/;

interface CellBlock {
  col: number;
  page: number;
  top: number;
  bottom: number;
  lines: string[];
}

/**
 * Rows of a table laid out below its header, across pages. Cells are laid out as blocks of lines
 * in their column; a row is a block of the task column (the tallest cell of a row), and every
 * other block belongs to the row whose task block it faces (cells may be centred vertically, so
 * a number or a date sits halfway down its row). A task block with nothing beside it that opens a
 * page continues the row before it.
 */
function tableRows(lines: PdfLine[], columns: Column[], spacing: number): string[][] {
  const refCol = columns.findIndex((c) => c.role === 'ref');
  const titleCol = columns.findIndex((c) => c.role === 'title');
  const blocks: CellBlock[] = [];
  const open = new Map<number, CellBlock>();
  for (const line of lines) {
    const byCol = new Map<number, TextRun[]>();
    for (const run of line.runs) {
      if (!run.text.trim() && !byCol.has(columnOf(run.x, columns))) continue;
      const col = columnOf(run.x, columns);
      byCol.set(col, [...(byCol.get(col) ?? []), run]);
    }
    for (const [col, runs] of byCol) {
      const text = joinRuns(
        runs.sort((a, b) => a.x - b.x),
        line.size,
      );
      if (!text) continue;
      const prev = open.get(col);
      if (prev && prev.page === line.page && prev.bottom - line.y <= spacing * 1.12 && !(col === refCol && STT.test(text))) {
        prev.lines.push(text);
        prev.bottom = line.y;
      } else {
        const block: CellBlock = { col, page: line.page, top: line.y, bottom: line.y, lines: [text] };
        blocks.push(block);
        open.set(col, block);
      }
    }
  }
  const titles = blocks.filter((b) => b.col === titleCol);
  const rows: Array<{ title: CellBlock; cells: string[][] }> = titles.map((t) => ({
    title: t,
    cells: columns.map((_, i) => (i === titleCol ? [...t.lines] : [])),
  }));
  const center = (b: CellBlock): number => (b.top + b.bottom) / 2;
  for (const b of blocks) {
    if (b.col === titleCol) continue;
    let best: (typeof rows)[number] | null = null;
    let bestDistance = Infinity;
    for (const r of rows) {
      if (r.title.page !== b.page) continue;
      // A cell faces the task block whose span covers its centre, else the nearest one.
      const inside = center(b) <= r.title.top + spacing && center(b) >= r.title.bottom - spacing;
      const distance = inside ? 0 : Math.abs(center(r.title) - center(b));
      if (distance < bestDistance) {
        best = r;
        bestDistance = distance;
      }
    }
    best?.cells[b.col]?.push(...b.lines);
  }
  const out: string[][] = [];
  rows.forEach((r, i) => {
    const cells = r.cells.map((parts) => parts.join(' ').replace(/\s+/g, ' ').trim());
    void i;
    const onlyTitle = cells.every((c, k) => k === titleCol || !c);
    const opensPage = i > 0 && rows[i - 1]?.title.page !== r.title.page;
    const last = out[out.length - 1];
    const ref = refCol >= 0 ? (cells[refCol] ?? '') : '';
    // A block without a number that goes on mid-sentence, or opens a page with nothing beside it,
    // is the rest of the row above (a cell broken by a page or a paragraph).
    const continues = !ref && (/^\p{Ll}/u.test(cells[titleCol] ?? '') || (onlyTitle && opensPage));
    if (continues && last) {
      cells.forEach((c, k) => {
        if (c) last[k] = `${last[k] ?? ''} ${c}`.trim();
      });
      return;
    }
    if (GROUP.test(ref)) {
      // A group row spans the table: its words sit in every column.
      const text = columns
        .map((_, k) => (k === refCol ? '' : (cells[k] ?? '')))
        .filter(Boolean)
        .join(' ');
      out.push(columns.map((_, k) => (k === refCol ? ref : k === titleCol ? text : '')));
      return;
    }
    out.push(cells);
  });
  return out;
}

function median(xs: number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

export type PdfSegment = { kind: 'text'; text: string } | { kind: 'table'; rows: string[][] };

/**
 * Lines → text and tables, in order. Text keeps its lines, with a blank line where the gap to the
 * line above is larger than the page's line spacing (a paragraph break), so the plain-text rules
 * rebuild paragraphs from structure exactly as for a .txt file.
 */
export function linesToSegments(pages: PdfLine[][]): PdfSegment[] {
  const blocks: PdfSegment[] = [];
  let table: { columns: Column[]; lines: PdfLine[] } | null = null;
  const flushTable = (): void => {
    if (!table) return;
    const header = table.columns.map((c) => HEADER_TEXT[c.role]);
    const lines = table.lines;
    const spacing =
      median(
        lines
          .slice(1)
          .map((l, i) => (lines[i]?.page === l.page ? (lines[i]?.y ?? 0) - l.y : 0))
          .filter((d) => d > 0 && d < 40),
      ) || 14;
    blocks.push({ kind: 'table', rows: [header, ...tableRows(lines, table.columns, spacing)] });
    table = null;
  };
  let current: string[] = [];
  const flushPara = (): void => {
    const last = blocks[blocks.length - 1];
    const text = current.join('\n');
    if (text && last?.kind === 'text') last.text += `\n\n${text}`;
    else if (text) blocks.push({ kind: 'text', text });
    current = [];
  };
  for (const lines of pages) {
    const header = findHeader(lines);
    const spacing =
      median(
        lines
          .slice(1)
          .map((l, i) => (lines[i]?.y ?? 0) - l.y)
          .filter((d) => d > 0 && d < 40),
      ) || 14;
    let prev: PdfLine | null = null;
    for (const line of lines) {
      if (header && line.y <= header.top && line.y >= header.bottom) {
        // The table header (repeated on each page of a long table).
        if (!table) {
          flushPara();
          table = { columns: header.columns, lines: [] };
        }
        prev = null;
        continue;
      }
      if (table && header && line.y < header.bottom) {
        table.lines.push(line);
        continue;
      }
      if (table && !header) {
        // A page without the header: the table goes on if the line sits in its columns' area.
        const inTable =
          line.x >= (table.columns[0]?.x ?? 0) - 30 && /^(?:\d{1,3}|[IVX]{1,5})\.?$|^\p{L}/u.test(line.text) && !/^(?:noi nhan|nơi nhận)/i.test(line.text);
        if (inTable && line.runs.length > 1) {
          table.lines.push(line);
          continue;
        }
      }
      flushTable();
      const gap = prev ? prev.y - line.y : 0;
      if (prev && gap > spacing * 1.45) flushPara();
      current.push(line.text);
      prev = line;
    }
    // A page break ends a line but not a paragraph; the structure rules decide.
  }
  flushPara();
  flushTable();
  return blocks;
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

/** The lines of every page of a PDF. Throws PdfNoTextError for a PDF without text (a scan). */
export async function pdfLines(data: Uint8Array): Promise<PdfLine[][]> {
  const { pages } = await readInWorker('pdf', data);
  const lines = pages.map((runs, i) => pageLines(runs, i + 1));
  const letters = lines.flat().reduce((n, l) => n + (l.text.match(/\p{L}/gu)?.length ?? 0), 0);
  if (letters < 20) throw new PdfNoTextError();
  return lines;
}
