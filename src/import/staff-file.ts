/**
 * Reads the office's staff list (`name,unit,role,phone`, Vietnamese headers accepted) from a
 * .csv or .xlsx file, as the command line and the office workbench both receive it: any
 * separator Excel writes (comma, semicolon, tab), UTF-8 or UTF-16 with or without BOM, a
 * legacy Vietnamese encoding, CRLF, NUL bytes. Each row comes back checked: a person to store or
 * the reason it is skipped, with its line number; a bad row never stops the others.
 */
import { parse } from 'csv-parse/sync';
import path from 'node:path';
import { normalizePhone } from '../domain/phone.js';
import { fold, squash } from '../domain/text.js';
import { ROLES, type Role } from '../domain/types.js';
import { readInWorker, ReaderError } from './reader.js';
import { cellText, type Cell } from './table.js';
import { decodeTextBytes, EncodingError } from './text-encoding.js';
import { checkZip, ZipGuardError } from './zip-guard.js';

export const STAFF_FILE_EXTENSIONS = ['.csv', '.txt', '.xlsx'] as const;
export const MAX_STAFF_FILE_BYTES = 20 * 1024 * 1024;
/** A staff list of 100 000 people is a whole province; Excel opens it in a bigger heap than a plan. */
const XLSX_LIMITS = { heapMb: 512, timeoutMs: 120_000 };

const COLUMNS = ['name', 'unit', 'role', 'phone'] as const;
type Column = (typeof COLUMNS)[number];

const HEADER_ALIASES: Record<string, Column> = {
  name: 'name',
  'ho ten': 'name',
  'ho va ten': 'name',
  ten: 'name',
  unit: 'unit',
  'don vi': 'unit',
  role: 'role',
  'vai tro': 'role',
  phone: 'phone',
  'dien thoai': 'phone',
  'so dien thoai': 'phone',
  sdt: 'phone',
};

const ROLE_ALIASES: Record<string, Role> = {
  staff: 'staff',
  'can bo': 'staff',
  'chuyen vien': 'staff',
  unit_head: 'unit_head',
  'truong don vi': 'unit_head',
  'truong phong': 'unit_head',
  leader: 'leader',
  'lanh dao': 'leader',
  admin: 'admin',
  'quan tri': 'admin',
};

/** A message id of the locale files with its arguments. */
export interface Reason {
  key: string;
  args?: Record<string, string | number>;
}

export interface StaffRow {
  line: number;
  name: string;
  unitPath: string[];
  role: Role;
  phone: string;
}

export interface SkippedRow {
  line: number;
  reason: Reason;
}

export interface StaffTable {
  rows: StaffRow[];
  skipped: SkippedRow[];
  encoding: string | null;
}

export type StaffFileErrorCode = 'unsupported_type' | 'too_large' | 'encoding' | 'unreadable' | 'header';

/** The file as a whole cannot be read; `reason` says why in the user's words. */
export class StaffFileError extends Error {
  readonly code: StaffFileErrorCode;
  readonly reason: Reason;

  constructor(code: StaffFileErrorCode, reason: Reason, options?: { cause?: unknown }) {
    super(`${code}: ${reason.key}`, options);
    this.name = 'StaffFileError';
    this.code = code;
    this.reason = reason;
  }
}

/** The separator of a CSV file: whichever of , ; tab occurs most in its header line. */
export function guessDelimiter(text: string): string {
  const first = text.slice(0, text.search(/\r?\n|$/));
  let best = ',';
  let bestCount = 0;
  for (const d of [',', ';', '\t']) {
    const count = first.split(d).length - 1;
    if (count > bestCount) [best, bestCount] = [d, count];
  }
  return best;
}

function csvTable(buf: Buffer): { table: string[][]; encoding: string } {
  let decoded;
  try {
    decoded = decodeTextBytes(buf);
  } catch (cause) {
    if (cause instanceof EncodingError) throw new StaffFileError('encoding', { key: 'staff-file-encoding', args: { encoding: cause.guess } }, { cause });
    throw cause;
  }
  try {
    const table = parse(decoded.text, { delimiter: guessDelimiter(decoded.text), relax_column_count: true, relax_quotes: true, skip_empty_lines: false });
    return { table: table as string[][], encoding: decoded.encoding };
  } catch (cause) {
    throw new StaffFileError('unreadable', { key: 'staff-file-unreadable' }, { cause });
  }
}

async function xlsxTable(buf: Buffer): Promise<string[][]> {
  try {
    await checkZip(buf);
    const { sheets } = await readInWorker('xlsx', new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength), XLSX_LIMITS);
    return (sheets[0] ?? []).map((row: Cell[]) => row.map((c) => cellText(c)));
  } catch (cause) {
    if ((cause instanceof ZipGuardError && cause.problem === 'too_large') || (cause instanceof ReaderError && cause.limit))
      throw new StaffFileError('too_large', { key: 'staff-file-too-large' }, { cause });
    throw new StaffFileError('unreadable', { key: 'staff-file-unreadable' }, { cause });
  }
}

function headerIndex(header: string[]): Map<Column, number> {
  const index = new Map<Column, number>();
  header.forEach((cell, i) => {
    const key = HEADER_ALIASES[fold(cell.replace(/^\ufeff/, ''))];
    if (key && !index.has(key)) index.set(key, i);
  });
  return index;
}

function clean(cell: string | undefined): string {
  return squash((cell ?? '').replaceAll('\u0000', ''));
}

/** Checks one row; the reason when it cannot be stored. */
function checkRow(line: number, cells: Record<Column, string>, seenPhones: Map<string, number>): StaffRow | Reason {
  const { name, unit, role, phone } = cells;
  if (!name) return { key: 'cli-staff-import-no-name' };
  const unitPath = unit
    .split('/')
    .map(squash)
    .filter((p) => p.length > 0);
  if (unitPath.length === 0) return { key: 'cli-staff-import-no-unit' };
  const roleValue = ROLE_ALIASES[fold(role)];
  if (!roleValue) return { key: 'cli-staff-import-bad-role', args: { role: role || '-', roles: ROLES.join(', ') } };
  const normalized = normalizePhone(phone);
  if (!normalized) return { key: 'cli-staff-import-bad-phone', args: { phone: phone || '-' } };
  const earlier = seenPhones.get(normalized);
  if (earlier !== undefined) return { key: 'cli-staff-import-dup-phone', args: { phone, line: earlier } };
  seenPhones.set(normalized, line);
  return { line, name, unitPath, role: roleValue, phone: normalized };
}

/** Checks every row of a table whose first row is the header. */
export function checkStaffTable(table: string[][], encoding: string | null): StaffTable {
  const [header, ...rest] = table;
  const index = headerIndex(header ?? []);
  const missing = COLUMNS.filter((c) => !index.has(c));
  if (missing.length > 0) throw new StaffFileError('header', { key: 'cli-staff-import-header', args: { missing: missing.join(', ') } });
  const result: StaffTable = { rows: [], skipped: [], encoding };
  const seenPhones = new Map<string, number>();
  rest.forEach((raw, i) => {
    const cells = Object.fromEntries(COLUMNS.map((c) => [c, clean(raw[index.get(c)!])])) as Record<Column, string>;
    if (!cells.name && !cells.unit && !cells.role && !cells.phone) return;
    const line = i + 2;
    const checked = checkRow(line, cells, seenPhones);
    if ('key' in checked) result.skipped.push({ line, reason: checked });
    else result.rows.push(checked);
  });
  return result;
}

/** Reads and checks a staff list; `fileName` decides the type by its extension. */
export async function readStaffFile(buf: Buffer, fileName: string): Promise<StaffTable> {
  const ext = path.extname(fileName).toLowerCase();
  if (!(STAFF_FILE_EXTENSIONS as readonly string[]).includes(ext))
    throw new StaffFileError('unsupported_type', { key: 'cli-staff-import-type', args: { ext: ext || '-' } });
  if (buf.length > MAX_STAFF_FILE_BYTES) throw new StaffFileError('too_large', { key: 'staff-file-too-large' });
  if (ext === '.xlsx') return checkStaffTable(await xlsxTable(buf), null);
  const { table, encoding } = csvTable(buf);
  return checkStaffTable(table, encoding);
}
