/**
 * Turns the HTML mammoth makes of a .docx into what the plan parser needs: paragraphs as text
 * lines (Word's automatic list numbers, which plain-text extraction drops, become "1.", "a)",
 * "-" markers again) and tables as rows of cell text with merged cells filled in, so an
 * appendix table can be read column by column and a two-column header keeps its columns.
 */

export type DocxBlock = { kind: 'para'; text: string } | { kind: 'table'; rows: string[][] };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const LETTERS = 'abcdefghiklmnopqrstuvxy';
const HAS_MARKER = /^\s*(?:[IVX]+\s*\.|\d{1,2}(?:\.\d{1,2})*\s*[.)]|[a-zđ]\s*\)|[-–—+•])\s*/i;

function listMarker(lists: Array<{ ordered: boolean; count: number }>): string {
  const depth = lists.length - 1;
  const list = lists[depth];
  if (!list) return '';
  if (!list.ordered) return depth === 0 ? '-' : '+';
  if (depth === 0) return `${list.count}.`;
  if (depth === 1) return `${LETTERS[(list.count - 1) % LETTERS.length] ?? 'a'})`;
  return '-';
}

interface CellDraft {
  text: string;
  rowspan: number;
  colspan: number;
}

/** Lays out rows of cells with rowspan/colspan into a full grid, repeating merged values. */
function grid(rows: CellDraft[][]): string[][] {
  const out: string[][] = [];
  const carry: Array<{ text: string; left: number } | undefined> = [];
  rows.forEach((cells) => {
    const row: string[] = [];
    let col = 0;
    const next = (): void => {
      for (let c = carry[col]; c && c.left > 0; c = carry[col]) {
        row.push(c.text);
        c.left -= 1;
        col += 1;
      }
    };
    for (const cell of cells) {
      next();
      for (let k = 0; k < cell.colspan; k += 1) {
        row.push(cell.text);
        carry[col] = cell.rowspan > 1 ? { text: cell.text, left: cell.rowspan - 1 } : undefined;
        col += 1;
      }
    }
    next();
    out.push(row);
  });
  return out;
}

const attr = (attrs: string, name: string): number => Number(new RegExp(`${name}="(\\d+)"`).exec(attrs)?.[1] ?? 1);

/** Paragraphs and tables of mammoth's HTML, in document order. */
export function docxBlocks(html: string): DocxBlock[] {
  const blocks: DocxBlock[] = [];
  const lists: Array<{ ordered: boolean; count: number }> = [];
  let text = '';
  let marker = '';
  let tableDepth = 0;
  let rows: CellDraft[][] = [];
  let cell: CellDraft | null = null;
  // Word continues a numbered list across the paragraphs between its items; mammoth closes and
  // reopens the list there, so the top-level count is carried until a roman-numbered heading.
  let topCount = 0;
  const flush = (): void => {
    const t = decode(text)
      .replace(/[^\S\n]+/g, ' ')
      .trim();
    if (!marker && lists.length === 0 && /^[IVX]+\s*[.)]\s/.test(t)) topCount = 0;
    if (cell) cell.text = [cell.text, t].filter(Boolean).join('\n');
    else if (t) blocks.push({ kind: 'para', text: marker && !HAS_MARKER.test(t) ? `${marker} ${t}` : t });
    text = '';
    marker = '';
  };
  for (const m of html.matchAll(/<(\/?)([a-z0-9]+)([^>]*)>|([^<]+)/gi)) {
    const [, close, rawTag, attrs = '', chunk] = m;
    if (chunk !== undefined) {
      text += chunk;
      continue;
    }
    const tag = (rawTag ?? '').toLowerCase();
    if (tag === 'br') text += '\n';
    else if (tag === 'table') {
      flush();
      tableDepth += close ? -1 : 1;
      if (!close && tableDepth === 1) rows = [];
      if (close && tableDepth === 0) blocks.push({ kind: 'table', rows: grid(rows) });
    } else if (tableDepth === 1 && tag === 'tr' && !close) rows.push([]);
    else if (tableDepth === 1 && (tag === 'td' || tag === 'th')) {
      if (close && cell) {
        flush();
        rows[rows.length - 1]?.push(cell);
        cell = null;
      } else if (!close) cell = { text: '', rowspan: attr(attrs, 'rowspan'), colspan: attr(attrs, 'colspan') };
    } else if (tag === 'ol' || tag === 'ul') {
      flush();
      if (close) {
        const done = lists.pop();
        if (done?.ordered && lists.length === 0) topCount = done.count;
      } else lists.push({ ordered: tag === 'ol', count: lists.length === 0 && tag === 'ol' ? topCount : 0 });
    } else if (tag === 'li') {
      flush();
      const list = lists[lists.length - 1];
      if (!close && list) {
        list.count += 1;
        marker = listMarker(lists);
      }
    } else if (/^(?:p|h[1-6]|div)$/.test(tag)) {
      if (close) flush();
      else if (text.trim()) flush();
    }
  }
  flush();
  return blocks;
}
