/**
 * Where dondoc's own files are, the same whether it runs from src/ through tsx or from the
 * compiled dist/src/: the package root is the nearest directory above this module that holds
 * dondoc's package.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

export function packageRoot(): string {
  if (root) return root;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'package.json');
    if (fs.existsSync(candidate)) {
      const name = (JSON.parse(fs.readFileSync(candidate, 'utf8')) as { name?: string }).name;
      if (name === 'dondoc') return (root = dir);
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`dondoc's package.json not found above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

export function packageVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}
