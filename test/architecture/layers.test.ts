/**
 * The layering rule of README's "Architecture" section, checked on every import of src/ and
 * commands/: a file may import from its own layer or from a layer below it, never from a layer
 * above, and never from a sibling on its own level (channels and the scheduler do not know each
 * other; the app wires them). And SQL lives in store/ (and db/, migrations/, bench/) only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Lowest first. A file's layer is the first entry whose prefix its path starts with. */
const LAYERS: { name: string; level: number; prefixes: string[] }[] = [
  { name: 'domain', level: 0, prefixes: ['src/domain/'] },
  { name: 'migrations', level: 0, prefixes: ['migrations/'] },
  { name: 'import', level: 1, prefixes: ['src/import/'] },
  { name: 'leaf', level: 1, prefixes: ['src/config.ts', 'src/i18n.ts', 'src/logger.ts', 'src/paths.ts'] },
  { name: 'db', level: 1, prefixes: ['src/db/'] },
  { name: 'http', level: 1, prefixes: ['src/http/'] },
  { name: 'store', level: 2, prefixes: ['src/store/'] },
  { name: 'chat', level: 3, prefixes: ['src/chat/'] },
  { name: 'reports', level: 3, prefixes: ['src/reports/'] },
  { name: 'commands', level: 4, prefixes: ['commands/'] },
  { name: 'channels', level: 5, prefixes: ['src/channels/'] },
  { name: 'scheduler', level: 5, prefixes: ['src/scheduler/'] },
  { name: 'app', level: 6, prefixes: ['src/app/', 'src/app.ts', 'src/main.ts', 'src/cli.ts', 'src/cli/', 'src/dashboard/', 'src/demo/'] },
];

export function layerOf(file: string): (typeof LAYERS)[number] | undefined {
  return LAYERS.find((l) => l.prefixes.some((p) => file === p || (p.endsWith('/') && file.startsWith(p))));
}

/** Why importing `to` from `from` breaks the rule, or null when it is allowed. */
export function violation(from: string, to: string): string | null {
  const a = layerOf(from);
  const b = layerOf(to);
  if (!a) return `${from} belongs to no layer (add it to LAYERS and README)`;
  if (!b) return `${to} (imported by ${from}) belongs to no layer`;
  if (a.name === b.name || b.level < a.level) return null;
  return `${from} (${a.name}) imports ${to} (${b.name}), ${b.level === a.level ? 'a sibling' : 'a layer above'}`;
}

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const specs = [...text.matchAll(/(?:from\s+|import\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]!);
  return specs.map((s) => path.posix.normalize(path.posix.join(path.posix.dirname(file), s)).replace(/\.js$/, '.ts'));
}

describe('layers', () => {
  it('tells a downward import from an upward or sideways one', () => {
    expect(violation('src/chat/answer.ts', 'src/store/tasks.ts')).toBeNull();
    expect(violation('src/chat/answer.ts', 'src/chat/cards.ts')).toBeNull();
    expect(violation('src/store/tasks.ts', 'src/chat/cards.ts')).toMatch(/a layer above/);
    expect(violation('src/scheduler/worker.ts', 'src/channels/rate-limit.ts')).toMatch(/a sibling/);
    expect(violation('commands/tasks.ts', 'src/http/server.ts')).toBeNull();
    expect(violation('src/elsewhere/x.ts', 'src/domain/time.ts')).toMatch(/no layer/);
  });

  it('no file of src/ or commands/ imports from a layer above it or a sibling', () => {
    const problems = [...sourceFiles('src'), ...sourceFiles('commands')].flatMap((file) => importsOf(file).flatMap((target) => violation(file, target) ?? []));
    expect(problems).toEqual([]);
  });
});

/** A query built or written outside store/: Kysely's builders, the `sql` tag, or a raw query. */
const SQL_USE = /\.(selectFrom|insertInto|updateTable|deleteFrom|selectNoFrom|with)\(|\bsql(<[^>]*>)?`|\bsql\.(raw|lit|join|ref|id)\(|from 'kysely'/;

describe('SQL', () => {
  it('recognises a query', () => {
    expect(SQL_USE.test("db.selectFrom('staff')")).toBe(true);
    expect(SQL_USE.test('sql<number>`select 1`')).toBe(true);
    expect(SQL_USE.test("import { sql } from 'kysely';")).toBe(true);
    expect(SQL_USE.test('deps.db.transaction().execute(work)')).toBe(false);
  });

  it('is written only in store/ and db/', () => {
    const outside = [...sourceFiles('src'), ...sourceFiles('commands')].filter((f) => !f.startsWith('src/store/') && !f.startsWith('src/db/'));
    const offenders = outside.filter((file) => SQL_USE.test(fs.readFileSync(path.join(ROOT, file), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
