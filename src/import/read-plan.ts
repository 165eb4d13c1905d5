/**
 * The file entry of the plan importer: reads a .txt, .docx or .xlsx plan from a path or from
 * bytes received in chat and returns the import proposal. Problems are reported as a
 * PlanFileError with a code; callers turn the code into a message in the user's language.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { attachmentNote, readHeader } from './header.js';
import { parseBlocks, parsePlanText } from './plan-parser.js';
import { para, type Block } from './blocks.js';
import type { PlanImport } from './types.js';
import { readInWorker, ReaderError } from './reader.js';
import { cellStreamTables, cellText, findLayout, tableTasks } from './table.js';
import { linesToSegments, pdfLines, PdfNoTextError } from './pdf.js';
import { checkZip, ZipGuardError } from './zip-guard.js';
import { hasBlankLineParagraphs, textParagraphs } from './paragraphs.js';
import { docxBlocks } from './docx-html.js';

export type PlanFileErrorCode = 'unsupported_type' | 'unreadable' | 'empty' | 'scanned' | 'too_large' | 'too_long';

/** Why a plan file could not be read; `code` is stable, the message is for logs only. */
export class PlanFileError extends Error {
  readonly code: PlanFileErrorCode;

  constructor(code: PlanFileErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PlanFileError';
    this.code = code;
  }
}

export const PLAN_FILE_EXTENSIONS = ['.txt', '.docx', '.pdf', '.xlsx'] as const;

/** Decodes a text file: UTF-8 (with or without BOM) or UTF-16 with BOM; anything else is unreadable. */
export function decodeText(buf: Buffer): string {
  if (buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf.subarray(2));
  if (buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf).replace(/^\uFEFF/, '');
  } catch (cause) {
    throw new PlanFileError('unreadable', 'text is not valid UTF-8', { cause });
  }
}

function requireText(text: string): string {
  if (!/\p{L}/u.test(text)) throw new PlanFileError('empty', 'the file has no text');
  return limitText(text.length, text);
}

/**
 * Most characters of text a plan may have: about 400 pages, ten times the longest plan we have
 * seen. Reading time and memory grow with the text; beyond this a file is refused, not read.
 */
export const MAX_PLAN_TEXT_CHARS = 1_000_000;

function limitText<T>(chars: number, value: T): T {
  if (chars > MAX_PLAN_TEXT_CHARS) throw new PlanFileError('too_long', `the text has ${chars} characters, more than ${MAX_PLAN_TEXT_CHARS}`);
  return value;
}

/** Largest plan file read, whatever its type (Telegram lets a bot download up to 20 MB). */
export const MAX_PLAN_FILE_BYTES = 20 * 1024 * 1024;

/** Refuses an Office archive that would expand past the limits before any library unpacks it. */
async function guardZip(buf: Buffer, kind: string): Promise<void> {
  try {
    await checkZip(buf);
  } catch (cause) {
    if (cause instanceof ZipGuardError && cause.problem === 'too_large')
      throw new PlanFileError('too_large', `the ${kind} file expands too much: ${cause.message}`, { cause });
    throw new PlanFileError('unreadable', `not a readable ${kind} file`, { cause });
  }
}

/** Opens a file in the reader worker; a file that needs too much memory or time is too large. */
async function openInWorker<K extends 'docx' | 'xlsx'>(kind: K, buf: Buffer) {
  await guardZip(buf, `.${kind}`);
  try {
    return await readInWorker(kind, new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength));
  } catch (cause) {
    if (cause instanceof ReaderError && cause.limit) throw new PlanFileError('too_large', `the .${kind} file needs too much memory or time to open`, { cause });
    throw new PlanFileError('unreadable', `not a readable .${kind} file`, { cause });
  }
}

/** Lines of a layout table (e.g. the two-column header), column cells side by side. */
function tableLines(rows: string[][]): string[] {
  return rows.flatMap((row) => {
    const cells = row.filter((c, i) => c && row.indexOf(c) === i).map((c) => c.split('\n'));
    const height = Math.max(0, ...cells.map((c) => c.length));
    return Array.from({ length: height }, (_, i) =>
      cells
        .map((c) => c[i] ?? '')
        .join('     ')
        .trim(),
    ).filter(Boolean);
  });
}

async function docxPlan(buf: Buffer): Promise<PlanImport> {
  const blocks: Block[] = [];
  const headerLines: string[] = [];
  for (const block of docxBlocks((await openInWorker('docx', buf)).html)) {
    if (block.kind === 'para') {
      // A paragraph with line breaks inside is lines of one paragraph; keep them joined.
      blocks.push(para(block.text.replace(/\s*\n\s*/g, ' ')));
      headerLines.push(block.text);
    } else if (findLayout(block.rows)) blocks.push({ kind: 'table', rows: block.rows });
    else {
      // A layout table (the two-column letterhead): its cells side by side, as lines.
      const lines = tableLines(block.rows);
      blocks.push(...lines.map((l) => para(l.replace(/\s{3,}/g, ' '))));
      headerLines.push(...lines);
    }
  }
  if (!blocks.some((b) => (b.kind === 'para' && /\p{L}/u.test(b.text)) || b.kind === 'table')) throw new PlanFileError('empty', 'the document has no text');
  limitText(
    blocks.reduce((n, b) => n + (b.kind === 'para' ? b.text.length : b.rows.reduce((m, r) => m + r.reduce((k, c) => k + c.length, 0), 0)), 0),
    null,
  );
  return parseBlocks(blocks, { realParagraphs: true, rawText: headerLines.join('\n') });
}

async function pdfPlan(buf: Buffer): Promise<PlanImport> {
  let pages;
  try {
    pages = await pdfLines(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength));
  } catch (cause) {
    if (cause instanceof PdfNoTextError) throw new PlanFileError('scanned', 'the PDF has no text layer (a scan)', { cause });
    if (cause instanceof ReaderError && cause.limit) throw new PlanFileError('too_large', cause.message, { cause });
    throw new PlanFileError('unreadable', 'not a readable .pdf file', { cause });
  }
  limitText(
    pages.reduce((n, lines) => n + lines.reduce((m, l) => m + l.text.length, 0), 0),
    null,
  );
  const blocks: Block[] = [];
  const raw: string[] = [];
  for (const segment of linesToSegments(pages)) {
    if (segment.kind === 'table') blocks.push({ kind: 'table', rows: segment.rows });
    else {
      blocks.push(...cellStreamTables(textParagraphs(segment.text)));
      raw.push(segment.text);
    }
  }
  const text = raw.join('\n\n');
  return parseBlocks(blocks, { realParagraphs: hasBlankLineParagraphs(text), rawText: text });
}

async function xlsxPlan(buf: Buffer): Promise<PlanImport> {
  const { sheets } = await openInWorker('xlsx', buf);
  if (sheets.every((rows) => rows.every((row) => row.every((c) => !cellText(c))))) {
    throw new PlanFileError('empty', 'the workbook has no data');
  }
  limitText(
    sheets.reduce<number>((n, rows) => n + rows.reduce<number>((m, row) => m + row.reduce<number>((k, c) => k + cellText(c).length, 0), 0), 0),
    null,
  );
  const rows = sheets.find((s) => findLayout(s) !== null);
  if (!rows) throw new PlanFileError('unreadable', 'no task table header found');
  const layout = findLayout(rows);
  const top = rows
    .slice(0, layout?.row ?? 0)
    .map((r) => r.map(cellText).filter(Boolean).join('   '))
    .join('\n');
  const header = readHeader(top);
  const note = attachmentNote(top);
  const document = {
    number: header.number || note?.number || '',
    date: header.date ?? note?.date ?? null,
    issuer: note?.issuer ?? header.issuer,
  };
  return { document, tasks: tableTasks(rows, header.year ?? note?.year ?? null) };
}

/** Reads a plan from bytes; `fileName` decides the type by its extension. */
export async function readPlanBuffer(buf: Buffer, fileName: string): Promise<PlanImport> {
  const ext = path.extname(fileName).toLowerCase();
  if (buf.length > MAX_PLAN_FILE_BYTES) throw new PlanFileError('too_large', `the file is larger than ${MAX_PLAN_FILE_BYTES} bytes`);
  switch (ext) {
    case '.txt':
      return parsePlanText(requireText(decodeText(buf)));
    case '.docx':
      return docxPlan(buf);
    case '.pdf':
      return pdfPlan(buf);
    case '.xlsx':
      return xlsxPlan(buf);
    default:
      throw new PlanFileError('unsupported_type', `unsupported plan file type: ${ext || '(none)'}`);
  }
}

/** Reads a plan from a file on disk. */
export async function readPlanFile(filePath: string): Promise<PlanImport> {
  const ext = path.extname(filePath).toLowerCase();
  if (!(PLAN_FILE_EXTENSIONS as readonly string[]).includes(ext)) {
    throw new PlanFileError('unsupported_type', `unsupported plan file type: ${ext || '(none)'}`);
  }
  let buf: Buffer;
  try {
    const info = await stat(filePath);
    if (info.size > MAX_PLAN_FILE_BYTES) throw new PlanFileError('too_large', `${filePath} is larger than ${MAX_PLAN_FILE_BYTES} bytes`);
    buf = await readFile(filePath);
  } catch (cause) {
    if (cause instanceof PlanFileError) throw cause;
    throw new PlanFileError('unreadable', `cannot read ${filePath}`, { cause });
  }
  if (buf.length === 0) throw new PlanFileError('empty', 'the file is empty');
  return readPlanBuffer(buf, filePath);
}
