/**
 * `staff import FILE.csv|xlsx`: loads the organisation and its people. Header
 * `name,unit,role,phone`; unit is a path "Sở Tư pháp / Văn phòng Sở", created when missing.
 * Idempotent; a bad row is reported with its line number and skipped, good rows are kept.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { normalizePhone } from '../domain/phone.js';
import { fold, squash } from '../domain/text.js';
import { ROLES, type Role } from '../domain/types.js';
import { ensureUnitPath, splitUnitPath } from '../store/units.js';
import { upsertStaff } from '../store/staff.js';
import { EXIT_FAILURE, EXIT_OK, UsageError, type CliCommand } from './types.js';

const COLUMNS = ['name', 'unit', 'role', 'phone'] as const;
type Row = { line: number; cells: Record<(typeof COLUMNS)[number], string> };

/** Header names in Vietnamese are accepted too (họ tên, đơn vị, vai trò, điện thoại). */
const HEADER_ALIASES: Record<string, (typeof COLUMNS)[number]> = {
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

function headerIndex(header: string[]): Map<(typeof COLUMNS)[number], number> {
  const index = new Map<(typeof COLUMNS)[number], number>();
  header.forEach((cell, i) => {
    const key = HEADER_ALIASES[fold(cell).replace(/^\ufeff/, '')];
    if (key && !index.has(key)) index.set(key, i);
  });
  return index;
}

async function readRows(file: string, t: (k: string, v?: Record<string, string | number>) => string): Promise<Row[]> {
  const ext = path.extname(file).toLowerCase();
  let table: string[][];
  if (ext === '.csv' || ext === '.txt') {
    const text = (await fs.readFile(file, 'utf8')).replace(/^\ufeff/, '');
    table = parse(text, { relax_column_count: true, skip_empty_lines: false, trim: true }) as string[][];
  } else if (ext === '.xlsx') {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0];
    table = [];
    sheet?.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const values = (row.values as unknown[]).slice(1).map((v) => squash(cellText(v)));
      table[rowNumber - 1] = values;
    });
    for (let i = 0; i < table.length; i++) table[i] ??= [];
  } else {
    throw new UsageError(t('cli-staff-import-type', { ext: ext || '-' }));
  }
  const [header, ...rest] = table;
  const index = headerIndex(header ?? []);
  const missing = COLUMNS.filter((c) => !index.has(c));
  if (missing.length > 0) throw new UsageError(t('cli-staff-import-header', { missing: missing.join(', ') }));
  return rest.map((cells, i) => ({
    line: i + 2,
    cells: Object.fromEntries(COLUMNS.map((c) => [c, squash(cells[index.get(c)!] ?? '')])) as Row['cells'],
  }));
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'text' in (value as object)) return String((value as { text: unknown }).text);
  if (typeof value === 'object' && 'richText' in (value as object)) return (value as { richText: { text: string }[] }).richText.map((r) => r.text).join('');
  return String(value);
}

export const staffImport: CliCommand = {
  path: ['staff', 'import'],
  usageKey: 'cli-usage-staff-import',
  async run(args, io, env) {
    const file = args[0];
    if (!file) throw new UsageError(env.t('cli-usage-staff-import'));
    const full = path.resolve(io.cwd, file);
    const rows = await readRows(full, env.t).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new UsageError(env.t('cli-file-not-found', { file }));
      throw error;
    });
    const counts = { created: 0, updated: 0, unchanged: 0, skipped: 0 };
    const seenPhones = new Map<string, number>();
    for (const row of rows) {
      const { name, unit, role, phone } = row.cells;
      if (!name && !unit && !role && !phone) continue;
      const problem = validate(row, seenPhones, env.t);
      if (problem) {
        counts.skipped++;
        io.stderr(env.t('cli-staff-import-bad-row', { line: row.line, problem }));
        continue;
      }
      const outcome = await env.db.transaction().execute(async (trx) => {
        const unitId = await ensureUnitPath(trx, splitUnitPath(unit));
        return upsertStaff(trx, { name, unitId, role: ROLE_ALIASES[fold(role)]!, phone: normalizePhone(phone)! }, env.clock.now());
      });
      counts[outcome]++;
    }
    io.stdout(env.t('cli-staff-import-done', counts));
    return counts.skipped > 0 && counts.created + counts.updated + counts.unchanged === 0 ? EXIT_FAILURE : EXIT_OK;
  },
};

function validate(row: Row, seenPhones: Map<string, number>, t: (k: string, v?: Record<string, string | number>) => string): string | null {
  const { name, unit, role, phone } = row.cells;
  if (!name) return t('cli-staff-import-no-name');
  if (splitUnitPath(unit).length === 0) return t('cli-staff-import-no-unit');
  if (!ROLE_ALIASES[fold(role)]) return t('cli-staff-import-bad-role', { role: role || '-', roles: ROLES.join(', ') });
  const normalized = normalizePhone(phone);
  if (!normalized) return t('cli-staff-import-bad-phone', { phone: phone || '-' });
  const earlier = seenPhones.get(normalized);
  if (earlier !== undefined) return t('cli-staff-import-dup-phone', { phone, line: earlier });
  seenPhones.set(normalized, row.line);
  return null;
}
