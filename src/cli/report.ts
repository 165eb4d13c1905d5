/** `report --from D --to D --out FILE.xlsx`: every period due between two dates, as the dashboard's Excel export. */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { reportRows } from '../store/report.js';
import { reportWorkbook } from '../dashboard/xlsx.js';
import { formatVnDate, isoDate, localDate } from '../domain/time.js';
import { EXIT_OK, UsageError, type CliCommand, type CliEnv } from './types.js';

function date(env: CliEnv, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const parsed = m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  if (!parsed) throw new UsageError(env.t('cli-bad-date', { value }));
  return parsed;
}

export const report: CliCommand = {
  path: ['report'],
  usageKey: 'cli-usage-report',
  async run(args, io, env) {
    let values;
    try {
      ({ values } = parseArgs({ args, options: { from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' } }, strict: true }));
    } catch {
      throw new UsageError(env.t('cli-usage-report'));
    }
    if (!values.out || !values.out.toLowerCase().endsWith('.xlsx')) throw new UsageError(env.t('cli-usage-report'));
    const from = date(env, values.from);
    const to = date(env, values.to);
    if (from && to && from > to) throw new UsageError(env.t('cli-report-range', { from, to }));
    const now = env.clock.now();
    const rows = await reportRows(env.db, { dueFrom: from, dueTo: to }, localDate(now));
    const title = env.t('report-title-period', { from: from ? formatVnDate(from) : '…', to: to ? formatVnDate(to) : '…' });
    const workbook = await reportWorkbook(rows, env.t, { title, generatedAt: now, lines: [env.t('report-scope-all')] });
    const file = path.resolve(io.cwd, values.out);
    fs.writeFileSync(file, workbook);
    io.stdout(env.t('cli-report-written', { count: rows.length, file }));
    return EXIT_OK;
  },
};
