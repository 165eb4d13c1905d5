/**
 * Locates the seed documents for tests: the shared ones (../shared/seeds beside the repository)
 * when they are there, so documents added to them are scored too; otherwise the copy kept in
 * test/fixtures/seeds, so a clone on its own still runs every test.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExpectedTask } from './scoring.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const sharedSeeds = path.resolve(repoRoot, '..', 'shared', 'seeds');
export const seedsDir = fs.existsSync(sharedSeeds) ? sharedSeeds : path.join(repoRoot, 'test', 'fixtures', 'seeds');

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
      const expected = fs.existsSync(expectedFile) ? (JSON.parse(fs.readFileSync(expectedFile, 'utf8')) as { tasks: ExpectedTask[] }).tasks : null;
      return { name, text: fs.readFileSync(path.join(seedsDir, file), 'utf8'), expected };
    });
}
