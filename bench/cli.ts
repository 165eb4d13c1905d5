/**
 * The admin command line's wall time, as an operator meets it: `help` and `--version` (no
 * database) and `staff link-code` on Postgres, each the median of five runs, beside a bare
 * `node -e 0` measured in the same run. Says whether the compiled build or the sources ran.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { buildIsCurrent } from '../bin/launch.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin', 'dondoc.js');

async function median(args: string[], env: NodeJS.ProcessEnv, runs = 5): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await run(process.execPath, args, { env, cwd: root });
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

/** `databaseUrl` must reach the bench's schema; `phone` is a person in it. */
export async function measureCli(databaseUrl: string, phone: string, log: (line: string) => void): Promise<void> {
  const from = buildIsCurrent() ? 'dist (compiled, current)' : 'src (tsx; run `npm run build` for the compiled figures)';
  const env = { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' };
  log(`Command line (median of 5, wall time; runs from ${from})`);
  const bare = await median(['-e', '0'], env);
  const fmt = (x: number) => `${Math.round(x)} ms`.padStart(8);
  log(`  node -e 0                           ${fmt(bare)}`);
  const help = await median([bin, 'help'], env);
  log(`  dondoc help                         ${fmt(help)}   (+${Math.round(help - bare)} ms over bare node; target < 500 ms)`);
  const version = await median([bin, '--version'], env);
  log(`  dondoc --version                    ${fmt(version)}`);
  const code = await median([bin, 'staff', 'link-code', phone], env);
  log(`  dondoc staff link-code (Postgres)   ${fmt(code)}   (+${Math.round(code - bare)} ms over bare node; target < 1000 ms)`);
}
