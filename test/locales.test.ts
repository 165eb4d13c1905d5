import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES_DIR } from '../src/i18n.js';

const root = path.resolve(LOCALES_DIR, '..');

function messageIds(file: string): Set<string> {
  const text = fs.readFileSync(path.join(LOCALES_DIR, file), 'utf8');
  return new Set([...text.matchAll(/^([a-zA-Z][a-zA-Z0-9_-]*)\s*=/gm)].map((m) => m[1]!));
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.ts$/.test(entry.name) ? [full] : [];
  });
}

describe('locales', () => {
  const vi = messageIds('vi.ftl');
  const en = messageIds('en.ftl');

  it('Vietnamese and English have the same messages', () => {
    expect([...vi].filter((id) => !en.has(id))).toEqual([]);
    expect([...en].filter((id) => !vi.has(id))).toEqual([]);
  });

  it('every message id used literally in the code exists', () => {
    const used = new Set<string>();
    for (const file of [...sourceFiles(path.join(root, 'src')), ...sourceFiles(path.join(root, 'commands'))]) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-z][a-z0-9_-]*)'/g)) used.add(m[1]!);
      for (const m of text.matchAll(/(?:descriptionKey|usageKey):\s*'([a-z][a-z0-9_-]*)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(40);
    expect([...used].filter((id) => !vi.has(id))).toEqual([]);
  });
});
