/**
 * The node flags the server starts with. `npm start` (package.json) is the one place they are
 * chosen; the Dockerfile's CMD repeats them (test/app/server-flags.test.ts keeps the two equal),
 * and bench/inbound.ts starts its bots with them so it measures what production runs.
 */
import fs from 'node:fs';
import path from 'node:path';

const repo = path.resolve(import.meta.dirname, '..', '..');

/** The `--` flags between `node` and the script in package.json's start script. */
export function startScriptFlags(root = repo): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const [node, ...rest] = pkg.scripts.start.trim().split(/\s+/);
  if (node !== 'node') throw new Error(`npm start does not run node: ${pkg.scripts.start}`);
  return rest.slice(
    0,
    rest.findIndex((word) => !word.startsWith('--')),
  );
}

/** The `--` flags between "node" and the script in the Dockerfile's CMD (exec form). */
export function dockerfileFlags(root = repo): string[] {
  const cmd = /^CMD\s+(\[.*\])\s*$/m.exec(fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8'));
  if (!cmd) throw new Error('the Dockerfile has no CMD in exec form');
  const [node, ...rest] = JSON.parse(cmd[1]!) as string[];
  if (node !== 'node') throw new Error(`the Dockerfile's CMD does not run node: ${cmd[1]}`);
  return rest.slice(
    0,
    rest.findIndex((word) => !word.startsWith('--')),
  );
}
