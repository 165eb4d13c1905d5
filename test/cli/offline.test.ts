/**
 * Commands that need no database never open one: help, the version, an unknown command and
 * argument mistakes answer from the process alone. Checked by pointing the CLI at a database
 * that cannot be reached (and a data dir that must stay uncreated).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CLI_CATALOG } from '../../src/cli/index.js';

const run = promisify(execFile);
const bin = path.resolve(import.meta.dirname, '..', '..', 'bin', 'dondoc.js');
const pkg = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };

async function cli(args: string[], database: 'unreachable' | 'embedded') {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dondoc-offline-')), 'data');
  const env = {
    ...process.env,
    DONDOC_FROM: 'src',
    LOG_LEVEL: 'silent',
    DATA_DIR: dir,
    // Port 9 (discard) on loopback: nothing listens, so any attempt to connect fails at once.
    DATABASE_URL: database === 'unreachable' ? 'postgres://nobody@127.0.0.1:9/none' : '',
  };
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { env });
    return { code: 0, stdout, stderr, dirCreated: fs.existsSync(dir) };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr, dirCreated: fs.existsSync(dir) };
  }
}

describe('the CLI without a database', () => {
  it('names every command in its catalog exactly as the command module does', async () => {
    const paths = CLI_CATALOG.map((entry) => entry.path.join(' '));
    expect(new Set(paths).size).toBe(paths.length);
    for (const entry of CLI_CATALOG) {
      const command = await entry.load();
      expect(command.path).toEqual(entry.path);
      expect(command.usageKey).toBe(entry.usageKey);
    }
  });

  it('prints help and the version with no database to reach', async () => {
    const help = await cli(['help'], 'unreachable');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('staff link-code');
    expect(help.stdout).toContain('Cách dùng');
    const version = await cli(['--version'], 'unreachable');
    expect(version).toMatchObject({ code: 0, stdout: `dondoc ${pkg.version}\n` });
  }, 60_000);

  it('refuses an unknown command and bad arguments before opening a database', async () => {
    const unknown = await cli(['frobnicate'], 'unreachable');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('frobnicate');
    const noPhone = await cli(['staff', 'link-code'], 'unreachable');
    expect(noPhone.code).toBe(2);
    expect(noPhone.stderr).toContain('staff link-code');
    const badDate = await cli(['task', 'add', '--title', 'Báo cáo', '--owner', '0912000001', '--due', '31/02/2026'], 'unreachable');
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain('31/02/2026');
  }, 60_000);

  it('leaves the embedded data dir alone for help', async () => {
    const help = await cli(['help'], 'embedded');
    expect(help.code).toBe(0);
    expect(help.dirCreated).toBe(false);
  }, 60_000);

  it('does reach for the database when a command needs one', async () => {
    const linked = await cli(['staff', 'link-code', '0912000001'], 'unreachable');
    expect(linked.code).toBe(1);
    expect(linked.stderr).not.toBe('');
  }, 60_000);
});
