/** Locates the shared seed documents (../shared/seeds from the repository root) for tests. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExpectedTask } from './scoring.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const seedsDir = path.resolve(repoRoot, '..', 'shared', 'seeds');

export interface Seed {
  name: string;
  text: string;
  expected: ExpectedTask[] | null;
}

/** Every seed text with its expected tasks when an expected file exists. Throws when the folder is missing. */
export function loadSeeds(): Seed[] {
  if (!fs.existsSync(seedsDir)) throw new Error(`seed folder not found: ${seedsDir}`);
  return fs
    .readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => {
      const name = file.replace(/\.txt$/, '');
      const expectedFile = path.join(seedsDir, 'expected', `${name}.json`);
      const expected = fs.existsSync(expectedFile)
        ? (JSON.parse(fs.readFileSync(expectedFile, 'utf8')) as { tasks: ExpectedTask[] }).tasks
        : null;
      return { name, text: fs.readFileSync(path.join(seedsDir, file), 'utf8'), expected };
    });
}
