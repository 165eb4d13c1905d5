/**
 * `report [--period 2026-Q4|2026 | --from D --to D] [--unit U] --out FILE.docx|.xlsx`: the
 * compiled report (format by extension) for the whole organisation or one unit's subtree. The
 * workbook keeps the dashboard's export as its first sheet (every period due in the range) and
 * adds the report's appendix and the units' scorecard; the Word file is the report itself.
 * `monitoring export [--period P | --from D --to D] --out FILE.xlsx|.csv`: every task's progress
 * with the fields the national and provincial monitoring systems ask for.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { reportRows } from '../store/report.js';
import { reportWorkbook } from '../dashboard/xlsx.js';
import { parsePeriod, rangePeriod, type Period } from '../domain/rounds.js';
import { formatVnDate, isoDate, localDate } from '../domain/time.js';
import { loadReportData } from '../reports/round-data.js';
import { reportDocx } from '../reports/round-docx.js';
import { addRoundSheets, monitoringCsv, monitoringXlsx } from '../reports/round-xlsx.js';
import { scopeItems } from '../store/round-report.js';
import { findRound } from '../store/rounds.js';
import { findUnitByPath, findUnitsByName } from '../store/units.js';
import { EXIT_OK, UsageError, type CliCommand, type CliEnv } from './types.js';

export function parseCliDate(env: Pick<CliEnv, 't'>, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const parsed = m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  if (!parsed) throw new UsageError(env.t('cli-bad-date', { value }));
  return parsed;
}

interface Scope {
  period: Period | null;
  from: string | undefined;
  to: string | undefined;
}

function readScope(env: CliEnv, values: { period?: string | undefined; from?: string | undefined; to?: string | undefined }): Scope {
  if (values.period !== undefined) {
    if (values.from !== undefined || values.to !== undefined) throw new UsageError(env.t('cli-usage-report'));
    const period = parsePeriod(values.period);
    if (!period) throw new UsageError(env.t('cli-round-bad-period', { value: values.period }));
    return { period, from: period.from, to: period.to };
  }
  const from = parseCliDate(env, values.from);
  const to = parseCliDate(env, values.to);
  if (from && to && from > to) throw new UsageError(env.t('cli-report-range', { from, to }));
  return { period: from && to ? rangePeriod(from, to) : null, from, to };
}

async function readUnit(env: CliEnv, value: string | undefined): Promise<{ id: number; name: string } | undefined> {
  if (value === undefined) return undefined;
  const byPath = await findUnitByPath(env.db, value);
  if (byPath) return byPath;
  const byName = await findUnitsByName(env.db, value);
  if (byName.length === 1) return byName[0]!;
  throw new UsageError(env.t(byName.length === 0 ? 'cli-report-unit-unknown' : 'cli-report-unit-ambiguous', { unit: value, count: byName.length }));
}

function outputOf(env: CliEnv, out: string | undefined, formats: string[], usage: string): { file: string; ext: string } {
  const ext = out ? path.extname(out).slice(1).toLowerCase() : '';
  if (!out || !formats.includes(ext)) throw new UsageError(env.t(usage));
  return { file: out, ext };
}

/** The options `report` and `monitoring export` share; anything else is a usage error. */
function scopeArgs(args: string[], env: CliEnv, usage: string) {
  try {
    return parseArgs({
      args,
      options: { from: { type: 'string' }, to: { type: 'string' }, period: { type: 'string' }, unit: { type: 'string' }, out: { type: 'string' } },
      strict: true,
    }).values;
  } catch {
    throw new UsageError(env.t(usage));
  }
}

export const report: CliCommand = {
  path: ['report'],
  usageKey: 'cli-usage-report',
  async run(args, io, env) {
    const values = scopeArgs(args, env, 'cli-usage-report');
    const { ext } = outputOf(env, values.out, ['xlsx', 'docx'], 'cli-usage-report');
    const scope = readScope(env, values);
    const unit = await readUnit(env, values.unit);
    if (ext === 'docx' && !scope.period) throw new UsageError(env.t('cli-report-needs-period'));
    const now = env.clock.now();
    const today = localDate(now);
    const round = scope.period ? await findRound(env.db, scope.period.key, null) : undefined;
    const data = scope.period ? await loadReportData(env.db, env.t, { period: scope.period, unitId: unit?.id, roundId: round?.id }, today) : undefined;
    const file = path.resolve(io.cwd, values.out!);
    if (ext === 'docx') {
      fs.writeFileSync(file, await reportDocx(env.t, data!, now));
      io.stdout(env.t('cli-report-written', { count: data!.items.length, file }));
      return EXIT_OK;
    }
    const rows = await reportRows(env.db, { dueFrom: scope.from, dueTo: scope.to, unitId: unit?.id }, today);
    const title = env.t('report-title-period', { from: scope.from ? formatVnDate(scope.from) : '…', to: scope.to ? formatVnDate(scope.to) : '…' });
    const lines = [unit ? env.t('report-scope-unit', { unit: unit.name }) : env.t('report-scope-all')];
    const workbook = await reportWorkbook(rows, env.t, { title, generatedAt: now, lines }, data ? (wb) => addRoundSheets(wb, env.t, data) : undefined);
    fs.writeFileSync(file, workbook);
    io.stdout(env.t('cli-report-written', { count: rows.length, file }));
    return EXIT_OK;
  },
};

export const monitoringExport: CliCommand = {
  path: ['monitoring', 'export'],
  usageKey: 'cli-usage-monitoring',
  async run(args, io, env) {
    const values = scopeArgs(args, env, 'cli-usage-monitoring');
    const { ext } = outputOf(env, values.out, ['xlsx', 'csv'], 'cli-usage-monitoring');
    const scope = readScope(env, values);
    const unit = await readUnit(env, values.unit);
    const items = await scopeItems(env.db, { from: scope.from, to: scope.to, unitId: unit?.id }, localDate(env.clock.now()));
    const file = path.resolve(io.cwd, values.out!);
    fs.writeFileSync(file, ext === 'csv' ? monitoringCsv(env.t, items) : await monitoringXlsx(env.t, items));
    io.stdout(env.t('cli-report-written', { count: items.length, file }));
    return EXIT_OK;
  },
};
