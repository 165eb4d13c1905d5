/**
 * Tables written in plain text: rows of cells between pipes ("| 1 | Xây dựng … | Sở Tư pháp |",
 * as Markdown and converters write them, with "|---|" rules and "+----+" grid borders whose cells
 * run over several lines) or separated by tabs (a Word table pasted into a text file). A run of
 * such lines becomes a table for the task-table reader; everything else stays text.
 */

export type TextSegment = { kind: 'text'; text: string } | { kind: 'table'; rows: string[][] };

const PIPE_ROW = /^\s*\|.*\|\s*$/;
const PIPE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;
const GRID_BORDER = /^\s*\+(?:[-=:]+\+)+\s*$/;
const MIN_CELLS = 3;

function pipeCells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => c.trim());
}

function tabCells(line: string): string[] {
  return line.split('\t').map((c) => c.trim());
}

type LineKind = 'pipe' | 'rule' | 'border' | 'tab' | 'text';

function kindOf(line: string): LineKind {
  if (GRID_BORDER.test(line)) return 'border';
  if (PIPE_RULE.test(line) && line.includes('-')) return 'rule';
  if (PIPE_ROW.test(line) && pipeCells(line).length >= MIN_CELLS) return 'pipe';
  if ((line.match(/\t/g)?.length ?? 0) >= MIN_CELLS - 1 && tabCells(line).filter(Boolean).length >= 2) return 'tab';
  return 'text';
}

/** Rows of a run of pipe lines; in a grid table the lines between two borders are one row. */
function pipeRows(lines: string[]): string[][] {
  const grid = lines.some((l) => kindOf(l) === 'border');
  const rows: string[][] = [];
  let pending: string[][] = [];
  const flush = (): void => {
    if (pending.length === 0) return;
    const width = Math.max(...pending.map((r) => r.length));
    rows.push(
      Array.from({ length: width }, (_, k) =>
        pending
          .map((r) => r[k] ?? '')
          .filter(Boolean)
          .join(' '),
      ),
    );
    pending = [];
  };
  for (const line of lines) {
    const kind = kindOf(line);
    if (kind === 'border' || kind === 'rule') {
      flush();
      continue;
    }
    pending.push(pipeCells(line));
    if (!grid) flush();
  }
  flush();
  return rows;
}

/** Splits text into text and the tables written in it; text without tables is one segment. */
export function textSegments(text: string): TextSegment[] {
  const lines = text.split('\n');
  const segments: TextSegment[] = [];
  let textLines: string[] = [];
  const pushText = (): void => {
    if (textLines.length) segments.push({ kind: 'text', text: textLines.join('\n') });
    textLines = [];
  };
  for (let i = 0; i < lines.length;) {
    const kind = kindOf(lines[i] ?? '');
    if (kind === 'text') {
      textLines.push(lines[i] ?? '');
      i += 1;
      continue;
    }
    const family = kind === 'tab' ? 'tab' : 'pipe';
    let j = i;
    while (j < lines.length) {
      const k = kindOf(lines[j] ?? '');
      if (family === 'tab' ? k !== 'tab' : k === 'text' || k === 'tab') break;
      j += 1;
    }
    const run = lines.slice(i, j);
    const rows = family === 'tab' ? run.map(tabCells) : pipeRows(run);
    if (rows.length >= 2) {
      pushText();
      segments.push({ kind: 'table', rows });
    } else textLines.push(...run);
    i = j;
  }
  pushText();
  return segments;
}
