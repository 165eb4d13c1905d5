/**
 * `npm run bench:import [-- FILTER] [-- --fast] [-- --verbose]`: imports every labelled plan of
 * ../shared/corpus (text, Word, PDF and text without diacritics) and the seeds, scores each with
 * the corpus scorer's rules (bench/import-score.ts) and prints per document the task recall,
 * precision and F1, the share of found tasks whose lead and due agree, the parse time and the
 * peak memory of the import; then the macro averages. Each file is imported in a child process
 * of its own so its memory is its own; `--fast` imports in this process (no memory figure).
 * The corpus is read where it lies and never copied. Prints figures; asserts nothing.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { readPlanBuffer } from '../src/import/read-plan.js';
import { scoreImport, summaryLine, type ScoredTask } from './import-score.js';

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface LabelledFile {
  file: string;
  expected: string;
}

/** Every corpus and seed file that has labels, as score-corpus.sh pairs them. */
export function labelledFiles(shared = process.env.DONDOC_SHARED ?? path.resolve(root, '..', 'shared')): LabelledFile[] {
  const corpus = path.join(shared, 'corpus');
  const seeds = fs.existsSync(path.join(shared, 'seeds')) ? path.join(shared, 'seeds') : path.join(root, 'test', 'fixtures', 'seeds');
  const list = (dir: string, ext: string): string[] =>
    fs.existsSync(dir)
      ? fs
          .readdirSync(dir)
          .filter((f) => f.endsWith(ext))
          .sort()
          .map((f) => path.join(dir, f))
      : [];
  const files = [...list(corpus, '.txt'), ...list(corpus, '.docx'), ...list(corpus, '.pdf'), ...list(seeds, '.txt')];
  return files.flatMap((file) => {
    const base = path
      .basename(file)
      .replace(/\.[^.]+$/, '')
      .replace(/-nodiac$/, '');
    const candidates = [path.join(corpus, `${base}.expected.json`), path.join(seeds, 'expected', `${base}.json`)];
    const expected = candidates.find((c) => fs.existsSync(c));
    return expected ? [{ file, expected }] : [];
  });
}

interface Measured {
  plan: { tasks: ScoredTask[] } | null;
  error: string | null;
  ms: number;
  maxRssKb: number | null;
}

async function importInChild(file: string): Promise<Measured> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', path.join(root, 'bench', 'import-one.ts'), file], {
    cwd: root,
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Measured;
}

async function importHere(file: string): Promise<Measured> {
  const bytes = fs.readFileSync(file);
  const t0 = performance.now();
  try {
    const plan = (await readPlanBuffer(bytes, path.basename(file))) as unknown as Measured['plan'];
    return { plan, error: null, ms: performance.now() - t0, maxRssKb: null };
  } catch (e) {
    return { plan: null, error: String(e), ms: performance.now() - t0, maxRssKb: null };
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { fast: { type: 'boolean' }, verbose: { type: 'boolean' }, json: { type: 'boolean' } },
    allowPositionals: true,
  });
  const filter = positionals[0] ?? '';
  const files = labelledFiles().filter((f) => path.basename(f.file).includes(filter));
  if (files.length === 0) {
    console.log('no labelled plans found (../shared/corpus and the seeds are read where they lie)');
    return;
  }
  const rows: Array<{ name: string; f1: number; fields: number; line: string }> = [];
  for (const { file, expected } of files) {
    const name = path.basename(file);
    const measured = values.fast ? await importHere(file) : await importInChild(file);
    const labels = JSON.parse(fs.readFileSync(expected, 'utf8')) as { tasks: ScoredTask[] };
    const score = scoreImport(labels.tasks, measured.plan?.tasks ?? []);
    const cost = `${measured.ms.toFixed(0).padStart(5)} ms${measured.maxRssKb ? ` ${(measured.maxRssKb / 1024).toFixed(0).padStart(4)} MB` : ''}`;
    const line = measured.error ? `import failed: ${measured.error} F1=0.00 fields=0.00` : summaryLine(score);
    rows.push({ name, f1: measured.error ? 0 : score.f1, fields: measured.error ? 0 : score.fields, line });
    console.log(`${name.padEnd(46)} ${cost}  ${line}`);
    if (values.verbose) for (const d of score.details) console.log(d);
  }
  const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
  const corpusRows = rows.filter((r) => /^\d\d-/.test(r.name));
  const summary = (label: string, rs: typeof rows): string =>
    `${label}: ${rs.length} files, macro F1=${mean(rs.map((r) => r.f1)).toFixed(2)} fields=${mean(rs.map((r) => r.fields)).toFixed(2)}; below 0.75: ${rs.filter((r) => r.f1 < 0.75).length}`;
  console.log('');
  if (corpusRows.length) console.log(summary('corpus', corpusRows));
  console.log(summary('all', rows));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) await main();
