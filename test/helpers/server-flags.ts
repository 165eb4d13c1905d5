/**
 * The node flags the server starts with. `npm start` (package.json) is the one place they are
 * chosen; the Dockerfile's CMD repeats them (test/app/server-flags.test.ts keeps the two equal),
 * and bench/inbound.ts starts its bots with them so it measures what production runs.
 */
import fs from 'node:fs';
import path from 'node:path';

const repo = path.resolve(import.meta.dirname, '..', '..');

/** The `--` flags of a command that runs node: the words between `node` and the script. */
function nodeFlags(words: string[], where: string): string[] {
  const [node, ...rest] = words;
  if (node !== 'node') throw new Error(`${where} does not run node: ${words.join(' ')}`);
  const script = rest.findIndex((word) => !word.startsWith('--'));
  if (script < 0) throw new Error(`${where} names no script: ${words.join(' ')}`);
  return rest.slice(0, script);
}

/** The node flags of package.json's start script. */
export function startScriptFlags(): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as { scripts: { start: string } };
  return nodeFlags(pkg.scripts.start.trim().split(/\s+/), 'npm start');
}

/** The node flags of the Dockerfile's CMD (exec form). */
export function dockerfileFlags(): string[] {
  const cmd = /^CMD\s+(\[.*\])\s*$/m.exec(fs.readFileSync(path.join(repo, 'Dockerfile'), 'utf8'));
  if (!cmd) throw new Error('the Dockerfile has no CMD in exec form');
  return nodeFlags(JSON.parse(cmd[1]!) as string[], "the Dockerfile's CMD");
}
