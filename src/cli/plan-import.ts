/**
 * `plan import FILE.txt|docx|xlsx [--dry-run] [--json]`: reads a plan and proposes its tasks.
 * `--dry-run --json` prints exactly one JSON object (DESIGN.md §6) and touches nothing; without
 * `--dry-run` the document and tasks are stored (re-importing updates, never duplicates) and
 * every unit name that could not be resolved is reported.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatVnDate } from '../domain/time.js';
import { PlanFileError, readPlanBuffer } from '../import/read-plan.js';
import type { PlanImport } from '../import/types.js';
import { applyPlan } from '../store/plans.js';
import { EXIT_OK, UsageError, type CliCommand, type CliIo, type OfflineEnv } from './types.js';

function printPreview(plan: PlanImport, io: CliIo, env: OfflineEnv): void {
  io.stdout(env.t('plan-preview-header', { number: plan.document.number || '—', issuer: plan.document.issuer ?? '—', count: plan.tasks.length }));
  for (const task of plan.tasks) {
    const due = task.due.kind === 'date' && task.due.date ? formatVnDate(task.due.date) : task.due.text || env.t('plan-preview-no-due');
    io.stdout(`[${task.ref}] ${task.title}`);
    io.stdout(`    ${env.t('plan-preview-lead', { units: task.lead.join('; ') || '—' })}`);
    if (task.support.length) io.stdout(`    ${env.t('plan-preview-support', { units: task.support.join('; ') })}`);
    io.stdout(`    ${env.t('plan-preview-due', { due })}`);
    if (task.doubts?.length) io.stdout(`    ${env.t('plan-preview-doubts', { doubts: task.doubts.map((d) => env.t(`plan-doubt-${d}`)).join('; ') })}`);
  }
  const doubtful = plan.tasks.filter((t) => t.doubts?.length).length;
  if (doubtful) io.stdout(env.t('plan-preview-doubtful', { count: doubtful }));
}

function parse(args: string[], env: OfflineEnv) {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } }, allowPositionals: true, strict: true });
  } catch {
    throw new UsageError(env.t('cli-usage-plan-import'));
  }
  const file = parsed.positionals[0];
  if (!file || parsed.positionals.length > 1) throw new UsageError(env.t('cli-usage-plan-import'));
  return { file, dryRun: parsed.values['dry-run'] === true, json: parsed.values.json === true };
}

async function readPlan(file: string, io: CliIo, env: OfflineEnv): Promise<{ plan: PlanImport; bytes: Buffer; name: string }> {
  const full = path.resolve(io.cwd, file);
  const bytes = await fs.readFile(full).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'EISDIR') throw new UsageError(env.t('cli-file-not-found', { file }));
    throw error;
  });
  try {
    return { plan: await readPlanBuffer(bytes, path.basename(full)), bytes, name: path.basename(full) };
  } catch (error) {
    if (error instanceof PlanFileError) throw new UsageError(env.t(`plan-upload-error-${error.code.replace('_', '-')}`, { name: file }));
    throw error;
  }
}

async function dryRun(file: string, json: boolean, io: CliIo, env: OfflineEnv): Promise<number> {
  const { plan } = await readPlan(file, io, env);
  if (json) io.stdout(JSON.stringify(plan));
  else printPreview(plan, io, env);
  return EXIT_OK;
}

export const planImport: CliCommand = {
  path: ['plan', 'import'],
  usageKey: 'cli-usage-plan-import',
  runOffline(args, io, env) {
    const options = parse(args, env);
    return options.dryRun ? dryRun(options.file, options.json, io, env) : null;
  },
  async run(args, io, env) {
    const options = parse(args, env);
    if (options.dryRun) return dryRun(options.file, options.json, io, env);
    const { plan, bytes, name } = await readPlan(options.file, io, env);
    const fileHash = createHash('sha256').update(bytes).digest('hex');
    const report = await env.db.transaction().execute((trx) => applyPlan(trx, plan, { fileName: name, fileHash }, env.clock.now()));
    if (options.json) {
      io.stdout(JSON.stringify(report));
      return EXIT_OK;
    }
    io.stdout(env.t('plan-imported', { name, created: report.created, updated: report.updated, unchanged: report.unchanged }));
    for (const unresolved of report.unresolved) io.stderr(env.t('cli-plan-unresolved', { name: unresolved }));
    return EXIT_OK;
  },
};
