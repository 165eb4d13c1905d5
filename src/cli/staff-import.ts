/**
 * `staff import FILE.csv|xlsx`: loads the organisation and its people. Header
 * `name,unit,role,phone`; unit is a path "Sở Tư pháp / Văn phòng Sở", created when missing.
 * Idempotent; a bad row is reported with its line number and skipped, good rows are kept. The
 * file is read and stored by the same code as the office workbench's upload (import/staff-file,
 * store/staff-import), in one transaction, with progress on large lists.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { readStaffFile, StaffFileError } from '../import/staff-file.js';
import { applyStaffImport, previewStaffImport } from '../store/staff-import.js';
import { EXIT_FAILURE, EXIT_OK, UsageError, type CliCommand } from './types.js';

/** Lists longer than this get a progress line every PROGRESS_EVERY rows. */
const PROGRESS_EVERY = 10_000;

export const staffImport: CliCommand = {
  path: ['staff', 'import'],
  usageKey: 'cli-usage-staff-import',
  async run(args, io, env) {
    const file = args[0];
    if (!file) throw new UsageError(env.t('cli-usage-staff-import'));
    const full = path.resolve(io.cwd, file);
    const bytes = await fs.readFile(full).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'EISDIR') throw new UsageError(env.t('cli-file-not-found', { file }));
      throw error;
    });
    const table = await readStaffFile(bytes, full).catch((error: unknown) => {
      if (error instanceof StaffFileError) throw new UsageError(env.t(error.reason.key, error.reason.args));
      throw error;
    });
    for (const bad of table.skipped) io.stderr(env.t('cli-staff-import-bad-row', { line: bad.line, problem: env.t(bad.reason.key, bad.reason.args) }));
    let reported = 0;
    const counts = await env.db.transaction().execute(async (trx) => {
      const preview = await previewStaffImport(trx, table.rows);
      await applyStaffImport(trx, table.rows, env.clock.now(), (done, total) => {
        if (total <= PROGRESS_EVERY || (done - reported < PROGRESS_EVERY && done < total)) return;
        reported = done;
        io.stderr(env.t('cli-staff-import-progress', { done, total }));
      });
      return preview.counts;
    });
    const skipped = table.skipped.length;
    io.stdout(env.t('cli-staff-import-done', { created: counts.add, updated: counts.change, unchanged: counts.same, skipped }));
    return skipped > 0 && table.rows.length === 0 ? EXIT_FAILURE : EXIT_OK;
  },
};
