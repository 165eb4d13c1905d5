/**
 * Child process of `npm run bench:import`: imports one plan file the way `plan import --dry-run
 * --json` does and prints one JSON line with the proposal, the parse time and the peak resident
 * memory of this process, so each document is measured on its own.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PlanFileError, readPlanBuffer } from '../src/import/read-plan.js';

const file = process.argv[2];
if (!file) throw new Error('usage: import-one FILE');
const bytes = await readFile(file);
const t0 = performance.now();
let plan: unknown = null;
let error: string | null = null;
let code: string | null = null;
try {
  plan = await readPlanBuffer(bytes, path.basename(file));
} catch (e) {
  error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  if (e instanceof PlanFileError) code = e.code;
}
const ms = performance.now() - t0;
process.stdout.write(`${JSON.stringify({ plan, error, code, ms, maxRssKb: process.resourceUsage().maxRSS })}\n`);
