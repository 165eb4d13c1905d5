// Runs one of dondoc's entry points: the compiled output in dist/ when a build is current (every
// source file older than the build), otherwise the TypeScript sources through tsx's loader.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const STAMP = path.join(root, 'dist', '.build-stamp');
const SOURCES = ['src', 'commands', 'migrations'];

function newestSource(dir) {
  let newest = 0;
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** True when dist/ was built after the last change to any source file. */
export function buildIsCurrent() {
  let built;
  try {
    built = Number(fs.readFileSync(STAMP, 'utf8'));
  } catch {
    return false;
  }
  if (!Number.isFinite(built)) return false;
  return SOURCES.every((dir) => newestSource(path.join(root, dir)) <= built);
}

/** Imports entry ('main' or 'cli'); DONDOC_FROM=src or =dist forces one or the other. */
export async function launch(entry) {
  const from = process.env.DONDOC_FROM ?? (buildIsCurrent() ? 'dist' : 'src');
  if (from === 'dist') return import(pathToFileURL(path.join(root, 'dist', 'src', `${entry}.js`)).href);
  const { register } = await import('tsx/esm/api');
  register();
  return import(pathToFileURL(path.join(root, 'src', `${entry}.ts`)).href);
}
